package dev.respite.it;

import dev.respite.RedisDataSource;
import dev.respite.testsupport.LocalRedisServer;
import dev.respite.testsupport.RawRedisClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Gives a test class its own Redis server and an empty keyspace before every test.
 *
 * <p>Register it on a static field so one server serves the whole class:
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension redis = RedisServerExtension.create();
 * }</pre>
 *
 * <p>The server comes from the first of these that is available, so the suite runs on a developer
 * machine, in CI and in a container-only environment alike:
 * <ol>
 *   <li>{@code REDIS_URL} (loopback only) — an existing server, for when the caller manages one;
 *       tests that need to stop it or pass it arguments are skipped, never run against it;</li>
 *   <li>a {@link LocalRedisServer} when {@code redis-server} is installed — the full-featured path;</li>
 *   <li>a Testcontainers {@code redis:7.0} container when Docker is reachable — restart and kill
 *       are skipped there.</li>
 * </ol>
 */
public final class RedisServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {


  private final List<String> serverArgs;
  private String adminUser;
  private String adminPassword;
  private TestRedisServer server;
  private final List<RedisDataSource> dataSources = new ArrayList<>();
  /** Nested test classes re-enter beforeAll/afterAll; only the outermost pair owns the server. */
  private int depth;

  private RedisServerExtension(List<String> serverArgs) {
    this.serverArgs = serverArgs;
  }

  /** A default server: no password, no persistence. */
  public static RedisServerExtension create() {
    return new RedisServerExtension(List.of());
  }

