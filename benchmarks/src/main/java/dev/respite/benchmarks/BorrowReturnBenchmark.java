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
 * Case 4: borrow and return with no command, on one thread: the pool's own cost. The connection is
 * already open and in the right database (one SET through the pool first), so Respite's
 * {@code openSession()} + {@code close()} needs no round trip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class BorrowReturnBenchmark {

  @Param({"respite", "jedis", "lettuce-pool"})
  public String client = "respite";

  private BenchmarkServer server;
  private PooledClient pool;

  @Setup(Level.Trial)
  public void open() {
    server = BenchmarkServer.acquire();
    pool = PooledClient.open(Client.fromLabel(client), server, 2_000);
    pool.set("bench:borrow", "warm");
  }

  @TearDown(Level.Trial)
  public void close() {
    pool.close();
    server.close();
  }

  @Benchmark
  public void borrowAndReturn() {
    pool.borrowAndReturn();
  }
}
