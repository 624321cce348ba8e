package dev.respite.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Case 8: one cluster client under N platform threads, each looping SET then GET over keys of every hash slot
 * ({@link ClusterKeys}) and checking every reply. Run by {@link ClusterCases} in a JVM of its own per client,
 * which stays up for the whole case and is told on standard input when to run, so that the three clients'
 * measured slices can be interleaved while none shares a JVM (JIT, heap) with another:
 * {@code ClusterLoad <client> <threads> <host:port,...>}, then commands {@code warmup <s>},
 * {@code measure <s>} and {@code finish}.
 *
 * <p>Prints {@code READY} once the client is open and a probe of 64 slots passed, or {@code FAILED <why>} and
 * exits; {@code DONE ...} after each run; {@code RESULT} with key=value pairs after {@code finish}, over all
 * measured slices; {@code ERROR <first error>} when a command failed.
 */
public final class ClusterLoad {

  private static final long MAX_WAIT_MILLIS = 10_000;
  private static final int PROBE_SLOTS = 64;
  /** Unmeasured time at the start of each slice, so threads and connections idle since the last are busy. */
  private static final long LEAD_IN_MILLIS = 250;
  /** How long the threads get to finish their last command once a slice ends. */
  private static final long JOIN_SECONDS = 30;

  private final ClusterClient client;
  private final ClusterKeys keys;
  private final int threadCount;
  /** Per thread: the order in which it goes over its slots, see {@link #slotOrders}. */
  private final int[][] slotOrders;
  /** Per thread: where it is in its order, and how many times it went over it (which value it writes). */
  private final int[] positions;
  private final int[] passes;
  private final LatencyHistogram histogram = new LatencyHistogram();
  private final LongAdder measuredOps = new LongAdder();
  private final LongAdder checked = new LongAdder();
  private final LongAdder wrong = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicReference<@Nullable Throwable> firstError = new AtomicReference<>();
  private final com.sun.management.ThreadMXBean threadBean =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private long measuredNanos;
  private long allocatedBytes;
  private boolean allocationKnown = true;
  private long stuck;
  private volatile boolean measuring;

