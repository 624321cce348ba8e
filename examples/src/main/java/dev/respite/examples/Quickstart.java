package dev.respite.examples;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.testsupport.LocalRedisServer;

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
    String url = System.getenv("REDIS_URL");
    LocalRedisServer local = null;
    if (url == null || url.isBlank()) {
      if (!LocalRedisServer.isAvailable()) {
        System.err.println("No REDIS_URL is set and no redis-server binary was found on the PATH.\n"
            + "Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n"
            + "or point the quickstart at a server: REDIS_URL=redis://localhost:6379");
        System.exit(2);
      }
      local = LocalRedisServer.launch();
      url = local.url();
      System.out.println("Started a throwaway redis-server at " + url);
    }
    try (RedisDataSource redis = RedisDataSource.create(url);
         RedisSession session = redis.openSession(2)) {
      System.out.println("SELECT 2 -> database " + session.database());
      System.out.println("PING     -> " + session.ping());
      session.set("quickstart:greeting", "hello from Respite");
      System.out.println("SET      -> OK");
      System.out.println("GET      -> " + session.get("quickstart:greeting"));
      System.out.println("INCR     -> " + session.incr("quickstart:visits"));
      System.out.println("GET missing -> " + session.get("quickstart:missing"));
      System.out.println(redis + " " + redis.poolStats());
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }
}
