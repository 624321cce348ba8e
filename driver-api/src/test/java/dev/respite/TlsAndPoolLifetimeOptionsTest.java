package dev.respite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsAndPoolLifetimeOptionsTest {

  @Test
  void redissSchemeTurnsTlsOnAndKeepsEverythingElse() {
    RedisConfig config = RedisConfig.fromUrl("rediss://:s3cret@cache.example:6380/2?tlsCaCertificate=/etc/ca.pem");
    assertThat(config.tls()).isTrue();
    assertThat(config.host()).isEqualTo("cache.example");
    assertThat(config.port()).isEqualTo(6380);
    assertThat(config.database()).isEqualTo(2);
    assertThat(config.tlsCaCertificate()).isEqualTo("/etc/ca.pem");
    assertThat(config.tlsInsecureSkipVerify()).isFalse();
    assertThat(config.toString()).contains("tls=true").doesNotContain("s3cret");
  }

  @Test
  void tlsIsOffAndVerifiedByDefault() {
    RedisConfig config = RedisConfig.fromUrl("redis://localhost");
    assertThat(config.tls()).isFalse();
    assertThat(config.tlsCaCertificate()).isNull();
    assertThat(config.tlsInsecureSkipVerify()).isFalse();
    assertThat(RedisConfig.fromUrl("redis://localhost?tls=true").tls()).isTrue();
    assertThat(RedisConfig.fromUrl("rediss://localhost?tls=TRUE").tls()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rediss://localhost?tls=false|rediss://",
      "redis://localhost?tls=yes|tls",
      "redis://localhost?tlsCaCertificate=/ca.pem|tls=true",
      "redis://localhost?tlsInsecureSkipVerify=true|tls=true",
      "rediss://localhost?tlsInsecureSkipVerify=true&tlsCaCertificate=/ca.pem|contradicts",
      "rediss://localhost?tlsCaCertificate=%20|tlsCaCertificate",
      "redis://localhost?tlsClientCertificate=/c.pem&tlsClientKey=/k.pem|tls=true",
      "rediss://localhost?tlsClientCertificate=/c.pem|go together",
      "rediss://localhost?tlsClientKey=/k.pem|go together",
      "rediss://localhost?tlsClientKey=%20&tlsClientCertificate=/c.pem|tlsClientKey",
      "redis://localhost?poolMaxLifetime=-1s|poolMaxLifetime",
      "redis://localhost?leakDetectionThreshold=soon|leakDetectionThreshold",
  })
  void badTlsAndLifetimeValuesFailNamingTheOption(String url, String named) {
    assertThatThrownBy(() -> RedisConfig.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void lifetimeAndLeakDetectionHaveSafeDefaultsAndZeroTurnsThemOff() {
    RedisConfig defaults = RedisConfig.builder().build();
    assertThat(defaults.poolMaxLifetime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.leakDetectionThreshold()).isZero();
    RedisConfig set = RedisConfig.fromUrl("redis://localhost?poolMaxLifetime=0s&leakDetectionThreshold=2m");
    assertThat(set.poolMaxLifetime()).isZero();
    assertThat(set.leakDetectionThreshold()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void builderSettersMatchTheUrlOptions() {
    RedisConfig built = RedisConfig.builder().host("h").tls(true).tlsInsecureSkipVerify(true)
        .poolMaxLifetime(Duration.ofMinutes(5)).leakDetectionThreshold(Duration.ofSeconds(30)).build();
    assertThat(built).isEqualTo(RedisConfig.fromUrl(
        "rediss://h?tlsInsecureSkipVerify=true&poolMaxLifetime=5m&leakDetectionThreshold=30s"));
    assertThat(RedisConfig.builder().tls(true).tlsCaCertificate("/ca.pem").build().tlsCaCertificate())
        .isEqualTo("/ca.pem");
    assertThat(RedisConfig.builder().host("h").tls(true).tlsClientCertificate("/c.pem", "/k.pem").build())
        .isEqualTo(RedisConfig.fromUrl("rediss://h?tlsClientCertificate=/c.pem&tlsClientKey=/k.pem"));
  }

  @Test
  void clientCertificateIsOffByDefault() {
    RedisConfig config = RedisConfig.fromUrl("rediss://localhost");
    assertThat(config.tlsClientCertificate()).isNull();
    assertThat(config.tlsClientKey()).isNull();
  }
}
