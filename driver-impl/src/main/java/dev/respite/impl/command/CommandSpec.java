package dev.respite.impl.command;

import java.util.List;
import java.util.Set;

/**
 * What the command table knows of one command or subcommand: its arity, its flags and where its keys
 * stand. Immutable.
 *
 * @param name the lower-case name as Redis lists it; a subcommand as {@code config|get}
 * @param arity the number of words, the name included; negative: at least that many
 * @param flags Redis' command flags ({@code readonly}, {@code write}, {@code blocking}, ...)
 * @param keySpecs where the keys stand
 */
public record CommandSpec(String name, int arity, Set<String> flags, List<KeySpec> keySpecs) {

  /** Whether the command only reads data: it may run on a replica. */
  public boolean isReadOnly() {
    return flags.contains("readonly");
  }

  /** Whether the command may change data. */
  public boolean isWrite() {
    return flags.contains("write");
  }

  /** Whether the command may block the connection on the server (BLPOP, XREAD BLOCK, WAIT...). */
  public boolean isBlocking() {
    return flags.contains("blocking");
  }

  /** Where the keys stand in a command of {@code argc} words. */
  KeyPositions keyPositions(int argc, KeySpec.WordText words) {
    KeyPositions positions = new KeyPositions();
    for (int i = 0; i < keySpecs.size(); i++) { // no iterator: this runs for every routed command
      keySpecs.get(i).collect(argc, words, positions);
    }
    return positions;
  }

  /** The spec as one line of the table: {@code name arity flags keyspecs}. */
  public String line() {
    return name + " " + arity + " " + (flags.isEmpty() ? "-" : String.join(",", flags)) + " "
        + (keySpecs.isEmpty() ? "-" : String.join(";", keySpecs.stream().map(KeySpec::text).toList()));
  }
}
