package dev.respite.benchmarks;

import dev.respite.RedisDataSource;
import dev.respite.metrics.RespiteTracing;
import java.io.IOException;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
 * Case 7: Respite's case 1 (one connection, SET/GET alternating, 100-byte values) with nothing observing
 * ({@code off}: no JFR recording, no listener), under a JFR recording with the JDK's {@code default} settings
 * (which record every {@code dev.respite.Command} event), and traced ({@link RespiteTracing} on the
 * OpenTelemetry SDK through Micrometer Tracing, spans batched and dropped).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ObservabilityOverheadBenchmark {

  private static final String KEY = "bench:observability";

  @Param({"off", "jfr", "tracing"})
  public String observing = "off";

  private BenchmarkServer server;
  private @Nullable Recording recording;
  private @Nullable DiscardingTracing tracing;
  private @Nullable RespiteTracing binding;
  private SingleConnection connection;
  private AlternatingSetGet commands;

  @Setup(Level.Trial)
  public void open() throws IOException, ParseException {
    server = BenchmarkServer.acquire();
    RedisDataSource dataSource = RedisDataSource.create(server.respiteUrl("poolMaxTotal=1"));
    if (observing.equals("jfr")) {
      recording = new Recording(Configuration.getConfiguration("default"));
      recording.setToDisk(true);
      recording.start();
    } else if (observing.equals("tracing")) {
      tracing = new DiscardingTracing();
      binding = RespiteTracing.bind(dataSource, tracing.registry());
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
    if (tracing != null) {
      tracing.close();
    }
    if (recording != null) {
      recording.close();
    }
    server.close();
  }

  @Benchmark
  public void setGetAlternating() {
    commands.next();
  }
}
