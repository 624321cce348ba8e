package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.Reply;
import dev.respite.ReplyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Resp3IntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @Test
  void helloThreeGivesTypedReplies() {
    try (RedisDataSource ds = redis.dataSource("/1?protocol=3&clientName=resp3-test");
         RedisSession s = ds.openSession()) {
      assertThat(s.ping()).isEqualTo("PONG");
      assertThat(s.database()).isEqualTo(1);
      s.set("k", "v");
      assertThat(s.get("k")).isEqualTo("v");
      assertThat(s.get("missing")).isNull();
      s.execute("HSET", "h", "f", "1");
      Reply map = s.execute("HGETALL", "h");
      assertThat(map.type()).isEqualTo(ReplyType.MAP);
      assertThat(map.asMap().get("f").asString()).isEqualTo("1");
      s.execute("ZADD", "z", 1.5, "m");
      Reply score = s.execute("ZSCORE", "z", "m");
      assertThat(score.type()).isEqualTo(ReplyType.DOUBLE);
      assertThat(score.asDouble()).isEqualTo(1.5);
      assertThat(s.execute("SMEMBERS", "nothing").type()).isEqualTo(ReplyType.SET);
      assertThat(s.execute("CLIENT", "GETNAME").asString()).isEqualTo("resp3-test");
      assertThat(s.execute("CLIENT", "INFO").asString()).contains("resp=3");
    }
  }

  @Test
  void subscribeConfirmationArrivesAsPushAndTheConnectionIsNotReused() {
    try (RedisDataSource ds = redis.dataSource("?protocol=3&poolMaxTotal=1")) {
      long id;
      try (RedisSession s = ds.openSession()) {
        id = s.execute("CLIENT", "ID").asLong();
        Reply push = s.execute("SUBSCRIBE", "news");
        assertThat(push.type()).isEqualTo(ReplyType.PUSH);
      }
      try (RedisSession s = ds.openSession()) {
        assertThat(s.execute("CLIENT", "ID").asLong()).isNotEqualTo(id);
        assertThat(s.ping()).isEqualTo("PONG");
      }
    }
  }
}
