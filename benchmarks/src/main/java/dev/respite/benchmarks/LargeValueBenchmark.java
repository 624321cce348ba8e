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
 * Case 5: one connection, SET and GET alternating with 1 MB byte[] values (each client's binary API). The
 * GET's length is checked, not every byte, so the check does not dominate what is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class LargeValueBenchmark {

  private static final byte[] KEY = Payloads.utf8("bench:large");

  @Param({"respite", "jedis", "lettuce"})
  public String client = "respite";

  private final byte[] value = Payloads.bytes(Payloads.LARGE_VALUE_BYTES);
  private BenchmarkServer server;
  private SingleConnection connection;
  private boolean setNext = true;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.acquire();
    connection = SingleConnection.open(Client.fromLabel(client), server);
    connection.set(KEY, value);
    Payloads.checkEquals(connection.get(KEY), value);
  }

  @TearDown(Level.Trial)
  public void close() {
    connection.close();
    server.close();
  }

  @Benchmark
  public void setGetAlternating() {
    if (setNext) {
      connection.set(KEY, value);
    } else {
      byte[] reply = connection.get(KEY);
      Payloads.check(reply != null && reply.length == Payloads.LARGE_VALUE_BYTES, "GET of the 1 MB value");
    }
    setNext = !setNext;
  }
}
