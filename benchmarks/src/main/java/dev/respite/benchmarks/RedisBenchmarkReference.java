package dev.respite.benchmarks;

import dev.respite.testsupport.LocalRedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference rows: {@code redis-benchmark} against the same server, for the cases it can do. It runs
 * SET and GET as separate tests (never alternating) and its CSV gives p50 and p99 only.
 */
final class RedisBenchmarkReference {

  static final String CLIENT = "redis-benchmark";

  private final SuiteSettings settings;
  private final BenchmarkServer server;
  private final List<String> commands = new ArrayList<>();

  RedisBenchmarkReference(SuiteSettings settings, BenchmarkServer server) {
    this.settings = settings;
    this.server = server;
  }

  /** The redis-benchmark command lines run so far, for RESULTS.md. */
  List<String> commands() {
    return commands;
  }

  static Optional<Path> binary() {
    Optional<Path> beside = LocalRedisServer.findBinary()
        .map(server -> server.resolveSibling("redis-benchmark")).filter(Files::isExecutable);
    if (beside.isPresent()) {
      return beside;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "redis-benchmark");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Case 1: one connection, SET then GET. */
  List<ResultRow> singleConnection() throws IOException, InterruptedException {
    return run(1, "-c 1", requests(200_000), 100, "set,get");
  }

  /** Case 2: one connection, pipelines of 1,000 SETs. */
  List<ResultRow> pipeline() throws IOException, InterruptedException {
    return run(2, "-c 1 -P 1000", requests(20_000_000), 100, "set");
  }

  /** Case 3's reference: 16 connections doing GET, what the server can take at this pool size. */
  List<ResultRow> pool() throws IOException, InterruptedException {
    return run(3, "-c 16", requests(1_000_000), 100, "get");
  }

  /** Case 5: one connection, 1 MB values. */
  List<ResultRow> largeValues() throws IOException, InterruptedException {
    return run(5, "-c 1", requests(4_000), Payloads.LARGE_VALUE_BYTES, "set,get");
  }

  private long requests(long full) {
    return Math.max(100, (long) (full * settings.referenceScale));
  }

  private List<ResultRow> run(int benchmarkCase, String connections, long requests, int valueBytes, String tests)
      throws IOException, InterruptedException {
    Optional<Path> binary = binary();
    if (binary.isEmpty()) {
      return List.of(ResultRow.unavailable(benchmarkCase, CLIENT, connections, "n/a (redis-benchmark not found)"));
    }
    List<String> command = new ArrayList<>(List.of(binary.get().toString(), "-h", server.host(),
        "-p", Integer.toString(server.port())));
    command.addAll(List.of(connections.split(" ")));
    command.addAll(List.of("-n", Long.toString(requests), "-d", Integer.toString(valueBytes), "-t", tests,
        "--csv"));
    commands.add(String.join(" ", command).replace(binary.get().toString(), "redis-benchmark"));
    System.out.println("# " + String.join(" ", command));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    process.waitFor(10, TimeUnit.MINUTES);
    List<ResultRow> rows = new ArrayList<>();
    for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
      System.out.println("  " + line);
      String[] cells = line.replace("\"", "").trim().split(",");
      if (cells.length < 7 || cells[0].equals("test")) {
        continue;
      }
      String config = connections + " " + cells[0];
      rows.add(new ResultRow(benchmarkCase, CLIENT, config, Double.parseDouble(cells[1]), millisToNanos(cells[4]),
          millisToNanos(cells[6]), -1, -1, null));
    }
    if (rows.isEmpty()) {
      rows.add(ResultRow.unavailable(benchmarkCase, CLIENT, connections, "failed: no CSV output"));
    }
    return rows;
  }

  private static long millisToNanos(String millis) {
    return Math.round(Double.parseDouble(millis.trim()) * 1_000_000);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "redis-benchmark reference (%d runs)", commands.size());
  }
}
