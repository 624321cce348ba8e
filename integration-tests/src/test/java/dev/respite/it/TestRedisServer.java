package dev.respite.it;

import dev.respite.testsupport.LocalRedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The server a test class runs against, from one of three sources (see {@link RedisServerExtension}): what the
 * extension needs from it. Lifecycle control defaults to skipping the test.
 */
interface TestRedisServer {
  String REDIS_IMAGE = "redis:7.0";
  Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  String host();

  int port();

  default void ensureRunning() {
  }

  default void restart() {
    unsupported("restart");
  }

  default void kill() {
    unsupported("kill");
  }

  default void start() {
    unsupported("start");
  }

  default void close() {
  }

  private void unsupported(String operation) {
    Assumptions.abort("skipped: cannot " + operation + " the Redis server provided by " + this
        + "; run with redis-server installed and REDIS_URL unset");
  }

  /** A {@code redis-server} process this JVM started. */
  record Local(LocalRedisServer redis) implements TestRedisServer {
    @Override
    public String host() {
      return redis.host();
    }

    @Override
    public int port() {
      return redis.port();
    }

    @Override
    public void ensureRunning() {
      redis.start();
    }

    @Override
    public void restart() {
      redis.restart();
    }

    @Override
    public void kill() {
      redis.kill();
    }

    @Override
    public void start() {
      redis.start();
    }

    @Override
    public void close() {
      redis.close();
    }
  }

  /** The server {@code REDIS_URL} names. */
  record External(String host, int port) implements TestRedisServer {
    @Override
    public String toString() {
      return "REDIS_URL";
    }
  }

  /** A Testcontainers container. */
  record Container(GenericContainer<?> container) implements TestRedisServer {
    static Container start(List<String> serverArgs) {
      List<String> command = new ArrayList<>(List.of("redis-server", "--enable-debug-command", "yes"));
      command.addAll(serverArgs);
      GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
          .withExposedPorts(6379)
          .withCommand(command.toArray(String[]::new));
      container.start();
      String host = container.getHost();
      if (!host.equals("localhost") && !IPV4_LOOPBACK.matcher(host).matches()) {
        container.stop();
        throw new ExtensionConfigurationException("Docker runs on " + host + ", not on this machine;"
            + " the integration tests only use loopback servers");
      }
      return new Container(container);
    }

    @Override
    public String host() {
      return "127.0.0.1"; // Docker publishes mapped ports on all host interfaces, loopback included
    }

    @Override
    public int port() {
      return container.getMappedPort(6379);
    }

    @Override
    public void close() {
      container.stop();
    }

    @Override
    public String toString() {
      return "a Testcontainers " + REDIS_IMAGE + " container";
    }
  }
}
