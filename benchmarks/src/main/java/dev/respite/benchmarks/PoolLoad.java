package dev.respite.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Case 3: a pool of {@link PooledClient#POOL_SIZE} connections under N platform or virtual threads, each
 * looping borrow, GET, return and checking every reply. JMH runs a thread per benchmark thread and cannot
 * start 10,000 virtual ones, so this harness runs the case for every thread kind the same way: warm up,
 * then measure for a fixed time into one shared {@link LatencyHistogram}.
 *
 * <p>Run by {@link BenchmarkSuite} in a JVM of its own per client and thread count:
 * {@code PoolLoad <client> <platform|virtual> <threads> <warmupSeconds> <measureSeconds> <jfrDir>}, with the
 * server in the {@code respite.bench.*} system properties. Prints one {@code RESULT} line of key=value
 * pairs, which the suite parses; {@code serverCpuPerMillion} is the server's CPU seconds (user + system)
 * per million commands it processed while measuring ({@link ServerCpu}).
 */
public final class PoolLoad {

  private static final String KEY = "bench:pool";
  private static final long MAX_WAIT_MILLIS = 10_000;

  private final LatencyHistogram histogram = new LatencyHistogram();
  private final LongAdder measuredOps = new LongAdder();
  private final LongAdder checked = new LongAdder();
  private final LongAdder wrong = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicReference<@Nullable Throwable> firstError = new AtomicReference<>();
  private volatile boolean measuring;
  private volatile boolean stop;

  private PoolLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      throw new IllegalArgumentException(
          "usage: PoolLoad <client> <platform|virtual> <threads> <warmupSeconds> <measureSeconds> <jfrDir>");
    }
    Client client = Client.fromLabel(args[0]);
    ThreadKind kind = ThreadKind.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    int threads = Integer.parseInt(args[2]);
    new PoolLoad().run(client, kind, threads, Long.parseLong(args[3]), Long.parseLong(args[4]), Path.of(args[5]));
  }

  private void run(Client client, ThreadKind kind, int threadCount, long warmupSeconds, long measureSeconds,
      Path jfrDir) throws Exception {
    String expected = Payloads.text(Payloads.SMALL_VALUE_BYTES);
    com.sun.management.ThreadMXBean threadBean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    PinnedThreadRecorder pinned = null;
    if (kind == ThreadKind.VIRTUAL) {
      Files.createDirectories(jfrDir);
      pinned = new PinnedThreadRecorder(jfrDir.resolve("pool-" + client.label() + "-virtual-" + threadCount + ".jfr"));
    }
    try (BenchmarkServer server = BenchmarkServer.acquire();
        PooledClient pool = PooledClient.open(client, server, MAX_WAIT_MILLIS)) {
      pool.set(KEY, expected);
      List<Thread> threads = new ArrayList<>(threadCount);
      java.util.concurrent.ThreadFactory factory = kind.factory();
      for (int i = 0; i < threadCount; i++) {
        Thread thread = factory.newThread(() -> loop(pool, expected));
        threads.add(thread);
        thread.start();
      }
      TimeUnit.SECONDS.sleep(warmupSeconds);
      long allocatedBefore = totalAllocatedBytes(threadBean);
      ServerCpu serverBefore = ServerCpu.sample(server);
      long start = System.nanoTime();
      java.time.Instant measureStart = java.time.Instant.now();
      measuring = true;
      TimeUnit.SECONDS.sleep(measureSeconds);
      measuring = false;
      java.time.Instant measureEnd = java.time.Instant.now();
      long elapsed = System.nanoTime() - start;
      long allocatedAfter = totalAllocatedBytes(threadBean);
      ServerCpu serverAfter = ServerCpu.sample(server);
      stop = true;
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
      long stuck = threads.stream().filter(Thread::isAlive).count();
      if (pinned != null) {
        pinned.finish(measureStart, measureEnd);
      }
      long ops = measuredOps.sum();
      Throwable error = firstError.get();
      StringBuilder line = new StringBuilder("RESULT");
      line.append(" client=").append(client.label())
          .append(" kind=").append(kind.name().toLowerCase(java.util.Locale.ROOT))
          .append(" threads=").append(threadCount)
          .append(" ops=").append(ops)
          .append(" opsPerSec=").append(String.format(java.util.Locale.ROOT, "%.1f", ops * 1e9 / elapsed))
          .append(" p50=").append(histogram.percentile(50))
          .append(" p99=").append(histogram.percentile(99))
          .append(" p999=").append(histogram.percentile(99.9))
          .append(" max=").append(histogram.percentile(100))
          .append(" allocPerOp=").append(ops == 0 || allocatedBefore < 0 ? -1 : (allocatedAfter - allocatedBefore) / ops)
          .append(" serverCpuPerMillion=").append(ServerCpu.format(serverAfter.secondsPerMillionSince(serverBefore)))
          .append(" checked=").append(checked.sum())
          .append(" wrong=").append(wrong.sum())
          .append(" errors=").append(errors.sum())
          .append(" stuck=").append(stuck)
          .append(" pinned=").append(pinned == null ? -1 : pinned.count())
          .append(" pinnedMeasured=").append(pinned == null ? -1 : pinned.measured());
      System.out.println(line);
      if (pinned != null && pinned.count() > 0) {
        System.out.println("PINNED " + pinned.summary());
      }
      if (error != null) {
        System.out.println("ERROR " + error);
      }
    } finally {
      if (pinned != null) {
        pinned.close();
      }
    }
    System.exit(0);
  }

  private void loop(PooledClient pool, String expected) {
    while (!stop) {
      long begin = System.nanoTime();
      String reply;
      try {
        reply = pool.get(KEY);
      } catch (RuntimeException e) {
        errors.increment();
        firstError.compareAndSet(null, e);
        continue;
      }
      long took = System.nanoTime() - begin;
      checked.increment();
      if (!expected.equals(reply)) {
        wrong.increment();
      }
      if (measuring) {
        histogram.record(took);
        measuredOps.increment();
      }
    }
  }

  /**
   * Bytes allocated by every thread, virtual ones included (JDK 21+); reflection keeps this module compiling
   * with {@code --release 17}. Returns -1 on an older JDK.
   */
  static long totalAllocatedBytes(com.sun.management.ThreadMXBean threadBean) {
    try {
      return (long) com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes")
          .invoke(threadBean);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }
}
