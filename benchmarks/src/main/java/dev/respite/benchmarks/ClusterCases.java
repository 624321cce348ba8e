package dev.respite.benchmarks;

import dev.respite.testsupport.LocalRedisCluster;
import dev.respite.testsupport.LocalRedisServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Case 8 (issue 14): Respite, Jedis and Lettuce as cluster clients of one local six-node cluster (three
 * primaries, three replicas, free loopback ports), {@value #THREADS} platform threads each, SET then GET over a
 * key of every hash slot, every reply checked. Each client runs in a {@link ClusterLoad} JVM of its own; all
 * three start, warm up one after the other, then take turns measuring in slices, the order rotated each round
 * (R J L, J L R, L R J, ...), so that a drift of the machine reaches every client alike. A client that cannot
 * open the cluster (Respite before issue 14's data source is merged) gets a failed row; the others still run.
 */
final class ClusterCases {

  static final int THREADS = 32;
  static final String CONFIG = THREADS + " platform threads";
  private static final Client[] CLIENTS = {Client.RESPITE, Client.JEDIS, Client.LETTUCE};
  /** Starting a JVM, opening the client and its probe; then the longest a slice may overrun. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SLACK = Duration.ofSeconds(60);

  private final SuiteSettings settings;
  private final Map<Client, String> failures = new HashMap<>();
  private String clusterDescription = "not started";

  ClusterCases(SuiteSettings settings) {
    this.settings = settings;
  }

  List<ResultRow> run() throws IOException, InterruptedException {
    System.out.println("# Cluster: starting six nodes");
    List<ClusterLoadProcess> loads = new ArrayList<>();
    Map<Client, String> results = new LinkedHashMap<>();
    try (LocalRedisCluster cluster = LocalRedisCluster.start()) {
      List<String> seeds = cluster.nodes().stream().map(n -> n.host() + ":" + n.port()).toList();
      clusterDescription = "redis-server " + LocalRedisServer.version() + " x 6 on loopback ("
          + String.join(", ", seeds) + ")";
      for (Client client : CLIENTS) {
        loads.add(ClusterLoadProcess.start(client, THREADS, seeds,
            settings.workDir.resolve("cluster-" + client.label() + ".log")));
      }
      for (ClusterLoadProcess load : List.copyOf(loads)) {
        attempt(loads, load, () -> load.awaitReady(READY_TIMEOUT));
      }
      Duration warmupLimit = Duration.ofSeconds(settings.clusterWarmupSeconds).plus(SLACK);
      for (ClusterLoadProcess load : List.copyOf(loads)) {
        System.out.println("# Cluster: " + load.client().label() + " warm-up");
        attempt(loads, load, () -> load.run("warmup " + settings.clusterWarmupSeconds, warmupLimit));
      }
      Duration sliceLimit = Duration.ofSeconds(settings.clusterSliceSeconds).plus(SLACK);
      for (int round = 0; round < settings.clusterRounds; round++) {
        List<ClusterLoadProcess> order = new ArrayList<>(loads);
        java.util.Collections.rotate(order, -round);
        for (ClusterLoadProcess load : order) {
          System.out.println("# Cluster: round " + (round + 1) + " of " + settings.clusterRounds + ", "
              + load.client().label());
          attempt(loads, load, () -> load.run("measure " + settings.clusterSliceSeconds, sliceLimit));
        }
      }
      for (ClusterLoadProcess load : List.copyOf(loads)) {
        attempt(loads, load, () -> results.put(load.client(), load.finish(SLACK)));
      }
    } catch (RuntimeException e) {
      // The cluster did not start or settle: no client can run.
      for (Client client : CLIENTS) {
        failures.putIfAbsent(client, "cluster: " + e);
      }
    } finally {
      loads.forEach(ClusterLoadProcess::close);
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Client client : CLIENTS) {
      String result = results.get(client);
      String failure = failures.get(client);
      rows.add(result != null ? row(client, result, firstErrorOf(client, loads))
          : ResultRow.unavailable(8, client.label(), CONFIG, "failed: " + (failure == null ? "no result" : failure)));
    }
    return rows;
  }

  /** What the environment section says about the servers of this case. */
  String clusterDescription() {
    return clusterDescription;
  }

  private interface Step {
    void run() throws InterruptedException;
  }

  /** Runs one client's step; if it fails, that client's JVM is stopped and left out of what follows. */
  private void attempt(List<ClusterLoadProcess> loads, ClusterLoadProcess load, Step step)
      throws InterruptedException {
    try {
      step.run();
    } catch (IllegalStateException e) {
      System.out.println("# Cluster: " + load.client().label() + " failed: " + e.getMessage());
      failures.put(load.client(), String.valueOf(e.getMessage()));
      load.close();
      loads.remove(load);
    }
  }

  private @org.jspecify.annotations.Nullable String firstErrorOf(Client client, List<ClusterLoadProcess> loads) {
    return loads.stream().filter(l -> l.client() == client).findFirst().map(ClusterLoadProcess::firstError)
        .orElse(null);
  }

  private static ResultRow row(Client client, String line, @org.jspecify.annotations.Nullable String error) {
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    StringBuilder note = new StringBuilder();
    if (error != null) {
      note.append(error);
    }
    appendIfNonZero(note, values, "wrong", "wrong replies");
    appendIfNonZero(note, values, "errors", "errors");
    appendIfNonZero(note, values, "stuck", "threads still running after stop");
    note.append(note.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%,d replies checked",
        Long.parseLong(values.get("checked"))));
    return new ResultRow(8, client.label(), CONFIG, Double.parseDouble(values.get("opsPerSec")),
        Long.parseLong(values.get("p50")), Long.parseLong(values.get("p99")), Long.parseLong(values.get("p999")),
        Double.parseDouble(values.get("allocPerOp")), note.toString());
  }

  private static void appendIfNonZero(StringBuilder note, Map<String, String> values, String key, String what) {
    String value = values.get(key);
    if (value != null && !value.equals("0")) {
      note.append(note.length() == 0 ? "" : "; ").append(value).append(' ').append(what);
    }
  }
}
