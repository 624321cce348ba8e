package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.respite.RedisDataSource;
import dev.respite.impl.RespiteDriver;
import dev.respite.metrics.RespiteMetrics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each driver jar names itself in its manifest, and the driver reports the version it runs. Needs the
 * packaged jars on the class path, as {@code mvn verify} gives this module; run from class directories
 * ({@code mvn test}) the tests are skipped, saying so.
 */
class PackagedJarManifestTest {
  private static final String EXPECTED_VERSION = System.getProperty("respite.expectedVersion", "");

  @ParameterizedTest
  @ValueSource(classes = {RedisDataSource.class, RespiteDriver.class, RespiteMetrics.class})
  void everyDriverJarHasImplementationTitleAndVersion(Class<?> fromJar) throws IOException {
    Path jar = jarOf(fromJar);
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE)).as("Implementation-Title of %s", jar)
          .startsWith("Respite");
      assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).as("Implementation-Version of %s", jar)
          .isEqualTo(EXPECTED_VERSION);
    }
  }

  @Test
  void theDriverReportsTheVersionOfItsJar() {
    jarOf(RespiteDriver.class);
    assertThat(RespiteDriver.version()).isEqualTo(EXPECTED_VERSION);
  }

  private static Path jarOf(Class<?> type) {
    assertThat(EXPECTED_VERSION).as("system property respite.expectedVersion, set by the module's pom").isNotBlank();
    try {
      Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      assumeTrue(Files.isRegularFile(location) && location.toString().endsWith(".jar"),
          () -> type.getSimpleName() + " was loaded from " + location + ", not a jar: run mvn verify to test the jars");
      return location;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
