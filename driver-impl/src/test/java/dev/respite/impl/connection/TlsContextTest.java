package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad CA file fails when the data source is made, naming the option; no server is needed. */
class TlsContextTest {
  @TempDir Path dir;

  @Test
  void missingCaFileFailsNamingTheOption() {
    Path missing = dir.resolve("missing.pem");
    RedisConfig config = RedisConfig.builder().tls(true).tlsCaCertificate(missing.toString()).build();
    assertThatThrownBy(() -> TlsContext.of(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsCaCertificate").hasMessageContaining("missing.pem");
  }

  @Test
  void fileWithoutCertificatesFailsNamingTheOption() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    RedisConfig config = RedisConfig.builder().tls(true).tlsCaCertificate(empty.toString()).build();
    assertThatThrownBy(() -> TlsContext.of(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsCaCertificate");
  }

  @Test
  void defaultAndInsecureContextsNeedNoFile() {
    assertThat(TlsContext.of(RedisConfig.builder().tls(true).build())).isNotNull();
    assertThat(TlsContext.of(RedisConfig.builder().tls(true).tlsInsecureSkipVerify(true).build())).isNotNull();
  }
}
