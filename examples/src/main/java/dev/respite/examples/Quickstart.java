package dev.respite.examples;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;

/**
 * The classic first Redis client (a socket that sends {@code SELECT 2} and {@code PING}), with Respite.
 *
 * <p>Uses {@code REDIS_URL} when set; otherwise starts a throwaway {@code redis-server} on a free loopback
 * port and stops it at the end.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the quickstart; exits with status 2 when there is no server to talk to. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.fromEnvironment("quickstart");
         RedisDataSource redis = RedisDataSource.create(server.url());
         RedisSession session = redis.openSession(2)) {
      System.out.println("SELECT 2 -> database " + session.database());
      System.out.println("PING     -> " + session.ping());
      session.set("quickstart:greeting", "hello from Respite");
      System.out.println("SET      -> OK");
      System.out.println("GET      -> " + session.get("quickstart:greeting"));
      System.out.println("INCR     -> " + session.incr("quickstart:visits"));
      System.out.println("GET missing -> " + session.get("quickstart:missing"));
      System.out.println(redis + " " + redis.poolStats());
    }
  }
}
