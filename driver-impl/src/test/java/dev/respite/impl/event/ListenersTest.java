package dev.respite.impl.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.respite.impl.connection.CannedPeer;
import dev.respite.impl.connection.RedisConnection;
import dev.respite.impl.protocol.ThreadAllocation;
import dev.respite.spi.RedisListener;
import dev.respite.spi.RedisListener.BatchKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How {@link Listeners} hands a command's start and end, and a batch's, to the listeners. */
class ListenersTest {
  private CannedPeer peer;
  private RedisConnection connection;

  @BeforeEach
  void open() throws Exception {
    peer = CannedPeer.open(b -> b);
    connection = peer.connection();
  }

  @AfterEach
  void close() throws Exception {
    peer.close();
  }

  private static Listeners listeners() {
    return new Listeners("test-pool", "127.0.0.1:6379", Duration.ZERO);
  }

  @Test
  void withNothingWatchingACommandCostsNeitherTheClockNorAnAllocation() {
    Listeners listeners = listeners();
    for (int i = 0; i < 20_000; i++) { // warm up: first calls load classes
      oneOfEach(listeners);
    }
    long before = ThreadAllocation.allocatedBytes();
    long starts = 0;
    for (int i = 0; i < 100_000; i++) {
      starts += oneOfEach(listeners);
    }
    long allocated = ThreadAllocation.allocatedBytes() - before;

    assertThat(starts).isZero();
    if (before >= 0) {
      assertThat(allocated).isLessThan(64 * 1024); // 100,000 rounds: a byte per round would be 100 KB
    }
  }

  /** A command, a pipeline and a borrow, as the driver reports them; returns the sum of the start times. */
  private long oneOfEach(Listeners listeners) {
    long start = listeners.commandStarted(connection, "GET", 0);
    listeners.commandFinished("GET", 0, start, null);
    long batch = listeners.batchStarted(connection, BatchKind.PIPELINE, 2, 0);
    listeners.batchFinished(BatchKind.PIPELINE, 2, 0, batch, null);
    listeners.connectionAcquired(1_000);
    return start + batch;
  }

  @Test
  void aCommandStartsAndCompletesOnTheCallingThread() {
    Listeners listeners = listeners();
    Recorder recorder = new Recorder();
    listeners.add(recorder);

    long start = listeners.commandStarted(connection, "GET", 3);
    listeners.commandFinished("GET", 3, start, null);

    String thread = " on " + Thread.currentThread().getName();
    assertThat(start).isNotZero();
    assertThat(recorder.calls).containsExactly("started GET db3" + thread, "completed GET db3 ok" + thread);
  }

  @Test
  void aBatchWrapsTheCompletionsOfItsCommandsWithoutStartsOfTheirOwn() {
    Listeners listeners = listeners();
    Recorder recorder = new Recorder();
    listeners.add(recorder);

    long start = listeners.batchStarted(connection, BatchKind.PIPELINE, 2, 1);
    listeners.commandFinished("SET", 1, start, null);
    listeners.commandFinished("INCR", 1, start, new IllegalStateException("not an integer"));
    listeners.batchFinished(BatchKind.PIPELINE, 2, 1, start, null);

    String thread = " on " + Thread.currentThread().getName();
    assertThat(recorder.calls).containsExactly("batch PIPELINE x2 db1" + thread, "completed SET db1 ok" + thread,
        "completed INCR db1 IllegalStateException" + thread, "batch done PIPELINE x2 db1 ok" + thread);
  }

  @Test
  void aListenerThatThrowsIsIgnoredAndTheOthersStillHear() {
    Listeners listeners = listeners();
    listeners.add(new RedisListener() {
      @Override
      public void commandStarted(String command, int database) {
        throw new IllegalStateException("broken listener");
      }
    });
    Recorder recorder = new Recorder();
    listeners.add(recorder);

    listeners.commandFinished("PING", 0, listeners.commandStarted(connection, "PING", 0), null);

    assertThat(recorder.calls).hasSize(2);
  }

  /** Writes down each call, with the thread it came on. */
  private static final class Recorder implements RedisListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    private static String on() {
      return " on " + Thread.currentThread().getName();
    }

    @Override
    public void commandStarted(String command, int database) {
      calls.add("started " + command + " db" + database + on());
    }

    @Override
    public void commandCompleted(String command, int database, long durationNanos, @Nullable Throwable failure) {
      calls.add("completed " + command + " db" + database + " "
          + (failure == null ? "ok" : failure.getClass().getSimpleName()) + on());
    }

    @Override
    public void batchStarted(BatchKind kind, int commands, int database) {
      calls.add("batch " + kind + " x" + commands + " db" + database + on());
    }

    @Override
    public void batchCompleted(BatchKind kind, int commands, int database, long durationNanos,
        @Nullable Throwable failure) {
      calls.add("batch done " + kind + " x" + commands + " db" + database + " " + (failure == null ? "ok" : "failed")
          + on());
    }
  }
}
