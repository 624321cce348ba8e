package dev.respite.benchmarks;

import dev.respite.impl.protocol.ProtocolKeyword;
import dev.respite.impl.protocol.RespWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Not one of the suite's cases: the client-side cost of encoding one {@code SET key value} into RESP, with
 * no socket (the stream discards the bytes). It is most of what a pipeline costs the client (JFR in case 2),
 * so changes to {@link RespWriter} are measured here before and after. Run it with
 * {@code benchmarks/run.sh jmh CommandEncodingBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommandEncodingBenchmark {
  private static final ProtocolKeyword SET = ProtocolKeyword.of("SET");

  /** {@code ascii}: the suite's 100-byte value; {@code utf8}: the same length with one two-byte char. */
  @Param({"ascii", "utf8"})
  public String text = "ascii";

  private final RespWriter writer = new RespWriter(OutputStream.nullOutputStream(), 8192);
  private final String key = "bench:pipeline:key";
  private String value = "";

  @Setup
  public void prepare() {
    String ascii = Payloads.text(Payloads.SMALL_VALUE_BYTES);
    value = text.equals("ascii") ? ascii : ascii.substring(1) + "é";
  }

  @Benchmark
  public void set() throws IOException {
    writer.writeArrayHeader(3);
    writer.writeKeyword(SET);
    writer.writeBulk(key);
    writer.writeBulk(value);
    writer.flush();
  }
}
