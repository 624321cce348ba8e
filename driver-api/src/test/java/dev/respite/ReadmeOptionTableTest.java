package dev.respite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's option table is generated from {@link RedisOption}: the code is the one source of truth. */
class ReadmeOptionTableTest {

  @Test
  void readmeListsEveryOptionWithItsDefaultAndMeaning() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = table();
    assertThat(readme)
        .as("README.md must contain this table, generated from RedisOption.all():%n%s", table)
        .contains(table);
  }

  static String table() {
    StringBuilder out = new StringBuilder("| option | default | meaning |\n|---|---|---|\n");
    for (RedisOption<?> option : RedisOption.all()) {
      out.append("| `").append(option.name()).append("` | ").append(defaultText(option)).append(" | ")
          .append(option.description()).append(" |\n");
    }
    return out.toString();
  }

  private static <T> String defaultText(RedisOption<T> option) {
    T value = option.defaultValue();
    return value == null ? "(none)" : "`" + option.format(value) + "`";
  }
}
