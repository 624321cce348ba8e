package dev.respite.spring.boot;

import dev.respite.PoolStats;
import dev.respite.RedisConfig;
import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code respite} health contributor: UP when the server answers {@code PING} within
 * {@code respite.health.timeout} (1 s by default), else DOWN with the reason; the application pool's
 * active/idle/pending/max as details.
 *
 * <p>Why it never hangs: the PING runs on a probe data source of its own (one connection, made from the
 * application's configuration) whose {@code connectTimeout}, {@code socketTimeout} and {@code poolMaxWait} are
 * the health timeout, so the check's thread is always freed, and the caller waits for it at most the timeout
 * (a timed future): a paused server ({@code CLIENT PAUSE}, {@code DEBUG SLEEP}) or a full application pool
 * cannot hold the health endpoint. The probe costs one extra connection, and only while checks run.
 */
final class RespiteHealthIndicator implements HealthIndicator, DisposableBean {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RedisDataSource dataSource;
  private final RedisDataSource probe;
  private final Duration timeout;
  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "respite-health-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  RespiteHealthIndicator(RedisDataSource dataSource, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRespitePropertyException("respite.health.timeout", "must be positive",
          new IllegalArgumentException(timeout.toString()));
    }
    this.dataSource = dataSource;
    this.timeout = timeout;
    this.probe = RedisDataSource.create(probeConfig(dataSource, timeout));
  }

  static RedisConfig probeConfig(RedisDataSource dataSource, Duration timeout) {
    RedisConfig config = dataSource.config();
    Duration connect = config.connectTimeout().compareTo(timeout) < 0 ? config.connectTimeout() : timeout;
    return config.toBuilder()
        .poolName(dataSource.poolName() + "-health")
        .poolMaxTotal(1).poolMaxIdle(1).poolMinIdle(0)
        .poolMaxWait(timeout).socketTimeout(timeout).connectTimeout(connect)
        .leakDetectionThreshold(Duration.ZERO)
        .build();
  }

  @Override
  public Health health() {
    Health.Builder health = check();
    PoolStats pool = dataSource.poolStats();
    return health.withDetail("pool", dataSource.poolName())
        .withDetail("active", pool.active())
        .withDetail("idle", pool.idle())
        .withDetail("pending", pool.pending())
        .withDetail("max", pool.maxTotal())
        .build();
  }

  private Health.Builder check() {
    Future<String> ping = executor.submit(() -> {
      try (RedisSession session = probe.openSession()) {
        return session.ping();
      }
    });
    try {
      return Health.up().withDetail("ping", ping.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      ping.cancel(true);
      return Health.down().withDetail("error", "No PING reply within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Health.down().withException(e.getCause() instanceof Exception ? (Exception) e.getCause() : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ping.cancel(true);
      return Health.down().withDetail("error", "Interrupted");
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
    probe.close();
  }
}
