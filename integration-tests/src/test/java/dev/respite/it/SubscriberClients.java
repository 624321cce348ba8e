package dev.respite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.testsupport.RawRedisClient;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What the server's {@code CLIENT LIST} says about subscribed connections. */
final class SubscriberClients {
  private SubscriberClients() {}

  /** The {@code CLIENT LIST} lines of connections subscribed to anything. */
  static List<String> of(RedisServerExtension redis) {
    try (RawRedisClient admin = redis.admin()) {
      String list = (String) admin.call("CLIENT", "LIST");
      return Arrays.stream(list.split("\n")).map(String::strip)
          .filter(line -> !line.isEmpty() && !line.contains(" sub=0 psub=0 ssub=0 "))
          .collect(Collectors.toList());
    }
  }

  /** Kills the one subscribed connection with {@code CLIENT KILL TYPE pubsub}, as an operator would. */
  static void killTheSubscriber(RedisServerExtension redis) {
    try (RawRedisClient admin = redis.admin()) {
      assertThat(admin.call("CLIENT", "KILL", "TYPE", "pubsub")).isEqualTo(1L);
    }
  }

  /** Waits (at most 5 s: the server notices a closed socket asynchronously) until none is left. */
  static void awaitNone(RedisServerExtension redis) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!of(redis).isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(of(redis)).isEmpty();
  }
}
