package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Case 6: Respite's case 1 (one connection, SET/GET alternating, 100-byte values) with metrics off, and on
 * through {@link RespiteMetrics#bind} to a {@link SimpleMeterRegistry}. Respite only: the point is what its
 * own metrics cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class MetricsOverheadBenchmark {

  private static final String KEY = "bench:metrics";

  @Param({"off", "on"})
  public String metrics = "off";

  private BenchmarkServer server;
  private @Nullable RespiteMetrics binding;
  private SingleConnection connection;
  private AlternatingSetGet commands;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.acquire();
    RedisDataSource dataSource = RedisDataSource.create(server.respiteUrl("poolMaxTotal=1"));
    if (metrics.equals("on")) {
      binding = RespiteMetrics.bind(dataSource, new SimpleMeterRegistry());
    }
    connection = new RespiteSingleConnection(dataSource);
    commands = new AlternatingSetGet(connection, KEY);
  }

  @TearDown(Level.Trial)
  public void close() {
    connection.close();
    if (binding != null) {
      binding.close();
    }
    server.close();
  }

  @Benchmark
  public void setGetAlternating() {
    commands.next();
  }
}
