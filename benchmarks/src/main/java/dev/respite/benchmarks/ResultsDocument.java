package dev.respite.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Writes RESULTS.md: how the run was made, one table per case, and the targets checked. */
final class ResultsDocument {

  private static final Map<Integer, String> CASE_TITLES = new TreeMap<>(Map.of(
      1, "Case 1: one connection, SET/GET alternating, 100-byte values",
      2, "Case 2: pipeline of 1,000 SETs, 100-byte values (ops = SETs)",
      3, "Case 3: pool of 16 connections, each thread borrow + GET + return",
      4, "Case 4: borrow + return with no I/O, one thread",
      5, "Case 5: one connection, SET/GET alternating, 1 MB values",
      6, "Case 6: Respite metrics off vs on (case 1 with RespiteMetrics.bind and a SimpleMeterRegistry)",
      7, "Case 7: Respite observed: nothing, a JFR recording (default settings), tracing (OpenTelemetry SDK)",
      8, "Case 8: Redis Cluster, 6 nodes, each thread SET then GET over keys of every hash slot"));

  private final List<ResultRow> rows;
  private final Map<String, String> environment;
  private final List<String> notes;

  ResultsDocument(List<ResultRow> rows, Map<String, String> environment, List<String> notes) {
    this.rows = rows;
    this.environment = environment;
    this.notes = notes;
  }

  void write(Path file, boolean smoke) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# Respite benchmark results\n\n");
    if (smoke) {
      out.append("> **SMOKE RUN: NOT FOR CITATION.** These figures come from 1-second iterations and 2-second\n"
          + "> pool rows; they only prove that every case runs and produces a row for every client, and\n"
          + "> small-throughput rows inflate allocated B/op (the JVM's background allocation is spread over few\n"
          + "> operations). Repeat a full run on a quiet machine with `benchmarks/run.sh` (about 18 minutes on\n"
          + "> 2 CPUs) before quoting any number.\n\n");
    }
    out.append("Written by `benchmarks/run.sh` (see `benchmarks/README.md`). Ratios within one run are what "
        + "count; absolute figures depend on the machine.\n\n");
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      out.append("- ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
    }
    out.append('\n');
    for (Map.Entry<Integer, String> title : CASE_TITLES.entrySet()) {
      List<ResultRow> caseRows = rows.stream().filter(r -> r.benchmarkCase() == title.getKey()).toList();
      if (caseRows.isEmpty()) {
        continue;
      }
      out.append("## ").append(title.getValue()).append("\n\n");
      out.append("| client | variant | ops/s | vs Jedis | p50 | p99 | p99.9 | alloc B/op | note |\n");
      out.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
      for (ResultRow row : caseRows) {
        out.append("| ").append(row.client())
            .append(" | ").append(row.config().isEmpty() ? "—" : row.config())
            .append(" | ").append(row.measured() ? String.format(Locale.ROOT, "%,.0f", row.opsPerSecond()) : "—")
            .append(" | ").append(versusJedis(row))
            .append(" | ").append(latency(row.p50Nanos()))
            .append(" | ").append(latency(row.p99Nanos()))
            .append(" | ").append(latency(row.p999Nanos()))
            .append(" | ").append(row.allocatedBytesPerOp() < 0 ? "—"
                : String.format(Locale.ROOT, "%,.0f", row.allocatedBytesPerOp()))
            .append(" | ").append(row.note() == null ? "" : row.note().replace("|", "\\|"))
            .append(" |\n");
      }
      out.append('\n');
    }
    out.append("## Targets of issues 6, 14 and 15 (ratios within this run)\n\n");
    out.append("| target | measured | met |\n|---|---|---|\n");
    for (String[] target : new TargetCheck(rows).evaluate()) {
      out.append("| ").append(target[0]).append(" | ").append(target[1]).append(" | ").append(target[2])
          .append(" |\n");
    }
    out.append("\n## Notes\n\n");
    for (String note : notes) {
      out.append("- ").append(note).append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }

  private String versusJedis(ResultRow row) {
    if (!row.measured() || row.client().equals("jedis")) {
      return "—";
    }
    Optional<ResultRow> jedis = find(rows, row.benchmarkCase(), "jedis", row.config());
    return jedis.filter(ResultRow::measured)
        .map(j -> String.format(Locale.ROOT, "%.2fx", row.opsPerSecond() / j.opsPerSecond())).orElse("—");
  }

  static Optional<ResultRow> find(List<ResultRow> rows, int benchmarkCase, String client, String config) {
    return rows.stream().filter(r -> r.benchmarkCase() == benchmarkCase && r.client().equals(client)
        && r.config().equals(config)).findFirst();
  }

  static String latency(long nanos) {
    if (nanos < 0) {
      return "—";
    }
    if (nanos < 1_000) {
      return nanos + " ns";
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }
}
