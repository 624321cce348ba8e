package dev.respite.spring.boot.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.respite.spring.boot.RespiteConnectionDetails;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.containers.Container;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;

/** The factories are registered where Boot looks for them and serve Redis, Valkey and Redis Stack images. */
class RespiteContainerConnectionDetailsFactoryTest {

  @Test
  void bothFactoriesAreRegisteredInSpringFactories() {
    List<String> names = SpringFactoriesLoader.forDefaultResourceLocation()
        .load(ConnectionDetailsFactory.class).stream().map(f -> f.getClass().getName()).toList();
    assertThat(names).contains(RespiteContainerConnectionDetailsFactory.class.getName(),
        "dev.respite.spring.boot.docker.RespiteDockerComposeConnectionDetailsFactory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis:7.0", "valkey/valkey:8.0", "redis/redis-stack-server:7.2.0-v10",
      "redis/redis-stack:latest"})
  void aContainerOfARedisImageGivesItsHostAndMappedPort(String image) throws Exception {
    Container<?> container = mock(Container.class);
    when(container.getHost()).thenReturn("127.0.0.1");
    when(container.getMappedPort(6379)).thenReturn(32771);
    RespiteConnectionDetails details = new RespiteContainerConnectionDetailsFactory()
        .getConnectionDetails(source(image, container));
    assertThat(details).isNotNull();
    ((InitializingBean) details).afterPropertiesSet();
    assertThat(details.url()).isEqualTo("redis://127.0.0.1:32771");
  }

  @Test
  void aContainerOfAnotherImageIsNotRespites() throws Exception {
    assertThat(new RespiteContainerConnectionDetailsFactory()
        .getConnectionDetails(source("postgres:16", mock(Container.class)))).isNull();
  }

  /** Boot builds sources itself (package-private); the test does what its registrar does. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ContainerConnectionSource<Container<?>> source(String image, Container<?> container)
      throws Exception {
    Constructor<?> constructor = Arrays.stream(ContainerConnectionSource.class.getDeclaredConstructors())
        .filter(c -> c.getParameterTypes()[4] == MergedAnnotation.class).findFirst().orElseThrow();
    constructor.setAccessible(true);
    return (ContainerConnectionSource<Container<?>>) constructor.newInstance("test", null, (Class) Container.class,
        image, MergedAnnotation.of(ServiceConnection.class), (Supplier<Container<?>>) () -> container, null,
        MergedAnnotations.from(RespiteContainerConnectionDetailsFactoryTest.class));
  }
}