  /**
   * A server started with extra {@code redis-server} arguments, e.g. {@code "--requirepass", "s3cret"}
   * (then {@link #admin()} and the per-test flush authenticate with it). Tests of such classes are
   * skipped when {@code REDIS_URL} is set, since an existing server cannot take arguments.
   */
  public static RedisServerExtension withArgs(String... args) {
    return new RedisServerExtension(List.of(args));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (depth++ == 0) {
      server = chooseServer();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--depth == 0 && server != null) {
      TestRedisServer s = server;
      server = null;
      s.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().ensureRunning(); // a previous test may have killed it and not started it again
    try (RawRedisClient admin = admin()) {
      if (admin.call("FLUSHALL") instanceof RawRedisClient.ErrorReply error) {
        throw new IllegalStateException("FLUSHALL before " + context.getDisplayName() + " failed: " + error.message());
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // A test that failed half-way must not leave pools (and their connections) behind for the next one.
    synchronized (dataSources) {
      dataSources.forEach(RedisDataSource::close);
      dataSources.clear();
    }
  }

  /**
   * A data source on this server, closed after the test (closing it earlier is fine too).
   *
   * @param suffix what follows {@code redis://host:port}: a database path and/or options, e.g.
   *     {@code "/4?poolMaxTotal=1"}, or {@code ""}
   */
  public RedisDataSource dataSource(String suffix) {
    String credentials = adminPassword == null ? ""
        : (adminUser == null ? "" : adminUser) + ":" + adminPassword + "@";
    RedisDataSource dataSource = RedisDataSource.create(url().replace("redis://", "redis://" + credentials)
        + withSuiteOptions(suffix));
    synchronized (dataSources) {
      dataSources.add(dataSource);
    }
    return dataSource;
  }

  /**
   * {@code suffix} with the options of the system property {@code respite.test.options} appended (such as
   * {@code multiplex=2}), so that a whole suite can run again with an option on; an option the test sets
   * itself wins.
   */
  static String withSuiteOptions(String suffix) {
    StringBuilder url = new StringBuilder(suffix);
    for (String option : System.getProperty("respite.test.options", "").split("&")) {
      String name = option.split("=", 2)[0];
      if (!name.isEmpty() && !suffix.matches(".*[?&]" + java.util.regex.Pattern.quote(name) + "=.*")) {
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(option);
      }
    }
    return url.toString();
  }

  /** A connection URL without credentials, e.g. {@code redis://127.0.0.1:40123}. */
  public String url() {
    String host = host();
    return "redis://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  public String host() {
    return server().host();
  }

  public int port() {
    return server().port();
  }

  /** A new raw client for setup and inspection, authenticated if the server needs it; caller closes. */
  public RawRedisClient admin() {
    RawRedisClient client = new RawRedisClient(host(), port());
    if (adminPassword != null) {
      try {
        client.auth(adminUser, adminPassword);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    }
    return client;
  }

  /** Restarts the server on the same port (all data is lost); skips the test where that is impossible. */
  public void restart() {
    server().restart();
  }

  /** Kills the server with SIGKILL, as a crash would; skips the test where that is impossible. */
  public void kill() {
    server().kill();
  }

  /** Starts the server again after {@link #kill()}, on the same port. */
  public void start() {
    server().start();
  }

  /** The server's version as reported by {@code INFO server}, e.g. {@code "7.0.15"}. */
  public String redisVersion() {
    try (RawRedisClient admin = admin()) {
      Object info = admin.call("INFO", "server");
      if (info instanceof String text) {
        for (String line : text.split("\r\n")) {
          if (line.startsWith("redis_version:")) {
            return line.substring("redis_version:".length()).strip();
          }
        }
      }
      throw new IllegalStateException("no redis_version in INFO reply: " + info);
    }
  }

  private TestRedisServer server() {
    if (server == null) {
      throw new ExtensionConfigurationException("no Redis server: register RedisServerExtension on a"
          + " static field with @RegisterExtension, and use it only while the test class runs");
    }
    return server;
  }

  private TestRedisServer chooseServer() {
    String redisUrl = System.getenv("REDIS_URL");
    if (redisUrl != null && !redisUrl.isBlank()) {
      TestRedisServer external = parseRedisUrl(redisUrl.strip());
      Assumptions.assumeTrue(serverArgs.isEmpty(), () -> "skipped: REDIS_URL is set, so the server cannot be"
          + " started with " + serverArgs + "; unset REDIS_URL to run these tests on a local redis-server");
      return external;
    }
    adminPassword = passwordIn(serverArgs);
    if (LocalRedisServer.isAvailable()) {
      return new TestRedisServer.Local(LocalRedisServer.start(serverArgs.toArray(String[]::new)));
    }
    if (dockerAvailable()) {
      return TestRedisServer.Container.start(serverArgs);
    }
    throw new ExtensionConfigurationException("no Redis server for the integration tests: install redis-server"
        + " (e.g. apt-get install redis-server), start Docker, or set REDIS_URL=redis://127.0.0.1:PORT"
        + " to use a running server (loopback only; it will be FLUSHALLed before every test)");
  }

  /** Accepts {@code redis://[[user]:password@]host[:port]} where host is loopback; takes admin credentials from it. */
  private TestRedisServer parseRedisUrl(String redisUrl) {
    URI uri;
    try {
      uri = new URI(redisUrl);
    } catch (URISyntaxException e) {
      throw new ExtensionConfigurationException("REDIS_URL is not a valid URL: " + redisUrl, e);
    }
    String host = uri.getHost() == null ? "" : uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean loopback = host.equalsIgnoreCase("localhost") || host.equals("::1")
        || TestRedisServer.IPV4_LOOPBACK.matcher(host).matches();
    if (!"redis".equals(uri.getScheme()) || !loopback) {
      throw new ExtensionConfigurationException("REDIS_URL must look like redis://127.0.0.1:6379 and point to"
          + " a loopback host (127.x.x.x, localhost or [::1]), since tests flush and may stop it; got " + redisUrl);
    }
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      adminUser = colon <= 0 ? null : userInfo.substring(0, colon);
      adminPassword = colon < 0 ? userInfo : userInfo.substring(colon + 1);
    }
    return new TestRedisServer.External(host, uri.getPort() < 0 ? 6379 : uri.getPort());
  }

  private static String passwordIn(List<String> args) {
    int i = args.indexOf("--requirepass");
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
