package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.command.BitField;
import dev.respite.command.ClientInfo;
import dev.respite.command.GeoAddOptions;
import dev.respite.command.GeoMatch;
import dev.respite.command.GeoSearch;
import dev.respite.command.GeoUnit;
import dev.respite.command.GeoValue;
import dev.respite.command.KeyValue;
import dev.respite.command.LPosOptions;
import dev.respite.command.LcsResult;
import dev.respite.command.Pipeline;
import dev.respite.command.Response;
import dev.respite.command.ScoredValue;
import dev.respite.command.ServerInfo;
import dev.respite.command.SortOptions;
import dev.respite.command.ZAddOptions;
import dev.respite.command.ZAggregateOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The new typed methods queue in pipelines and transactions like every other, and decode from EXEC's reply. */
class TypedSurfaceQueueIntegrationTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create();

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void pipelineQueuesTheNewMethods(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    try (RedisSession s = ds.openSession()) {
      s.rpush("nums", "3", "1", "2");
      s.mset(Map.of("k1", "ohmytext", "k2", "mynewtext"));
      s.zadd("z1", ZAddOptions.none(), List.of(ScoredValue.of(1, "a"), ScoredValue.of(2, "b")));
      s.zadd("z2", ZAddOptions.none(), List.of(ScoredValue.of(3, "b")));
      Response<List<String>> sorted;
      Response<Long> lcsLength;
      Response<LcsResult> lcsIdx;
      Response<List<Long>> bitfield;
      Response<ServerInfo> info;
      Response<ClientInfo> client;
      Response<List<ScoredValue<String>>> union;
      Response<Map<String, Long>> numSub;
      Response<String> whoAmI;
      Response<Long> slowlogLen;
      Response<String> streamId;
      try (Pipeline<String, String> p = s.pipeline()) {
        sorted = p.queue(c -> c.sort("nums", SortOptions.none().descending()));
        lcsLength = p.queue(c -> c.lcsLength("k1", "k2"));
        lcsIdx = p.queue(c -> c.lcsIdx("k1", "k2", 4));
        bitfield = p.queue(c -> c.bitfield("bf", BitField.create().incrBy(BitField.unsigned(8), 0, 7)));
        info = p.queue(c -> c.serverInfo("server"));
        client = p.queue(c -> c.clientInfo());
        union = p.queue(c -> c.zunionWithScores(ZAggregateOptions.weights(1, 2), "z1", "z2"));
        numSub = p.queue(c -> c.pubsubNumSub("nobody"));
        whoAmI = p.queue(c -> c.aclWhoAmI());
        slowlogLen = p.queue(c -> c.slowlogLen());
        p.queueVoid(c -> c.configSet("maxmemory-samples", "5"));
        streamId = p.queue(c -> c.xadd("events", Map.of("type", "login")));
      }
      assertThat(sorted.get()).containsExactly("3", "2", "1");
      assertThat(lcsLength.get()).isEqualTo(6);
      assertThat(lcsIdx.get().matches()).hasSize(1);
      assertThat(bitfield.get()).containsExactly(7L);
      assertThat(info.get().get("redis_version")).isEqualTo(redis.redisVersion());
      assertThat(client.get().id()).isEqualTo(s.clientId());
      assertThat(union.get()).containsExactly(new ScoredValue<>("a", 1.0), new ScoredValue<>("b", 8.0));
      assertThat(numSub.get()).containsExactlyEntriesOf(Map.of("nobody", 0L));
      assertThat(whoAmI.get()).isEqualTo("default");
      assertThat(slowlogLen.get()).isNotNegative();
      assertThat(streamId.get()).as("xadd without options queues too").matches("\\d+-\\d+");
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(ints = {2, 3})
  void transactionQueuesTheNewMethodsAndDecodesThemFromExec(int protocol) {
    RedisDataSource ds = redis.dataSource("?protocol=" + protocol);
    try (RedisSession s = ds.openSession()) {
      s.rpush("nums", "3", "1", "2", "1");
      s.hset("h", "f", "v");
      s.geoadd("cities", GeoAddOptions.none(), List.of(GeoValue.of(2.3522, 48.8566, "paris"),
          GeoValue.of(-0.1276, 51.5072, "london")));
      @SuppressWarnings("unchecked")
      Response<Object>[] r = new Response[5];
      boolean ran = s.transaction(tx -> {
        r[0] = tx.queue(c -> c.sortStore("nums", SortOptions.none(), "sorted"));
        r[1] = tx.queue(c -> c.hrandFieldWithValues("h", 1));
        r[2] = tx.queue(c -> c.lpos("sorted", "1", 0, LPosOptions.rank(-1)));
        r[3] = tx.queue(c -> c.geosearchWithDetails("cities",
            GeoSearch.<String>fromMember("paris").byRadius(10, GeoUnit.KM)));
        r[4] = tx.queue(c -> c.bitfieldReadOnly("missing", BitField.create().get(BitField.signed(8), 0)));
      });
      assertThat(ran).isTrue();
      assertThat(r[0].get()).isEqualTo(4L);
      assertThat(r[1].get()).isEqualTo(List.of(new KeyValue<>("f", "v")));
      assertThat(r[2].get()).isEqualTo(List.of(1L, 0L));
      @SuppressWarnings("unchecked")
      List<GeoMatch<String>> near = (List<GeoMatch<String>>) r[3].get();
      assertThat(near).extracting(GeoMatch::value).containsExactly("paris");
      assertThat(r[4].get()).isEqualTo(List.of(0L));
      assertThat(s.lrange("sorted", 0, -1)).containsExactly("1", "1", "2", "3");
    }
  }
}
