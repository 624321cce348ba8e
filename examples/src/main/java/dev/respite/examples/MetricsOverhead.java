package dev.respite.examples;

import dev.respite.RedisDataSource;
import dev.respite.RedisSession;
import dev.respite.metrics.RespiteMetrics;
import dev.respite.spi.RedisListener;
import dev.respite.testsupport.LocalRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what metrics cost per command, a harness rather than a benchmark suite (no JMH):
 *
 * <ol>
 *   <li>the recording path alone: the listener {@link RespiteMetrics} registers, called as the driver calls
 *       it after each command, in ns and allocated bytes per call;
 *   <li>end to end: {@code GET} round trips on one session to a local {@code redis-server}, metrics off
 *       and on, in alternating rounds so that drift on a shared machine hits both alike.
 * </ol>
 *
 * <p>Arguments: {@code [rounds] [commands per round]}, default 7 and 100000. Needs {@code redis-server}.
 */
public final class MetricsOverhead {
  private MetricsOverhead() {}

  /** Runs both measurements and prints medians. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int commands = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
    for (boolean histograms : new boolean[] {false, true}) {
      recordingPath(histograms, rounds, commands * 20);
    }
    try (LocalRedisServer server = LocalRedisServer.launch()) {
      endToEnd(server.url(), rounds, commands);
    }
  }

  /** The listener's cost alone: no socket, so the figure is not lost in a round trip's noise. */
  private static void recordingPath(boolean histograms, int rounds, int calls) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RedisDataSource unused = RedisDataSource.create("redis://127.0.0.1:1/0?poolName=overhead")) {
      RedisListener listener = capturedListener(unused, registry, histograms);
      String[] commands = {"GET", "SET", "INCR", "DEL"};
      double[] nanos = new double[rounds];
      double[] bytes = new double[rounds];
      for (int round = -2; round < rounds; round++) { // two warm-up rounds for the JIT
        long allocated = allocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          listener.commandCompleted(commands[i & 3], 0, 40_000 + (i & 1023), null);
        }
        long elapsed = System.nanoTime() - start;
        if (round >= 0) {
          nanos[round] = (double) elapsed / calls;
          bytes[round] = (double) (allocatedBytes() - allocated) / calls;
        }
      }
      System.out.printf("recording path, histograms %-3s: median %6.1f ns/command, %5.2f bytes/command allocated%n",
          histograms ? "on" : "off", median(nanos), median(bytes));
    } finally {
      registry.close();
    }
  }

  /** Binds through a data source that hands the listener back, so it can be called directly. */
  private static RedisListener capturedListener(RedisDataSource real, MeterRegistry registry, boolean histograms) {
    AtomicReference<RedisListener> captured = new AtomicReference<>();
    RedisDataSource capturing = (RedisDataSource) Proxy.newProxyInstance(RedisDataSource.class.getClassLoader(),
        new Class<?>[] {RedisDataSource.class}, (proxy, method, methodArgs) -> {
          if (method.getName().equals("addListener")) {
            captured.set((RedisListener) methodArgs[0]);
            return null;
          }
          return method.invoke(real, methodArgs);
        });
    RespiteMetrics.builder().percentileHistograms(histograms).bind(capturing, registry);
    return captured.get();
  }

  private static void endToEnd(String url, int rounds, int commands) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (RedisDataSource off = RedisDataSource.create(url + "/0?poolName=off&poolMaxTotal=1");
         RedisDataSource on = RedisDataSource.create(url + "/0?poolName=on&poolMaxTotal=1")) {
      RespiteMetrics.builder().percentileHistograms(true).bind(on, registry);
      try (RedisSession s = off.openSession()) {
        s.set("overhead", "value");
      }
      double[] offNanos = new double[rounds];
      double[] onNanos = new double[rounds];
      for (int round = -1; round < rounds; round++) { // one warm-up round each
        double offRound = gets(off, commands);
        double onRound = gets(on, commands);
        if (round >= 0) {
          offNanos[round] = offRound;
          onNanos[round] = onRound;
        }
      }
      System.out.printf("GET round trip, metrics off: median %8.0f ns/command (rounds: %s)%n", median(offNanos),
          Arrays.toString(Arrays.stream(offNanos).mapToLong(Math::round).toArray()));
      System.out.printf("GET round trip, metrics on : median %8.0f ns/command (rounds: %s)%n", median(onNanos),
          Arrays.toString(Arrays.stream(onNanos).mapToLong(Math::round).toArray()));
      System.out.printf("difference of medians: %+.0f ns/command (%+.1f%%)%n", median(onNanos) - median(offNanos),
          100 * (median(onNanos) - median(offNanos)) / median(offNanos));
    } finally {
      registry.close();
    }
  }

  private static double gets(RedisDataSource redis, int commands) {
    try (RedisSession session = redis.openSession()) {
      long start = System.nanoTime();
      for (int i = 0; i < commands; i++) {
        session.get("overhead");
      }
      return (double) (System.nanoTime() - start) / commands;
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
