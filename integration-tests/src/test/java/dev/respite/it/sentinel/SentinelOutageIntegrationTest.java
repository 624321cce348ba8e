package dev.respite.it.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.LocalSentinelGroup;
import dev.respite.testsupport.RawRedisClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Sentinel data source when sentinels or replicas are missing and when it is misconfigured: clear
 * errors naming every sentinel asked (never the password), existing data sources that keep working while
 * the sentinels are down, and {@code readFrom=replicaPreferred} reading from a replica, then from the primary
 * once the replicas are gone. The primary never moves in this class.
 */
@TestMethodOrder(OrderAnnotation.class)
class SentinelOutageIntegrationTest {
  private static final String OPTIONS = "?connectTimeout=500ms&socketTimeout=2s&sentinelPollInterval=1s";

  private static LocalSentinelGroup group;

  @BeforeAll
  static void startGroup() {
    group = LocalSentinelGroup.start("billing");
  }

  @AfterAll
  static void stopGroup() {
    if (group != null) {
      group.close();
    }
  }

  @Test
  @Order(1)
  void anUnknownMasterNameFailsNamingEverySentinelAndWhatItSaid() {
    String url = group.sentinelUrl().replace("/billing", "/nosuch");
    assertThatThrownBy(() -> RedisDataSource.create(url + OPTIONS))
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("master name 'nosuch'")
        .satisfies(e -> {
          for (LocalRedisServer sentinel : group.sentinels()) {
            assertThat(e.getMessage()).contains("127.0.0.1:" + sentinel.port() + " does not know master name");
          }
        });
  }

