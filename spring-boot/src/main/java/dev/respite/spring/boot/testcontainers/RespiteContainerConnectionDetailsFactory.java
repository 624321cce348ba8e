package dev.respite.spring.boot.testcontainers;

import dev.respite.spring.boot.RespiteConnectionDetails;
import dev.respite.spring.boot.ServerUrl;
import java.util.List;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.containers.Container;

/**
 * {@link RespiteConnectionDetails} for a {@code @ServiceConnection} container of the {@code redis},
 * {@code valkey/valkey}, {@code redis/redis-stack} or {@code redis/redis-stack-server} image (or one whose
 * {@code @ServiceConnection(name = ...)} names them): the container's host and mapped port 6379.
 */
public final class RespiteContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<Container<?>, RespiteConnectionDetails> {

  /** The image names this factory accepts. */
  public static final List<String> IMAGE_NAMES =
      List.of("redis", "valkey/valkey", "redis/redis-stack", "redis/redis-stack-server");

  /** The factory Boot instantiates from {@code META-INF/spring.factories}. */
  public RespiteContainerConnectionDetailsFactory() {
    super(IMAGE_NAMES, "dev.respite.RedisDataSource");
  }

  @Override
  protected RespiteConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
    return new ContainerDetails(source);
  }

  private static final class ContainerDetails extends ContainerConnectionDetails<Container<?>>
      implements RespiteConnectionDetails {

    ContainerDetails(ContainerConnectionSource<Container<?>> source) {
      super(source);
    }

    @Override
    public String url() {
      Container<?> container = getContainer();
      return ServerUrl.of(container.getHost(), container.getMappedPort(ServerUrl.REDIS_PORT), null);
    }
  }
}
