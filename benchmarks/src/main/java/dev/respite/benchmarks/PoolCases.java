package dev.respite.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Case 3: runs {@link PoolLoad} in a fresh JVM for every client and thread configuration, so no row
 * inherits another's JIT state or garbage, and turns its {@code RESULT} line into a row.
 */
final class PoolCases {

  private static final String[] CLIENTS = {"respite", "respite-multiplex", "jedis", "lettuce-pool", "lettuce"};

  private final SuiteSettings settings;
  private final BenchmarkServer server;
  private final List<String> pinnedDetails = new ArrayList<>();

  PoolCases(SuiteSettings settings, BenchmarkServer server) {
    this.settings = settings;
    this.server = server;
  }

  List<ResultRow> run() throws IOException, InterruptedException {
    List<ResultRow> rows = new ArrayList<>();
    for (int threads : new int[] {8, 32, 128}) {
      for (String client : CLIENTS) {
        rows.add(runOne(client, ThreadKind.PLATFORM, threads));
      }
    }
    for (int threads : new int[] {128, 10_000}) {
      for (String client : CLIENTS) {
        rows.add(ThreadKind.virtualAvailable()
            ? runOne(client, ThreadKind.VIRTUAL, threads)
            : ResultRow.unavailable(3, client, config(ThreadKind.VIRTUAL, threads),
                "n/a (virtual threads need JDK 21+; ran on " + Runtime.version().feature() + ")"));
      }
    }
    return rows;
  }

  /** For each virtual-thread row with pinned events: why and where, from its JFR recording. */
  List<String> pinnedDetails() {
    return pinnedDetails;
  }

  static String config(ThreadKind kind, int threads) {
    return String.format(java.util.Locale.ROOT, "%,d %s threads", threads,
        kind == ThreadKind.PLATFORM ? "platform" : "virtual");
  }

  private ResultRow runOne(String client, ThreadKind kind, int threads) throws IOException, InterruptedException {
    String config = config(kind, threads);
    String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
    Path log = settings.workDir.resolve("pool-" + client + "-" + kindName + "-" + threads + ".log");
    Files.createDirectories(settings.workDir);
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g",
        "-D" + BenchmarkServer.HOST_PROPERTY + "=" + server.host(),
        "-D" + BenchmarkServer.PORT_PROPERTY + "=" + server.port(),
        "-cp", System.getProperty("java.class.path"),
        PoolLoad.class.getName(), client, kindName, Integer.toString(threads),
        Integer.toString(settings.poolWarmupSeconds), Integer.toString(settings.poolSeconds),
        settings.workDir.toAbsolutePath().toString());
    System.out.println("# Pool load: " + client + ", " + config);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long limit = settings.poolWarmupSeconds + settings.poolSeconds + 120;
    if (!process.waitFor(limit, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return ResultRow.unavailable(3, client, config, "failed: no result within " + limit + " s, see " + log);
    }
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    output.forEach(line -> System.out.println("  " + line));
    Map<String, String> values = null;
    String pinnedReasons = "";
    StringBuilder note = new StringBuilder();
    for (String line : output) {
      if (line.startsWith("RESULT ")) {
        values = parse(line);
      } else if (line.startsWith("PINNED ")) {
        pinnedReasons = line.substring("PINNED ".length());
      } else if (line.startsWith("ERROR ")) {
        note.append(note.length() == 0 ? "" : "; ").append(line);
      }
    }
    if (values == null) {
      return ResultRow.unavailable(3, client, config, "failed: exit " + process.exitValue() + ", see " + log);
    }
    appendIfNonZero(note, values, "wrong", "wrong replies");
    appendIfNonZero(note, values, "errors", "errors");
    appendIfNonZero(note, values, "stuck", "threads still running after stop");
    if (kind == ThreadKind.VIRTUAL) {
      note.append(note.length() == 0 ? "" : "; ").append("pinned events: ").append(values.get("pinned"))
          .append(" (").append(values.get("pinnedMeasured")).append(" while measured)");
      if (!pinnedReasons.isEmpty()) {
        pinnedDetails.add(client + ", " + config + ": " + pinnedReasons);
      }
    }
    note.append(note.length() == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT,
        "%,d replies checked", Long.parseLong(values.get("checked"))));
    return new ResultRow(3, client, config, Double.parseDouble(values.get("opsPerSec")),
        Long.parseLong(values.get("p50")), Long.parseLong(values.get("p99")), Long.parseLong(values.get("p999")),
        Double.parseDouble(values.get("allocPerOp")), note.toString());
  }

  private static void appendIfNonZero(StringBuilder note, Map<String, String> values, String key, String what) {
    String value = values.get(key);
    if (value != null && !value.equals("0")) {
      note.append(note.length() == 0 ? "" : "; ").append(value).append(' ').append(what);
    }
  }

  private static Map<String, String> parse(String line) {
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("RESULT ".length()).split(" ")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return values;
  }
}