  @Test
  @Order(2)
  void unreachableSentinelsFailNamingEachAndNeverThePassword() throws IOException {
    int first = freePort();
    int second = freePort();
    String url = "redis-sentinel://:s3cret-data@127.0.0.1:" + first + ",127.0.0.1:" + second + "/billing" + OPTIONS
        + "&sentinelPassword=s3cret-sentinel";
    assertThatThrownBy(() -> RedisDataSource.create(url))
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("127.0.0.1:" + first + " failed: Could not connect")
        .hasMessageContaining("127.0.0.1:" + second + " failed: Could not connect")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  @Order(3)
  void resp3AndAnotherDatabaseApplyToTheDataNodesAndTheSentinelsAlike() throws InterruptedException {
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS
            + "&protocol=3&database=3&clientName=resp3-it");
        RedisSession session = redis.openSession()) {
      session.set("colour", "teal");
      assertThat(session.execute("HELLO").asMap().get("proto").asLong()).isEqualTo(3);
      try (RawRedisClient primary = new RawRedisClient(group.primary().port())) {
        primary.call("SELECT", "3");
        assertThat(primary.call("GET", "colour")).isEqualTo("teal");
      }
      for (LocalRedisServer sentinel : group.sentinels()) { // the event subscriptions speak RESP3 too
        try (RawRedisClient client = new RawRedisClient(sentinel.port())) {
          boolean subscribed = false;
          for (int i = 0; i < 200 && !subscribed; i++) {
            subscribed = ((String) client.call("CLIENT", "LIST")).lines().anyMatch(line ->
                line.contains("name=resp3-it") && line.contains("flags=P") && line.contains("resp=3"));
            Thread.sleep(10);
          }
          assertThat(subscribed).as("a RESP3 subscriber named resp3-it on sentinel " + sentinel.port()).isTrue();
        }
      }
    }
  }

  @Test
  @Order(4)
  void sentinelCredentialsAreSentToTheSentinelsOnlyAndNeverShown() {
    sentinels("ACL", "SETUSER", "default", "resetpass", ">sentinel-s3cret");
    try {
      try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS
              + "&sentinelPassword=sentinel-s3cret");
          RedisSession session = redis.openSession()) {
        assertThat(session.ping()).isEqualTo("PONG"); // the data nodes need no password: none was sent to them
        assertThat(redis.toString()).doesNotContain("s3cret");
      }
      assertThatThrownBy(() -> RedisDataSource.create(group.sentinelUrl() + OPTIONS + "&sentinelPassword=wrong-s3cret"))
          .isInstanceOf(RedisConnectionException.class).hasMessageContaining("WRONGPASS")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
      assertThatThrownBy(() -> RedisDataSource.create(group.sentinelUrl() + OPTIONS))
          .isInstanceOf(RedisConnectionException.class).hasMessageContaining("NOAUTH");
    } finally {
      sentinels("ACL", "SETUSER", "default", "nopass");
    }
  }

  @Test
  @Order(5)
  void replicaPreferredReadsFromAReplicaAndFallsBackToThePrimaryWhenTheReplicasAreGone() {
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS + "&readFrom=replicaPreferred")) {
      try (RedisSession writer = redis.openSession()) {
        writer.set("stock", "12");
        writer.execute("WAIT", "2", "1000");
      }
      try (RedisSession reader = redis.openReadOnlySession()) {
        assertThat(role(reader)).isEqualTo("slave");
        for (int i = 0; i < 100 && !"12".equals(reader.get("stock")); i++) {
          sleep(10); // replication is asynchronous
        }
        assertThat(reader.get("stock")).isEqualTo("12");
        assertThatThrownBy(() -> reader.set("stock", "13"))
            .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("READONLY"));
      }
      for (LocalRedisServer replica : group.replicas()) {
        replica.stop();
      }
      try {
        try (RedisSession reader = redis.openReadOnlySession()) {
          assertThat(role(reader)).isEqualTo("master");
          assertThat(reader.get("stock")).isEqualTo("12");
        }
      } finally {
        for (LocalRedisServer replica : group.dataNodes()) {
          if (!replica.isRunning()) {
            replica.start();
          }
        }
      }
    }
    group.awaitStable();
  }

  @Test
  @Order(6)
  void withOneSentinelDownEverythingWorksAndWithAllDownExistingDataSourcesStillDo() {
    try (RedisDataSource redis = RedisDataSource.create(group.sentinelUrl() + OPTIONS)) {
      LocalRedisServer firstSentinel = group.sentinels().get(0);
      firstSentinel.stop();
      try {
        try (RedisDataSource another = RedisDataSource.create(group.sentinelUrl() + OPTIONS);
            RedisSession session = another.openSession()) {
          assertThat(session.incr("visits")).isEqualTo(1);
        }
        for (LocalRedisServer sentinel : group.sentinels()) {
          sentinel.stop();
        }
        assertThatThrownBy(() -> RedisDataSource.create(group.sentinelUrl() + OPTIONS))
            .isInstanceOf(RedisConnectionException.class)
            .satisfies(e -> {
              for (LocalRedisServer sentinel : group.sentinels()) {
                assertThat(e.getMessage()).contains("127.0.0.1:" + sentinel.port() + " failed: Could not connect");
              }
            });
        sleep(2_500); // two polls that find no sentinel
        for (int i = 0; i < 20; i++) {
          try (RedisSession session = redis.openSession()) {
            assertThat(session.incr("visits")).isEqualTo(2 + i);
          }
        }
      } finally {
        for (LocalRedisServer sentinel : group.sentinels()) {
          if (!sentinel.isRunning()) {
            sentinel.start();
          }
        }
      }
    }
    group.awaitStable();
  }

  private static void sentinels(String... command) {
    for (LocalRedisServer sentinel : group.sentinels()) {
      try (RawRedisClient client = new RawRedisClient(sentinel.port())) {
        if (!"nopass".equals(command[command.length - 1])) {
          assertThat(client.call(command)).isEqualTo("OK");
        } else {
          client.auth(null, "sentinel-s3cret");
          assertThat(client.call(command)).isEqualTo("OK");
        }
      }
    }
  }

  private static String role(RedisSession session) {
    return session.execute("ROLE").asList().get(0).asString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
