package dev.respite.it.modes;

import java.util.List;
import java.util.stream.Stream;

/** Every row of the every-command table, family by family; a new family's rows file is added here. */
final class CommandTable {
  private CommandTable() {}

  static List<CommandRow> rows() {
    return Stream.of(KeyRows.rows(), StringRows.rows(), HashRows.rows(), ListRows.rows(), SetRows.rows(),
            SortedSetRows.rows(), SmallFamilyRows.rows(), StreamRows.rows(), ServerAndScriptingRows.rows())
        .flatMap(List::stream)
        .toList();
  }
}