  private ClusterLoad(ClusterClient client, ClusterKeys keys, int threadCount) {
    this.client = client;
    this.keys = keys;
    this.threadCount = threadCount;
    this.slotOrders = slotOrders(threadCount);
    this.positions = new int[threadCount];
    this.passes = new int[threadCount];
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ClusterLoad <client> <threads> <host:port,...>");
    }
    Client which = Client.fromLabel(args[0]);
    int threads = Integer.parseInt(args[1]);
    ClusterKeys keys = new ClusterKeys(which.label());
    ClusterLoad load;
    try {
      ClusterClient client = ClusterClient.open(which, List.of(args[2].split(",")), MAX_WAIT_MILLIS);
      load = new ClusterLoad(client, keys, threads);
      load.probe();
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
      String why = e.getMessage();
      System.out.println("FAILED " + oneLine(why == null ? e.toString() : why));
      System.exit(1);
      return;
    }
    System.out.println("READY");
    load.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    System.exit(0);
  }

  /** SET and GET on 64 slots spread over the range, one at a time, stopping at the first failure. */
  private void probe() {
    for (int i = 0; i < PROBE_SLOTS; i++) {
      int slot = i * (ClusterKeys.SLOTS / PROBE_SLOTS);
      String key = keys.key(slot);
      String value = keys.value(slot, 0);
      try {
        Payloads.check(client.set(key, value), "SET did not reply OK");
        Payloads.check(value.equals(client.get(key)), "GET did not return the value just SET");
      } catch (RuntimeException e) {
        throw new IllegalStateException("probe of " + key + " (slot " + slot + ") failed: " + e, e);
      }
    }
  }

  private void serve(BufferedReader commands) throws InterruptedException, java.io.IOException {
    String line;
    while ((line = commands.readLine()) != null) {
      String[] words = line.trim().split(" ");
      switch (words[0]) {
        case "warmup":
          runSlice(Long.parseLong(words[1]), false);
          break;
        case "measure":
          runSlice(Long.parseLong(words[1]), true);
          break;
        case "finish":
          printResult();
          client.close();
          return;
        default:
          throw new IllegalArgumentException("unknown command '" + line + "'");
      }
    }
  }

  private void runSlice(long seconds, boolean measured) throws InterruptedException {
    // A flag per slice: a thread stuck past its slice's end must not run on into the next one.
    AtomicBoolean stop = new AtomicBoolean();
    long opsBefore = measuredOps.sum();
    long commandsBefore = checked.sum();
    long errorsBefore = errors.sum();
    List<Thread> threads = new ArrayList<>(threadCount);
    for (int i = 0; i < threadCount; i++) {
      int index = i;
      Thread thread = ThreadKind.PLATFORM.factory().newThread(() -> loop(index, stop));
      threads.add(thread);
      thread.start();
    }
    TimeUnit.MILLISECONDS.sleep(LEAD_IN_MILLIS);
    long allocatedBefore = PoolLoad.totalAllocatedBytes(threadBean);
    long start = System.nanoTime();
    measuring = measured;
    TimeUnit.SECONDS.sleep(seconds);
    measuring = false;
    long elapsed = System.nanoTime() - start;
    long allocatedAfter = PoolLoad.totalAllocatedBytes(threadBean);
    stop.set(true);
    // One deadline for all: a command stuck on a dead node must not cost 30 s per thread.
    long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_SECONDS);
    for (Thread thread : threads) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
    }
    long stillRunning = threads.stream().filter(Thread::isAlive).count();
    stuck += stillRunning;
    if (measured) {
      measuredNanos += elapsed;
      allocatedBytes += allocatedAfter - allocatedBefore;
      allocationKnown &= allocatedBefore >= 0;
    }
    long ops = measuredOps.sum() - opsBefore;
    System.out.println("DONE " + (measured ? "measure" : "warmup") + " commands=" + (checked.sum() - commandsBefore)
        + " measuredOpsPerSec=" + String.format(Locale.ROOT, "%.1f", ops * 1e9 / elapsed)
        + " errors=" + (errors.sum() - errorsBefore) + " stuck=" + stillRunning);
  }

  /**
   * Thread {@code index} goes over the slots index, index + threads, ... in an order of its own, shuffled once
   * with its index as the seed (the same for every client). In slot order the threads, all about as fast,
   * would move through the slot range together and load one primary at a time; shuffled, each command's node
   * is independent of the other threads' (about a third of them on each primary at any moment).
   */
  private static int[][] slotOrders(int threadCount) {
    int[][] orders = new int[threadCount][];
    for (int index = 0; index < threadCount; index++) {
      List<Integer> slots = new ArrayList<>();
      for (int slot = index; slot < ClusterKeys.SLOTS; slot += threadCount) {
        slots.add(slot);
      }
      java.util.Collections.shuffle(slots, new java.util.Random(index));
      orders[index] = slots.stream().mapToInt(Integer::intValue).toArray();
    }
    return orders;
  }

  private void loop(int index, AtomicBoolean stop) {
    int[] order = slotOrders[index];
    int position = positions[index];
    int pass = passes[index];
    while (!stop.get()) {
      int slot = order[position];
      String key = keys.key(slot);
      String value = keys.value(slot, pass & 1);
      if (timedSet(key, value)) {
        timedGet(key, value);
      }
      if (++position == order.length) {
        position = 0;
        pass++;
      }
    }
    positions[index] = position;
    passes[index] = pass;
  }

  private boolean timedSet(String key, String value) {
    long begin = System.nanoTime();
    boolean ok;
    try {
      ok = client.set(key, value);
    } catch (RuntimeException e) {
      failed(e);
      return false;
    }
    record(System.nanoTime() - begin, ok);
    return true;
  }

  private void timedGet(String key, String expected) {
    long begin = System.nanoTime();
    String reply;
    try {
      reply = client.get(key);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    record(System.nanoTime() - begin, expected.equals(reply));
  }

  private void record(long took, boolean right) {
    checked.increment();
    if (!right) {
      wrong.increment();
    }
    if (measuring) {
      histogram.record(took);
      measuredOps.increment();
    }
  }

  private void failed(RuntimeException e) {
    errors.increment();
    firstError.compareAndSet(null, e);
  }

  private void printResult() {
    long ops = measuredOps.sum();
    StringBuilder line = new StringBuilder("RESULT");
    line.append(" threads=").append(threadCount)
        .append(" ops=").append(ops)
        .append(" opsPerSec=").append(String.format(Locale.ROOT, "%.1f",
            measuredNanos == 0 ? 0.0 : ops * 1e9 / measuredNanos))
        .append(" p50=").append(histogram.percentile(50))
        .append(" p99=").append(histogram.percentile(99))
        .append(" p999=").append(histogram.percentile(99.9))
        .append(" max=").append(histogram.percentile(100))
        .append(" allocPerOp=").append(ops == 0 || !allocationKnown ? -1 : allocatedBytes / ops)
        .append(" checked=").append(checked.sum())
        .append(" wrong=").append(wrong.sum())
        .append(" errors=").append(errors.sum())
        .append(" stuck=").append(stuck);
    System.out.println(line);
    Throwable error = firstError.get();
    if (error != null) {
      System.out.println("ERROR " + oneLine(error.toString()));
    }
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }
}
