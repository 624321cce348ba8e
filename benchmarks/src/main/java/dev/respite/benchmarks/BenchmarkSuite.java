package dev.respite.benchmarks;

import dev.respite.testsupport.LocalRedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs every case for Respite, Jedis and Lettuce, and redis-benchmark as the reference, against one
 * throwaway redis-server, then writes RESULTS.md. {@code benchmarks/run.sh} builds the module and calls
 * this; its options are in {@link SuiteSettings} and {@code benchmarks/README.md}.
 */
public final class BenchmarkSuite {

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    SuiteSettings settings = SuiteSettings.parse(args);
    Instant started = Instant.now();
    List<ResultRow> rows = new ArrayList<>();
    List<String> pinnedDetails = new ArrayList<>();
    RedisBenchmarkReference reference;
    String serverVersion;
    @Nullable String cluster = null;
    try (LocalRedisServer redis = LocalRedisServer.launch()) {
      serverVersion = LocalRedisServer.version();
      System.setProperty(BenchmarkServer.HOST_PROPERTY, redis.host());
      System.setProperty(BenchmarkServer.PORT_PROPERTY, Integer.toString(redis.port()));
      try (BenchmarkServer server = BenchmarkServer.acquire()) {
        JmhCases jmh = new JmhCases(settings, server);
        reference = new RedisBenchmarkReference(settings, server);
        // redis-benchmark runs before the clients of its case: the first client measured against a server
        // that had not yet served that workload ran about 20% slower than when it came later (case 2).
        if (settings.cases.contains(1)) {
          List<ResultRow> serverReference = reference.singleConnection();
          rows.addAll(jmh.singleConnection());
          rows.addAll(serverReference);
        }
        if (settings.cases.contains(2)) {
          List<ResultRow> serverReference = reference.pipeline();
          rows.addAll(jmh.pipeline());
          rows.addAll(serverReference);
        }
        if (settings.cases.contains(3)) {
          PoolCases pool = new PoolCases(settings, server);
          rows.addAll(pool.run());
          pinnedDetails.addAll(pool.pinnedDetails());
          rows.addAll(reference.pool());
        }
        if (settings.cases.contains(4)) {
          rows.addAll(jmh.borrowReturn());
        }
        if (settings.cases.contains(5)) {
          List<ResultRow> serverReference = reference.largeValues();
          rows.addAll(jmh.largeValues());
          rows.addAll(serverReference);
        }
        if (settings.cases.contains(6)) {
          rows.addAll(jmh.metricsOverhead());
        }
        if (settings.cases.contains(7)) {
          rows.addAll(jmh.observabilityOverhead());
        }
        if (settings.cases.contains(8)) {
          // Its own six servers, started and stopped within the case; the standalone server stays idle.
          ClusterCases clusterCases = new ClusterCases(settings);
          rows.addAll(clusterCases.run());
          cluster = clusterCases.clusterDescription();
        }
      }
    }
    Duration took = Duration.between(started, Instant.now());
    new ResultsDocument(rows, environment(settings, started, took, serverVersion, cluster, reference),
        notes(pinnedDetails))
        .write(settings.output, settings.smoke);
    System.out.println("Wrote " + settings.output.toAbsolutePath() + " in " + took.toSeconds() + " s");
    System.exit(0);
  }

  private static Map<String, String> environment(SuiteSettings settings, Instant started, Duration took,
      String serverVersion, @Nullable String cluster, RedisBenchmarkReference reference) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("Command", "`" + settings.command + "`");
    environment.put("Date", started.truncatedTo(ChronoUnit.SECONDS) + " (took " + took.toMinutes() + " min "
        + took.toSecondsPart() + " s)");
    environment.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.vendor") + ")");
    environment.put("CPUs", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
    environment.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    environment.put("Server", "redis-server " + serverVersion + " on loopback, `--save \"\" --appendonly no`");
    if (cluster != null) {
      environment.put("Cluster (case 8)", cluster + ", 3 primaries + 3 replicas, `cluster-node-timeout 2000`, "
          + "the same persistence settings");
    }
    environment.put("Settings", settings.describe());
    environment.put("Reference commands", reference.commands().isEmpty() ? "none"
        : "`" + String.join("`, `", reference.commands()) + "`");
    return environment;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown model");
    } catch (IOException | RuntimeException e) {
      return "unknown model";
    }
  }

  private static List<String> notes(List<String> pinnedDetails) {
    List<String> notes = new ArrayList<>(List.of(
        "Throughput and latency of the JMH cases come from SampleTime mode on one thread: ops/s is one over "
            + "the mean time per operation; p50/p99/p99.9 are JMH's sampled percentiles. Allocation is JMH "
            + "`-prof gc` `gc.alloc.rate.norm`, every thread of the JVM included (Lettuce's event loop too).",
        "Case 1 and 5 count one command as one operation (SET and GET alternate), so they compare with "
            + "redis-benchmark's separate SET and GET rows. GET replies are checked (length) on every call.",
        "Case 2: Respite uses `session.pipeline()`, `queueVoid(c -> c.set(k, v))` x 1,000, `sync()`; Jedis "
            + "`jedis.pipelined()` + `sync()`; Lettuce has no pipeline in its sync API, so it uses its documented "
            + "way, the async API on a dedicated connection with auto-flush off, then `flushCommands()` and "
            + "waiting on the futures. Every SET reply is checked. Its latencies are per SET (the time of a "
            + "1,000-SET batch divided by 1,000); redis-benchmark's are per request, batch wait included.",
        "Case 3 runs in the suite's own harness (`PoolLoad`, one fresh JVM per row), since JMH cannot start "
            + "10,000 virtual threads: warm-up, then a fixed measured time; latency is each borrow+GET+return "
            + "as the caller sees it, in a shared histogram (about 3% resolution); allocation is the JVM's "
            + "total allocated bytes over the measured window divided by operations. Every reply is checked.",
        "Case 3 clients: Respite `poolMaxTotal=16`; `respite-multiplex` the same with `multiplex=2` (sessions "
            + "share two connections, borrow none); Jedis `JedisPool` with maxTotal=maxIdle=16 (commons-pool2, "
            + "default unfair waiting); `lettuce-pool` is Lettuce's `ConnectionPoolSupport` (commons-pool2, "
            + "16 connections); `lettuce` is one shared connection used by every thread (no pool), Lettuce's "
            + "default way. Every pool waits at most 10 s for a connection, so no client fails where another "
            + "waits. The redis-benchmark row is `-c 16` GET: what the server takes from 16 connections.",
        "Case 3 virtual-thread rows record JFR `jdk.VirtualThreadPinned` with a zero threshold over the whole "
            + "run; the note gives all events and those inside the measured window (warm-up's one-time class "
            + "loading and initialization happen before it); reasons below, recordings in "
            + "`benchmarks/target/suite/`.",
        "Case 4: the connection is already open and in the right database, so Respite's "
            + "`openSession()` + `close()` makes no round trip; Jedis `getResource()` + `close()`; Lettuce "
            + "`borrowObject()` + `returnObject()`. SampleTime adds about 20-30 ns of timer cost to the "
            + "sampled calls.",
        "Case 6 is Respite only (it measures Respite's own metrics).",
        "Case 7 is Respite only: `off` has no listener and no JFR recording; `jfr` runs a recording with the "
            + "JDK's `default` settings, which record every `dev.respite.Command`; `tracing` binds RespiteTracing "
            + "to Micrometer Tracing's OpenTelemetry bridge (SDK, every span sampled, batched, then dropped).",
        "Case 8 (issue 14) runs each client in a JVM of its own (`ClusterLoad`) against one local six-node "
            + "cluster (`LocalRedisCluster` of test-support: 3 primaries, 3 replicas, loopback): 32 platform threads, "
            + "each going over its share of 16,384 keys, one per hash slot, in a shuffled order of its own (so that "
            + "about a third of the threads are on each primary at any moment), with SET then GET (100-byte values "
            + "naming the client, the key and which of two values was written, so a GET matches only the SET just "
            + "before it); one operation is one command, every reply checked. The three JVMs start and warm up "
            + "in turn, then measure in slices, the order rotated every round (respite, jedis, lettuce; jedis, "
            + "lettuce, respite; ...), so that a drift of the machine reaches all three; figures are over all of a "
            + "client's slices. Respite: `redis-cluster://` with every node as a seed, `poolMaxTotal=16` per node, "
            + "one session per command; Jedis 8's `RedisClusterClient` (its `JedisCluster` is deprecated in 8.x) "
            + "with a pool of 16 per node, otherwise defaults; Lettuce's `RedisClusterClient` with one shared "
            + "connection, defaults. A client that cannot open the cluster gets a failed row and the others run.",
        "redis-benchmark prints p50 and p99 only; it is the reference for what the server takes, not a "
            + "client to beat on latency."));
    for (String pinned : pinnedDetails) {
      notes.add("Pinned virtual threads (JFR), " + pinned + ".");
    }
    return notes;
  }
}
