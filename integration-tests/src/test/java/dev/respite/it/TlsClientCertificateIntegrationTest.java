package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.testsupport.LocalRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A redis-server with {@code tls-auth-clients yes} (Redis' default once TLS is on): the client certificate
 * from {@code tlsClientCertificate}/{@code tlsClientKey} gets in; none, or one from another CA, fails saying
 * what to set.
 */
class TlsClientCertificateIntegrationTest {
  private static TestCertificates certificates;
  private static LocalRedisServer server;

  @BeforeAll
  static void startServerThatRequiresClientCertificates() {
    Assumptions.assumeTrue(LocalRedisServer.isAvailable() && TestCertificates.opensslAvailable(),
        "skipped: needs redis-server and openssl on this machine");
    certificates = TestCertificates.generate();
    server = LocalRedisServer.startTls(certificates.serverArgs("server", true).toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (certificates != null) {
      certificates.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"client", "rsa-client"})
  void clientCertificateSignedByTheServersCaGetsIn(String name) {
    String query = "tlsClientCertificate=" + certificates.certificate(name)
        + "&tlsClientKey=" + certificates.key(name);
    try (RedisDataSource ds = RedisDataSource.create(url(query)); RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
      s.set("mtls", "yes");
      assertThat(s.get("mtls")).isEqualTo("yes");
    }
  }

  @Test
  void builderTakesTheCertificateAndKeyTogether() {
    RedisConfig config = RedisConfig.builder().url(url(""))
        .tlsClientCertificate(certificates.certificate("client").toString(), certificates.key("client").toString())
        .build();
    try (RedisDataSource ds = RedisDataSource.create(config); RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void withoutAClientCertificateTheErrorSaysWhichOptionsToSet() {
    try (RedisDataSource ds = RedisDataSource.create(url(""))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("client certificate")
          .hasMessageContaining("tlsClientCertificate");
    }
  }

  @Test
  void certificateFromAnotherCaIsRefused() {
    String query = "tlsClientCertificate=" + certificates.certificate("stranger")
        + "&tlsClientKey=" + certificates.key("stranger");
    try (RedisDataSource ds = RedisDataSource.create(url(query))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("refused the client certificate");
    }
  }

  @Test
  void keyOfAnotherCertificateFailsWhenTheDataSourceIsCreated() {
    String query = "tlsClientCertificate=" + certificates.certificate("client")
        + "&tlsClientKey=" + certificates.key("stranger");
    assertThatThrownBy(() -> RedisDataSource.create(url(query)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsClientKey").hasMessageContaining("does not belong");
  }

  private static String url(String query) {
    return "rediss://" + server.host() + ":" + server.port() + "?tlsCaCertificate=" + certificates.ca()
        + (query.isEmpty() ? "" : "&" + query);
  }
}
