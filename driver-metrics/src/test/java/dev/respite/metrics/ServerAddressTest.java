package dev.respite.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConfig;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void aServerIsTaggedWithItsHostAndPort() {
    assertThat(ServerAddress.of(RedisConfig.fromUrl("redis://cache.local:6380/2")))
        .isEqualTo(new ServerAddress("cache.local", 6380));
  }

  @Test
  void aClusterIsTaggedWithItsFirstSeedNotTheDefaultHost() {
    assertThat(ServerAddress.of(RedisConfig.fromUrl("redis-cluster://127.0.0.11:7000,127.0.0.12:7001")))
        .isEqualTo(new ServerAddress("127.0.0.11", 7000));
    assertThat(ServerAddress.of(RedisConfig.fromUrl("redis-cluster://[::1]:7000")))
        .isEqualTo(new ServerAddress("::1", 7000));
  }

  @Test
  void aNodeIsParsedFromHostAndPortWithOrWithoutBrackets() {
    assertThat(ServerAddress.parse("127.0.0.11:7000")).isEqualTo(new ServerAddress("127.0.0.11", 7000));
    assertThat(ServerAddress.parse("[::1]:7000")).isEqualTo(new ServerAddress("::1", 7000));
    assertThat(ServerAddress.parse("::1:7000")).isEqualTo(new ServerAddress("::1", 7000));
  }
}
