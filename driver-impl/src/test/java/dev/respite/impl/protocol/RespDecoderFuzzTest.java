package dev.respite.impl.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer fuzzes the RESP decoder with coverage guidance: any exception other than those
 * {@link DecoderFuzzTarget} allows is a bug to fix. {@code mvn verify} runs it in regression mode, over the
 * seeds in {@code src/test/resources/.../RespDecoderFuzzTestInputs}; to fuzz for real (see the README):
 * {@code JAZZER_FUZZ=1 mvn -pl driver-impl test -Dtest=RespDecoderFuzzTest}.
 */
class RespDecoderFuzzTest {
  private static final AtomicLong EXECUTIONS = new AtomicLong();

  @FuzzTest(maxDuration = "5m")
  void decoderThrowsOnlyProtocolErrorsOnAnyBytes(byte[] data) {
    EXECUTIONS.incrementAndGet();
    DecoderFuzzTarget.decode(data);
  }

  @AfterAll
  static void report() {
    System.out.println("[reliability] decoder fuzz executions (Jazzer): " + EXECUTIONS.get());
  }
}
