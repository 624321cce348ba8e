package dev.respite.examples;

import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Respite's meters on a Prometheus scrape endpoint, while a small load runs: point Prometheus at
 * {@code http://127.0.0.1:9464/metrics} and import {@code dashboards/respite-redis.json} into Grafana.
 *
 * <p>Arguments: {@code [port] [seconds]}: the loopback port to serve on (default 9464, 0 for a free one)
 * and how long to run (default: until stopped with Ctrl-C). Uses {@code REDIS_URL} when set; otherwise
 * starts a throwaway {@code redis-server} on a free loopback port and stops it at the end.
 */
public final class MetricsExample implements AutoCloseable {
  /** The port OpenTelemetry's Prometheus exporter uses by default. */
  public static final int DEFAULT_PORT = 9464;
  private static final int POOL_SIZE = 4;
  private static final int LOAD_THREADS = 6;

  private final PrometheusMeterRegistry registry;
  private final RedisDataSource redis;
  private final ScrapeEndpoint endpoint;
  private final CommandLoad load;

  private MetricsExample(PrometheusMeterRegistry registry, RedisDataSource redis, ScrapeEndpoint endpoint,
      CommandLoad load) {
    this.registry = registry;
    this.redis = redis;
    this.endpoint = endpoint;
    this.load = load;
  }

  /**
   * Binds a data source on {@code redisUrl} to a Prometheus registry, serves it on loopback
   * {@code port} (0: a free one), and starts the load.
   */
  public static MetricsExample start(String redisUrl, int port) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RedisConfig config = RedisConfig.builder().url(redisUrl).poolName("example").poolMaxTotal(POOL_SIZE).build();
    RedisDataSource redis = RedisDataSource.create(config);
    try {
      // Histograms on: the dashboard's p50/p99 panels need the _bucket series.
      RespiteMetrics.builder().percentileHistograms(true).bind(redis, registry);
      ScrapeEndpoint endpoint = ScrapeEndpoint.start(registry, port);
      return new MetricsExample(registry, redis, endpoint, CommandLoad.start(redis, LOAD_THREADS));
    } catch (RuntimeException e) {
      redis.close();
      registry.close();
      throw e;
    }
  }

  /** The scrape endpoint, such as {@code http://127.0.0.1:9464/metrics}. */
  public URI scrapeUri() {
    return endpoint.uri();
  }

  /** Command rounds the load has run so far. */
  public long rounds() {
    return load.rounds();
  }

  /** Stops the load, the endpoint and the data source (which removes the meters). */
  @Override
  public void close() {
    load.close();
    endpoint.close();
    redis.close();
    registry.close();
  }

  /** Runs the example; exits with status 2 when there is no server to talk to. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 0;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "respite-example-stop"));
    try (ExampleServer server = ExampleServer.fromEnvironment("example");
         MetricsExample example = start(server.url(), port)) {
      System.out.println("Scrape " + example.scrapeUri() + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C stops"));
      if (seconds > 0) {
        stopped.await(seconds, TimeUnit.SECONDS);
      } else {
        stopped.await();
      }
      System.out.println("Ran " + example.rounds() + " rounds of SET, GET, INCR; the subscriber received "
          + example.load.received() + " messages");
    }
  }
}
