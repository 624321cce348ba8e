package dev.respite.spring.boot.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.spring.boot.RespiteAutoConfiguration;
import dev.respite.spring.boot.RespiteConnectionDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code @ServiceConnection} on a {@code redis} container configures Respite with no property. Needs a Docker
 * engine: skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = RespiteServiceConnectionTest.App.class)
class RespiteServiceConnectionTest {

  @Container
  @ServiceConnection
  static final GenericContainer<?> REDIS = new GenericContainer<>("redis:7.0").withExposedPorts(6379);

  @Autowired
  RedisDataSource dataSource;

  @Autowired
  RespiteConnectionDetails connectionDetails;

  @Test
  void theContainerIsTheServer() {
    assertThat(connectionDetails.url()).endsWith(":" + REDIS.getMappedPort(6379));
    try (RedisSession session = dataSource.openSession()) {
      assertThat(session.ping()).isEqualTo("PONG");
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(RespiteAutoConfiguration.class)
  static class App {}
}
