package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.RedisTimeoutException;
import dev.respite.testsupport.LocalRedisServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rediss://} against a redis-server that listens only for TLS, with certificates the test makes:
 * verification of the certificate and host name is on by default, and only an explicit option turns it off.
 */
class TlsIntegrationTest {
  private static final String PASSWORD = "tls-Pa55word";

  private static TestCertificates certificates;
  private static LocalRedisServer server;

  @BeforeAll
  static void startTlsServer() {
    Assumptions.assumeTrue(LocalRedisServer.isAvailable() && TestCertificates.opensslAvailable(),
        "skipped: needs redis-server and openssl on this machine");
    certificates = TestCertificates.generate();
    server = startTls("server", "--requirepass", PASSWORD);
  }

  @AfterAll
  static void stopTlsServer() {
    if (server != null) {
      server.close();
    }
    if (certificates != null) {
      certificates.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void verifiedConnectionAuthenticatesAndCarriesCommands(int protocol) {
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD,
        "protocol=" + protocol + "&tlsCaCertificate=" + certificates.ca()));
         RedisSession s = ds.openSession()) {
      assertThat(ds.config().tls()).isTrue();
      assertThat(s.ping()).isEqualTo("PONG");
      assertThat(s.execute("ACL", "WHOAMI").asString()).isEqualTo("default");
      byte[] large = new byte[300_000];
      Arrays.fill(large, (byte) 'x');
      large[large.length - 1] = '\n';
      s.execute("SET", "big", large);
      assertThat(s.execute("GET", "big").asBytes()).isEqualTo(large);
    }
  }

  @Test
  void pooledTlsConnectionIsReusedAndAKilledOneIsReplaced() throws Exception {
    String query = "poolMaxTotal=1&tlsCaCertificate=" + certificates.ca();
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD, query));
         RedisDataSource killer = RedisDataSource.create(url(server, ":" + PASSWORD, query))) {
      long first = clientId(ds);
      assertThat(clientId(ds)).as("reused while fresh").isEqualTo(first);
      Thread.sleep(700); // past the quiet window: the next borrow checks the connection with a PING
      assertThat(clientId(ds)).as("reused after a PING").isEqualTo(first);

      kill(killer, first);
      long second = clientId(ds);
      assertThat(second).as("killed while idle and fresh: replaced on borrow").isNotEqualTo(first);

      Thread.sleep(700);
      kill(killer, second);
      Thread.sleep(700);
      assertThat(clientId(ds)).as("killed while idle a while: replaced on borrow").isNotIn(first, second);
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void replyTimeoutOverTlsClosesTheConnectionAndTheNextSessionWorks() {
    String query = "poolMaxTotal=1&socketTimeout=300ms&tlsCaCertificate=" + certificates.ca();
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD, query))) {
      try (RedisSession s = ds.openSession()) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> s.execute("DEBUG", "SLEEP", "2")).isInstanceOf(RedisTimeoutException.class);
        // Well before the reply at 2 s, with room for a loaded machine.
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 1_700L);
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.ping()).isEqualTo("PONG");
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void concurrentSessionsOverTlsEachGetTheirOwnReplies() throws Exception {
    int threads = 8;
    int commands = 500;
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD,
        "poolMaxTotal=4&poolMaxWait=10s&tlsCaCertificate=" + certificates.ca()))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String key = "tls:" + t;
          results.add(pool.submit(() -> {
            int checked = 0;
            for (int i = 0; i < commands; i++) {
              try (RedisSession s = ds.openSession()) {
                s.set(key, key + ":" + i);
                assertThat(s.get(key)).isEqualTo(key + ":" + i);
                checked++;
              }
            }
            return checked;
          }));
        }
        for (Future<Integer> result : results) {
          assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(commands);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  private static long clientId(RedisDataSource ds) {
    try (RedisSession s = ds.openSession()) {
      return s.execute("CLIENT", "ID").asLong();
    }
  }

  private static void kill(RedisDataSource killer, long id) {
    try (RedisSession s = killer.openSession()) {
      assertThat(s.execute("CLIENT", "KILL", "ID", id).asLong()).isEqualTo(1);
    }
  }

  @Test
  void aclUserAuthenticatesOverTls() {
    String ca = "tlsCaCertificate=" + certificates.ca();
    try (RedisDataSource admin = RedisDataSource.create(url(server, ":" + PASSWORD, ca));
         RedisSession s = admin.openSession()) {
      s.execute("ACL", "SETUSER", "tls-app", "reset", "on", ">tls-app-Pa55", "~*", "+@all");
    }
    try (RedisDataSource ds = RedisDataSource.create(url(server, "tls-app:tls-app-Pa55", "protocol=3&" + ca));
         RedisSession s = ds.openSession()) {
      assertThat(s.execute("ACL", "WHOAMI").asString()).isEqualTo("tls-app");
    }
  }

  @Test
  void wrongPasswordOverTlsFailsWithWrongpass() {
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":not-it",
        "tlsCaCertificate=" + certificates.ca()))) {
      assertThatThrownBy(ds::openSession).isInstanceOfSatisfying(RedisServerException.class,
          e -> assertThat(e.code()).isEqualTo("WRONGPASS"));
    }
  }

  @Test
  void missingPasswordOverTlsFailsTheFirstCommandWithNoauthAsOnPlainTcp() {
    try (RedisDataSource ds = RedisDataSource.create(url(server, "", "tlsCaCertificate=" + certificates.ca()));
         RedisSession s = ds.openSession()) {
      assertThatThrownBy(s::ping).isInstanceOfSatisfying(RedisServerException.class,
          e -> assertThat(e.code()).isEqualTo("NOAUTH"));
    }
  }

  @Test
  void certificateOfAnUnknownCaIsRejectedByDefault() {
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD, "poolMaxWait=2s"))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("TLS handshake with Redis at 127.0.0.1:" + server.port() + " failed")
          .hasMessageContaining("not trusted by the JDK's trust store")
          .hasMessageContaining("tlsCaCertificate")
          .hasMessageNotContaining(PASSWORD);
    }
  }

  @Test
  void wrongCaFailsWithAClearConnectionError() {
    try (RedisDataSource ds = RedisDataSource.create(url(server, ":" + PASSWORD,
        "tlsCaCertificate=" + certificates.otherCa()))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("not signed by the CA in tlsCaCertificate");
    }
  }

  @Test
  void certificateForAnotherHostNameIsRejected() {
    try (LocalRedisServer wrongHost = startTls("wrong-host");
         RedisDataSource ds = RedisDataSource.create(url(wrongHost, "",
             "tlsCaCertificate=" + certificates.ca()))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("does not name the host 127.0.0.1");
    }
  }

  @Test
  void insecureOptionConnectsWithoutVerifyingAndWarnsOncePerDataSource() {
    try (LocalRedisServer wrongHost = startTls("wrong-host");
         CapturedLog log = CapturedLog.start();
         RedisDataSource ds = RedisDataSource.create(url(wrongHost, "", "tlsInsecureSkipVerify=true&poolName=tls-insecure"))) {
      for (int i = 0; i < 3; i++) {
        try (RedisSession s = ds.openSession(); RedisSession t = ds.openSession()) {
          assertThat(s.ping()).isEqualTo("PONG");
          assertThat(t.ping()).isEqualTo("PONG");
        }
      }
      assertThat(log.at(Level.WARNING))
          .filteredOn(r -> r.getMessage().contains("tlsInsecureSkipVerify=true")
              && r.getMessage().contains(ds.poolName()))
          .singleElement()
          .satisfies(r -> assertThat(r.getMessage()).contains("NOT verified"));
    }
  }

  @Test
  void plainTcpToATlsPortFailsInsteadOfHanging() {
    try (RedisDataSource ds = RedisDataSource.create(
        "redis://127.0.0.1:" + server.port() + "?socketTimeout=1s&connectTimeout=1s")) {
      assertThatThrownBy(() -> {
        try (RedisSession s = ds.openSession()) {
          s.ping();
        }
      }).isInstanceOf(RedisConnectionException.class);
    }
  }

  @Test
  void unreadableCaFileFailsWhenTheDataSourceIsCreated() {
    assertThatThrownBy(() -> RedisDataSource.create(url(server, "", "tlsCaCertificate=/no/such/ca.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tlsCaCertificate").hasMessageContaining("/no/such/ca.pem");
  }

  @Test
  void tlsToAPlainPortFailsSayingSo() {
    try (LocalRedisServer plain = LocalRedisServer.launch();
         RedisDataSource ds = RedisDataSource.create(url(plain, "",
             "connectTimeout=500ms&tlsCaCertificate=" + certificates.ca()))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("TLS handshake")
          .hasMessageContaining("--tls-port");
    }
  }

  private static LocalRedisServer startTls(String certificate, String... extraArgs) {
    List<String> args = new ArrayList<>(certificates.serverArgs(certificate));
    args.addAll(List.of(extraArgs));
    return LocalRedisServer.startTls(args.toArray(String[]::new));
  }

  private static String url(LocalRedisServer redis, String userInfo, String query) {
    return "rediss://" + (userInfo.isEmpty() ? "" : userInfo + "@") + redis.host() + ":" + redis.port()
        + "?" + query;
  }
}
