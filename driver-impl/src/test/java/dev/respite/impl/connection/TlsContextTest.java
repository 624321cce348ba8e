package dev.respite.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad CA or client certificate file fails when the data source is made, naming the option; no server is needed. */
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

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "EC PRIVATE KEY|AAAA|openssl pkcs8 -topk8 -nocrypt",
      "RSA PRIVATE KEY|AAAA|openssl pkcs8 -topk8 -nocrypt",
      "ENCRYPTED PRIVATE KEY|AAAA|encrypted",
      "PRIVATE KEY|*not base64*|bad base64",
      "CERTIFICATE|AAAA|no unencrypted PKCS #8 key",
  })
  void clientKeyJavaCannotReadFailsNamingTheOptionAndWhatToDo(String label, String body, String says)
      throws IOException {
    Path key = Files.writeString(dir.resolve("client.key"),
        "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    assertThatThrownBy(() -> TlsContext.of(withClientCertificate(dir.resolve("client.pem"), key)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsClientKey").hasMessageContaining(says);
  }

  @Test
  void missingClientCertificateFileFailsNamingTheOptionAndNeverTheKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    String encoded = Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    Path key = Files.writeString(dir.resolve("client.key"),
        "-----BEGIN PRIVATE KEY-----\n" + encoded + "\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> TlsContext.of(withClientCertificate(dir.resolve("missing.pem"), key)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsClientCertificate").hasMessageContaining("missing.pem")
        .message().doesNotContain(encoded.substring(0, 40));
  }

  private static RedisConfig withClientCertificate(Path certificate, Path key) {
    return RedisConfig.builder().tls(true).tlsClientCertificate(certificate.toString(), key.toString()).build();
  }

  @Test
  void defaultAndInsecureContextsNeedNoFile() {
    assertThat(TlsContext.of(RedisConfig.builder().tls(true).build())).isNotNull();
    assertThat(TlsContext.of(RedisConfig.builder().tls(true).tlsInsecureSkipVerify(true).build())).isNotNull();
  }
}
