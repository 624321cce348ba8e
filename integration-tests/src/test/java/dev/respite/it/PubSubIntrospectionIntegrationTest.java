package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.pubsub.RedisSubscriber;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUBSUB CHANNELS/NUMSUB/NUMPAT/SHARDCHANNELS/SHARDNUMSUB see a live subscriber's subscriptions. */
class PubSubIntrospectionIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void introspectionCountsTheSubscriptions(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    try (RedisSession s = ds.openSession()) {
      assertThat(s.pubsubChannels()).isEmpty();
      assertThat(s.pubsubNumPat()).isZero();
      try (RedisSubscriber subscriber = ds.openSubscriber(message -> { })) {
        subscriber.subscribe("it.news", "it.sport");
        subscriber.psubscribe("it.*");
        subscriber.ssubscribe("it.shard");
        assertThat(s.pubsubChannels()).containsExactlyInAnyOrder("it.news", "it.sport");
        assertThat(s.pubsubChannels("*news")).containsExactly("it.news");
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("it.sport", 1L);
        expected.put("nobody", 0L);
        assertThat(s.pubsubNumSub("it.sport", "nobody")).containsExactlyEntriesOf(expected);
        assertThat(s.pubsubNumPat()).isEqualTo(1);
        assertThat(s.pubsubShardChannels()).containsExactly("it.shard");
        assertThat(s.pubsubShardChannels("x*")).isEmpty();
        assertThat(s.pubsubShardNumSub("it.shard")).containsExactlyEntriesOf(Map.of("it.shard", 1L));
      }
      assertThatThrownBy(() -> s.pubsubNumSub()).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
