package dev.respite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API module stays a contract: it imports only the JDK, JSpecify and itself. */
class ApiBoundaryTest {

  @Test
  void apiSourcesImportNothingButTheJdkJspecifyAndTheApi() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      offending = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(ApiBoundaryTest::imports)
          .filter(i -> !(i.startsWith("java.") || i.startsWith("org.jspecify.")
              || i.startsWith("dev.respite.") && !i.startsWith("dev.respite.impl")))
          .collect(Collectors.toList());
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void everyPublicApiPackageIsNullMarked() throws IOException {
    try (Stream<Path> dirs = Files.walk(Path.of("src", "main", "java", "dev", "respite"))) {
      dirs.filter(Files::isDirectory).forEach(dir -> {
        Path info = dir.resolve("package-info.java");
        assertThat(info).exists();
        assertThat(read(info)).contains("@NullMarked");
      });
    }
  }

  private static Stream<String> imports(Path file) {
    return read(file).lines().filter(l -> l.startsWith("import "))
        .map(l -> l.replace("import static ", "").replace("import ", "").replace(";", "").trim());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
