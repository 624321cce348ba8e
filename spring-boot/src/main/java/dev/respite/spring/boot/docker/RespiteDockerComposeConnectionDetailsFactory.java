package dev.respite.spring.boot.docker;

import dev.respite.spring.boot.RespiteConnectionDetails;
import dev.respite.spring.boot.ServerUrl;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link RespiteConnectionDetails} for a {@code spring-boot-docker-compose} service of the {@code redis},
 * {@code valkey/valkey}, {@code redis/redis-stack} or {@code redis/redis-stack-server} image: its host, the
 * port published for 6379, and the password of {@code REDIS_PASSWORD} (Bitnami's images) when set.
 */
public final class RespiteDockerComposeConnectionDetailsFactory
    extends DockerComposeConnectionDetailsFactory<RespiteConnectionDetails> {

  /** The factory Boot instantiates from {@code META-INF/spring.factories}. */
  public RespiteDockerComposeConnectionDetailsFactory() {
    super(new String[] {"redis", "valkey/valkey", "redis/redis-stack", "redis/redis-stack-server"},
        "dev.respite.RedisDataSource");
  }

  @Override
  protected RespiteConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
    return new ComposeDetails(source.getRunningService());
  }

  /** The URL of a running Compose service. */
  static String url(RunningService service) {
    return ServerUrl.of(service.host(), service.ports().get(ServerUrl.REDIS_PORT),
        service.env().get("REDIS_PASSWORD"));
  }

  private static final class ComposeDetails extends DockerComposeConnectionDetails
      implements RespiteConnectionDetails {
    private final String url;

    ComposeDetails(RunningService service) {
      super(service);
      this.url = RespiteDockerComposeConnectionDetailsFactory.url(service);
    }

    @Override
    public String url() {
      return url;
    }
  }
}
