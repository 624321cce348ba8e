package dev.respite.spring.boot.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/** The URL of a Compose service, without Docker: its host, published port and password. */
class RespiteDockerComposeConnectionDetailsFactoryTest {

  @Test
  void urlIsTheServicesHostAndThePortPublishedFor6379() {
    RedisConfig config = RedisConfig.fromUrl(RespiteDockerComposeConnectionDetailsFactory.url(
        service("redis:7.2", "127.0.0.1", 32768, Map.of())));
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(32768);
    assertThat(config.password()).isNull();
  }

  @Test
  void aPasswordInTheEnvironmentIsPercentEncodedIntoTheUrl() {
    RedisConfig config = RedisConfig.fromUrl(RespiteDockerComposeConnectionDetailsFactory.url(
        service("valkey/valkey:8", "docker.internal", 40000, Map.of("REDIS_PASSWORD", "p@ss w/rd:"))));
    assertThat(config.host()).isEqualTo("docker.internal");
    assertThat(config.password()).isEqualTo("p@ss w/rd:");
  }

  private static RunningService service(String image, String host, int published, Map<String, String> env) {
    return new RunningService() {
      @Override
      public String name() {
        return "redis";
      }

      @Override
      public ImageReference image() {
        return ImageReference.of(image);
      }

      @Override
      public String host() {
        return host;
      }

      @Override
      public ConnectionPorts ports() {
        return new ConnectionPorts() {
          @Override
          public int get(int containerPort) {
            if (containerPort != 6379) {
              throw new IllegalArgumentException("no port " + containerPort);
            }
            return published;
          }

          @Override
          public List<Integer> getAll() {
            return List.of(published);
          }

          @Override
          public List<Integer> getAll(String protocol) {
            return List.of(published);
          }
        };
      }

      @Override
      public Map<String, String> env() {
        return env;
      }

      @Override
      public Map<String, String> labels() {
        return Map.of();
      }
    };
  }
}
