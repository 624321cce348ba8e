package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.RawRedisClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves that a password-protected server is usable: ready detection, per-test flush and admin() all authenticate. */
class RedisServerExtensionPasswordTest {

  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.withArgs("--requirepass", "s3cret");

  @Test
  void adminClientIsAuthenticatedWhileAnonymousClientsAreRejected() {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("PING")).isEqualTo("PONG");
    }
    try (RawRedisClient anonymous = new RawRedisClient(redis.host(), redis.port())) {
      assertThat(anonymous.call("PING"))
          .isInstanceOfSatisfying(RawRedisClient.ErrorReply.class, e -> assertThat(e.code()).isEqualTo("NOAUTH"));
    }
  }

  @Test
  void urlCarriesNoPassword() {
    assertThat(redis.url()).doesNotContain("s3cret");
  }
}
