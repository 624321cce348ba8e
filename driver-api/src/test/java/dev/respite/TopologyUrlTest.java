package dev.respite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyUrlTest {

  @Test
  void sentinelUrlListsTheSentinelsWithTheirDefaultPortAndNamesThePrimary() {
    RedisConfig config = RedisConfig.fromUrl(
        "redis-sentinel://app:s3cret@127.0.0.1,127.0.0.1:26380,[::1]/mymaster?database=2&readFrom=replicaPreferred");
    assertThat(config.topology()).isEqualTo(Topology.SENTINEL);
    assertThat(config.nodes()).containsExactly("127.0.0.1:26379", "127.0.0.1:26380", "[::1]:26379");
    assertThat(config.sentinelMaster()).isEqualTo("mymaster");
    assertThat(config.username()).isEqualTo("app");
    assertThat(config.password()).isEqualTo("s3cret");
    assertThat(config.database()).isEqualTo(2);
    assertThat(config.readFrom()).isEqualTo(ReadFrom.REPLICA_PREFERRED);
    assertThat(config.sentinelPollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.toString()).doesNotContain("s3cret").contains("sentinelMaster=mymaster");
  }

  @Test
  void clusterUrlListsTheSeedsAndAllowsOnlyDatabaseZero() {
    RedisConfig config = RedisConfig.fromUrl("rediss-cluster://127.0.0.1:7000,127.0.0.1:7001?clusterMaxRedirects=3");
    assertThat(config.topology()).isEqualTo(Topology.CLUSTER);
    assertThat(config.tls()).isTrue();
    assertThat(config.nodes()).containsExactly("127.0.0.1:7000", "127.0.0.1:7001");
    assertThat(config.clusterMaxRedirects()).isEqualTo(3);
    assertThat(config.clusterRefreshPeriod()).isEqualTo(Duration.ofSeconds(15));
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis-cluster://127.0.0.1:7000/3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only database 0");
  }

  @Test
  void standaloneConfigHasItsOwnAddressAsTheOnlyNode() {
    RedisConfig config = RedisConfig.fromUrl("redis://127.0.0.1:6380");
    assertThat(config.topology()).isEqualTo(Topology.STANDALONE);
    assertThat(config.nodes()).isEqualTo(List.of("127.0.0.1:6380"));
    assertThat(config.readFrom()).isEqualTo(ReadFrom.PRIMARY);
  }

  @Test
  void builderMakesTheSameConfigurationAsTheUrl() {
    RedisConfig built = RedisConfig.builder().nodes("127.0.0.1:26379", "127.0.0.1:26380").sentinelMaster("m")
        .sentinelPassword("p").readFrom(ReadFrom.REPLICA).build();
    assertThat(built).isEqualTo(RedisConfig.fromUrl(
        "redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/m?sentinelPassword=p&readFrom=replica"));
    assertThat(built.toString()).doesNotContain("=p,").contains("sentinelPassword=****");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://a,b:6380|names one server",
      "redis-sentinel://127.0.0.1:26379|needs the primary's name",
      "redis-sentinel://127.0.0.1:70000/m|nodes",
      "redis-sentinel://127.0.0.1,,127.0.0.2/m|nodes",
      "redis-sentinel://127.0.0.1/m?cluster=true|contradict",
      "redis-sentinel://127.0.0.1/m?sentinelUsername=u|needs option sentinelPassword",
      "redis-sentinel://127.0.0.1/m?readFrom=nearest|readFrom",
      "memcached://127.0.0.1|must start with redis://"})
  void badTopologyUrlsFailNamingWhatIsWrong(String url, String message) {
    assertThatThrownBy(() -> RedisConfig.fromUrl(url)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void secretsOfASentinelUrlNeverAppearInMessages() {
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis-sentinel://:hunter2@127.0.0.1:26379"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
  }

  @Test
  void readFromAcceptsTheUrlSpellingAndTheEnumName() {
    assertThat(ReadFrom.parse("primaryPreferred")).isEqualTo(ReadFrom.PRIMARY_PREFERRED);
    assertThat(ReadFrom.parse("REPLICA_PREFERRED")).isEqualTo(ReadFrom.REPLICA_PREFERRED);
    assertThat(ReadFrom.REPLICA.prefersReplica()).isTrue();
    assertThat(ReadFrom.PRIMARY_PREFERRED.prefersReplica()).isFalse();
  }
}
