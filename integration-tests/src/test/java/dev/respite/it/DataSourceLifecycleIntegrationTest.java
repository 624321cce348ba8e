package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisConfig;
import dev.respite.RedisConnectionException;
import dev.respite.RedisDataSource;
import dev.respite.RedisException;
import dev.respite.RedisSession;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DataSourceLifecycleIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void serviceLoaderFindsTheImplementationFromAConfig() {
    RedisConfig config = RedisConfig.fromUrl(redis.url());
    try (RedisDataSource ds = RedisDataSource.create(config); RedisSession s = ds.openSession()) {
      assertThat(ds.config()).isEqualTo(config);
      assertThat(s.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void closedDataSourceRefusesSessionsAndOpenSessionsFailClearly() {
    RedisDataSource ds = redis.dataSource("");
    RedisSession open = ds.openSession();
    open.set("k", "v");
    ds.close();
    assertThat(ds.isClosed()).isTrue();
    assertThatThrownBy(ds::openSession).isInstanceOf(RedisException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> open.get("k")).isInstanceOf(RedisException.class).hasMessageContaining("closed");
    assertThatCode(open::close).doesNotThrowAnyException();
    assertThatCode(ds::close).doesNotThrowAnyException();
    assertThat(ds.poolStats().active()).isZero();
    assertThat(ds.poolStats().idle()).isZero();
  }

  @Test
  void closingTheDataSourceClosesIdleConnections() {
    RedisDataSource ds = redis.dataSource("?clientName=lifecycle");
    try (RedisSession s = ds.openSession()) {
      s.ping();
    }
    assertThat(clientsNamed("lifecycle")).isEqualTo(1);
    ds.close();
    long deadline = System.currentTimeMillis() + 5_000;
    while (clientsNamed("lifecycle") > 0 && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(clientsNamed("lifecycle")).isZero();
  }

  @Test
  void unreachableServerFailsWithTheAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (RedisDataSource ds = RedisDataSource.create("redis://127.0.0.1:" + closedPort + "?connectTimeout=500ms")) {
      assertThatThrownBy(ds::openSession).isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("127.0.0.1:" + closedPort);
      assertThat(ds.poolStats().active()).isZero();
    }
  }

  @Test
  void toStringNamesThePoolAndServerButNoPassword() {
    try (RedisDataSource ds = RedisDataSource.create(redis.url().replace("redis://", "redis://:hunter2@")
        + "?poolName=orders")) {
      assertThat(ds.toString()).contains("orders").contains(String.valueOf(redis.port()))
          .doesNotContain("hunter2");
    }
  }

  private static long clientsNamed(String name) {
    try (var admin = redis.admin()) {
      String list = (String) admin.call("CLIENT", "LIST");
      return list.lines().filter(line -> line.contains(" name=" + name + " ")).count();
    }
  }

}
