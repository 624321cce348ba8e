package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisServerException;
import dev.respite.RedisSession;
import dev.respite.testsupport.RawRedisClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthIntegrationTest {
  private static final String PASSWORD = "s3cret-Pa55";

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.withArgs("--requirepass", PASSWORD);

  @BeforeEach
  void createAclUser() {
    try (RawRedisClient admin = redis.admin()) {
      admin.call("ACL", "SETUSER", "app", "reset", "on", ">app-Pa55", "~app:*", "+@all");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void passwordAuthenticates(int protocol) {
    try (RedisDataSource ds = RedisDataSource.create(withCredentials(":" + PASSWORD, protocol));
         RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
      assertThat(s.execute("ACL", "WHOAMI").asString()).isEqualTo("default");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void aclUserAuthenticatesAndIsLimitedToItsKeys(int protocol) {
    try (RedisDataSource ds = RedisDataSource.create(withCredentials("app:app-Pa55", protocol));
         RedisSession s = ds.openSession()) {
      assertThat(s.execute("ACL", "WHOAMI").asString()).isEqualTo("app");
      s.set("app:k", "v");
      assertThatThrownBy(() -> s.set("other:k", "v"))
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("NOPERM"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void wrongPasswordFailsWithWrongpassAndNeverShowsIt(int protocol) {
    String wrong = "not-the-Pa55word";
    try (CapturedLog log = CapturedLog.start();
         RedisDataSource ds = RedisDataSource.create(withCredentials(":" + wrong, protocol))) {
      assertThatThrownBy(ds::openSession)
          .isInstanceOfSatisfying(RedisServerException.class, e -> {
            assertThat(e.code()).isEqualTo("WRONGPASS");
            assertThat(stackText(e)).doesNotContain(wrong);
          });
      assertThat(ds.toString()).doesNotContain(wrong);
      assertThat(ds.config().toString()).doesNotContain(wrong);
      assertThat(ds.poolStats().active()).isZero();
      assertThat(log.text()).doesNotContain(wrong);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "app"})
  void wrongPasswordForIdleConnectionsIsLoggedWithoutThePassword(String user) {
    String wrong = "also-not-the-Pa55word";
    try (CapturedLog log = CapturedLog.start();
         RedisDataSource ds = RedisDataSource.create(withCredentials(user + ":" + wrong, 2)
             + "&poolMinIdle=2&leakDetectionThreshold=1s")) {
      assertThat(log.at(java.util.logging.Level.WARNING))
          .as("the failed preparation of poolMinIdle connections is logged")
          .anySatisfy(r -> assertThat(r.getMessage()).contains("WRONGPASS"));
      assertThatThrownBy(ds::openSession)
          .isInstanceOfSatisfying(RedisServerException.class, e -> {
            assertThat(e.code()).isEqualTo("WRONGPASS");
            assertThat(stackText(e)).doesNotContain(wrong);
          });
      assertThat(log.text()).doesNotContain(wrong);
      assertThat(ds.toString()).doesNotContain(wrong);
    }
  }

  @Test
  void missingPasswordFailsWithNoauth() {
    try (RedisDataSource ds = RedisDataSource.create(redis.url()); RedisSession s = ds.openSession()) {
      assertThatThrownBy(s::ping)
          .isInstanceOfSatisfying(RedisServerException.class, e -> assertThat(e.code()).isEqualTo("NOAUTH"));
    }
  }

  private static String withCredentials(String userInfo, int protocol) {
    return redis.url().replace("redis://", "redis://" + userInfo + "@") + "?protocol=" + protocol;
  }

  private static String stackText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
