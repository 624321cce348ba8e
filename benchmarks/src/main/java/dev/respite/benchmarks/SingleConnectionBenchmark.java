package dev.respite.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Case 1: one connection, SET and GET alternating, 100-byte values. One operation is one command, so the
 * throughput compares with {@code redis-benchmark -c 1 -t set,get}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SingleConnectionBenchmark {

  private static final String KEY = "bench:single";

  @Param({"respite", "jedis", "lettuce"})
  public String client = "respite";

  private final String value = Payloads.text(Payloads.SMALL_VALUE_BYTES);
  private BenchmarkServer server;
  private SingleConnection connection;
  private boolean setNext = true;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.acquire();
    connection = SingleConnection.open(Client.fromLabel(client), server);
    connection.set(KEY, value);
  }

  @TearDown(Level.Trial)
  public void close() {
    connection.close();
    server.close();
  }

  /** SET on one call, GET on the next; the GET's reply is checked against what was written. */
  @Benchmark
  public void setGetAlternating() {
    if (setNext) {
      connection.set(KEY, value);
    } else {
      String reply = connection.get(KEY);
      Payloads.check(reply != null && reply.length() == Payloads.SMALL_VALUE_BYTES, "GET bench:single");
    }
    setNext = !setNext;
  }
}
