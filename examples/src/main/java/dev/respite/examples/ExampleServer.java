package dev.respite.examples;

import dev.respite.testsupport.LocalRedisServer;
import org.jspecify.annotations.Nullable;

/**
 * The server an example talks to: {@code REDIS_URL} when set, else a throwaway {@code redis-server} on a
 * free loopback port, stopped on {@link #close()}. Exits with status 2, saying what to install, when there
 * is neither.
 */
final class ExampleServer implements AutoCloseable {
  private final String url;
  private final @Nullable LocalRedisServer local;

  private ExampleServer(String url, @Nullable LocalRedisServer local) {
    this.url = url;
    this.local = local;
  }

  static ExampleServer fromEnvironment(String example) {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      return new ExampleServer(url, null);
    }
    if (!LocalRedisServer.isAvailable()) {
      System.err.println("No REDIS_URL is set and no redis-server binary was found on the PATH.\n"
          + "Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n"
          + "or point the " + example + " at a server: REDIS_URL=redis://localhost:6379");
      System.exit(2);
    }
    LocalRedisServer local = LocalRedisServer.launch();
    System.out.println("Started a throwaway redis-server at " + local.url());
    return new ExampleServer(local.url(), local);
  }

  String url() {
    return url;
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
