package dev.respite.spring.boot;

import dev.respite.RedisDataSource;
import dev.respite.testsupport.LocalRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One throwaway redis-server per test class, shared by its tests (test classes run one at a time). */
public abstract class ServerPerTestClass {
  /** The class's server. */
  protected static LocalRedisServer server;

  @BeforeAll
  static void startServer() {
    server = LocalRedisServer.launch();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** An application's own data source, pool {@code users-own}, which every auto-configuration must use. */
  @Configuration(proxyBeanMethods = false)
  public static class UserDataSource {
    @Bean(destroyMethod = "close")
    RedisDataSource myRedis() {
      return RedisDataSource.create(server.url() + "?poolName=users-own");
    }
  }
}
