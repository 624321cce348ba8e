package dev.respite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisConfigTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    RedisConfig config = RedisConfig.builder().build();
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.port()).isEqualTo(6379);
    assertThat(config.database()).isZero();
    assertThat(config.protocol()).isEqualTo(2);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.poolMaxWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.poolMaxTotal()).isEqualTo(8);
    assertThat(config.poolMaxIdle()).isEqualTo(8);
    assertThat(config.poolMinIdle()).isZero();
    assertThat(config.password()).isNull();
    assertThat(config.username()).isNull();
    assertThat(config.subscriberPingInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void subscriberPingIntervalIsSetByUrlOrBuilderAndMustBePositive() {
    assertThat(RedisConfig.fromUrl("redis://h?subscriberPingInterval=250ms"))
        .isEqualTo(RedisConfig.builder().host("h").subscriberPingInterval(Duration.ofMillis(250)).build());
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis://h?subscriberPingInterval=0s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriberPingInterval");
  }

  @Test
  void urlFromTheIssueParsesEveryPart() {
    RedisConfig config = RedisConfig.fromUrl("redis://:s3cret@localhost:6380/2?connectTimeout=500ms"
        + "&socketTimeout=2s&poolMaxTotal=16&poolMaxWait=250ms&clientName=billing");
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.port()).isEqualTo(6380);
    assertThat(config.database()).isEqualTo(2);
    assertThat(config.password()).isEqualTo("s3cret");
    assertThat(config.username()).isNull();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.poolMaxTotal()).isEqualTo(16);
    assertThat(config.poolMaxIdle()).as("maxIdle follows maxTotal").isEqualTo(16);
    assertThat(config.poolMaxWait()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.clientName()).isEqualTo("billing");
  }

  @Test
  void urlWithUserPasswordAndPercentEncoding() {
    RedisConfig config = RedisConfig.fromUrl("redis://app%40eu:p%3Ass+w@cache.internal/0");
    assertThat(config.username()).isEqualTo("app@eu");
    assertThat(config.password()).as("+ stays a plus").isEqualTo("p:ss+w");
    assertThat(config.host()).isEqualTo("cache.internal");
    assertThat(config.port()).isEqualTo(6379);
  }

  @Test
  void passwordMayHoldUnencodedAtAndSlash() {
    RedisConfig config = RedisConfig.fromUrl("redis://:a@b/c@localhost:7000/3");
    assertThat(config.password()).isEqualTo("a@b/c");
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.database()).isEqualTo(3);
  }

  @Test
  void ipv6HostInBrackets() {
    RedisConfig config = RedisConfig.fromUrl("redis://[::1]:7001");
    assertThat(config.host()).isEqualTo("::1");
    assertThat(config.port()).isEqualTo(7001);
  }

  @ParameterizedTest
  @CsvSource({"250ms,250", "2s,2000", "1m,60000", "1h,3600000", "PT2S,2000", "pt0.5s,500", "0ms,0"})
  void durationsAcceptUnitsAndIso8601(String text, long millis) {
    assertThat(RedisOption.POOL_MAX_WAIT.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis://localhost?socketTimeout=500|socketTimeout",
      "redis://localhost?socketTimeout=5 parsecs|socketTimeout",
      "redis://localhost?socketTimeout=0s|socketTimeout",
      "redis://localhost?poolMaxWait=-1s|poolMaxWait",
      "redis://localhost?poolMaxTotal=0|poolMaxTotal",
      "redis://localhost?poolMaxTotal=many|poolMaxTotal",
      "redis://localhost?protocol=4|protocol",
      "redis://localhost:0|port",
      "redis://localhost:70000|port",
      "redis://localhost:abc|port",
      "redis://localhost/x|database",
      "redis://localhost?bogus=1|bogus",
      "redis://localhost?poolMaxTotal|poolMaxTotal",
      "redis://localhost?poolMaxTotal=4&poolMaxTotal=5|poolMaxTotal",
      "redis://localhost?clientName=two words|clientName",
      "http://localhost|redis://",
      "rediss://localhost?tls=false|rediss://",
      "redis://|host",
      "redis://:6379|host",
      "redis://localhost?poolMaxIdle=9|poolMaxIdle",
      "redis://localhost?poolMinIdle=9|poolMinIdle",
      "redis://user@localhost|user:password",
  })
  void badUrlsFailNamingWhatIsWrong(String url, String named) {
    assertThatThrownBy(() -> RedisConfig.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void badValueMessageQuotesTheValue() {
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis://localhost?socketTimeout=5x"))
        .hasMessageContaining("socketTimeout").hasMessageContaining("'5x'");
  }

  @Test
  void usernameWithoutPasswordIsRejected() {
    assertThatThrownBy(() -> RedisConfig.builder().username("app").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis://:hunter2@localhost:6379/1", "redis://bob:hunter2@localhost"})
  void passwordNeverAppearsInToString(String url) {
    RedisConfig config = RedisConfig.fromUrl(url);
    assertThat(config.toString()).doesNotContain("hunter2").contains("password=****");
  }

  @Test
  void passwordNeverAppearsInErrors() {
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis://:hunter2@localhost:notaport"))
        .hasMessageNotContaining("hunter2").hasMessageContaining("port");
    assertThatThrownBy(() -> RedisConfig.fromUrl("ftp://:hunter2@localhost"))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis://:hunter2@localhost?password=other"))
        .hasMessageNotContaining("hunter2").hasMessageNotContaining("other");
    assertThatThrownBy(() -> RedisConfig.fromUrl("redis://:hunter2%zz@localhost"))
        .hasMessageNotContaining("hunter2").hasMessageContaining("password");
  }

  @Test
  void builderValidatesEachValueAtOnce() {
    RedisConfig.Builder builder = RedisConfig.builder();
    assertThatThrownBy(() -> builder.port(-1)).hasMessageContaining("port").hasMessageContaining("'-1'");
    assertThatThrownBy(() -> builder.socketTimeout(Duration.ZERO)).hasMessageContaining("socketTimeout");
    assertThatThrownBy(() -> builder.database(-2)).hasMessageContaining("database");
  }

  @Test
  void builderAndUrlProduceEqualConfigs() {
    RedisConfig fromBuilder = RedisConfig.builder().host("h").port(7000).database(3)
        .socketTimeout(Duration.ofMillis(750)).poolMaxTotal(4).build();
    RedisConfig fromUrl = RedisConfig.fromUrl("redis://h:7000/3?socketTimeout=750ms&poolMaxTotal=4");
    assertThat(fromUrl).isEqualTo(fromBuilder).hasSameHashCodeAs(fromBuilder);
  }

  @Test
  void toBuilderDerivesAnotherConfigWithoutChangingTheFirst() {
    RedisConfig first = RedisConfig.fromUrl("redis://localhost/1");
    RedisConfig second = first.toBuilder().database(5).build();
    assertThat(first.database()).isEqualTo(1);
    assertThat(second.database()).isEqualTo(5);
  }

  @Test
  void everyOptionHasAUniqueNameAndADescription() {
    assertThat(RedisOption.all()).extracting(RedisOption::name).doesNotHaveDuplicates();
    assertThat(RedisOption.all()).allSatisfy(o -> assertThat(o.description()).isNotBlank());
    assertThat(RedisOption.byName("socketTimeout")).contains(RedisOption.SOCKET_TIMEOUT);
  }
}
