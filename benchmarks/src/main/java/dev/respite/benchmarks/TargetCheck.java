package dev.respite.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The targets of issues 6, 14 and 15, each checked against this run's rows: {target, measured, met}. */
final class TargetCheck {

  private final List<ResultRow> rows;
  private final List<String[]> out = new ArrayList<>();

  TargetCheck(List<ResultRow> rows) {
    this.rows = rows;
  }

  List<String[]> evaluate() {
    ratio("Single connection: Respite >= 1.10x Jedis", row(1, "respite", ""), row(1, "jedis", ""), 1.10);
    row(1, "respite", "").ifPresentOrElse(r -> add("Single connection: <= 200 allocated B/op",
        String.format(Locale.ROOT, "%.0f B/op", r.allocatedBytesPerOp()), r.allocatedBytesPerOp() <= 200),
        () -> add("Single connection: <= 200 allocated B/op", "not measured", null));
    ratio("Pipeline: Respite >= Jedis", row(2, "respite", ""), row(2, "jedis", ""), 1.0);
    ratio("Pipeline: Respite >= 0.95x redis-benchmark -P 1000", row(2, "respite", ""),
        row(2, RedisBenchmarkReference.CLIENT, "-c 1 -P 1000 SET"), 0.95);
    for (int threads : new int[] {8, 32, 128}) {
      String config = PoolCases.config(ThreadKind.PLATFORM, threads);
      ratio("Pool, " + config + ": Respite >= 1.1x Jedis", row(3, "respite", config), row(3, "jedis", config), 1.1);
    }
    String platform128 = PoolCases.config(ThreadKind.PLATFORM, 128);
    row(3, "respite", platform128).ifPresentOrElse(r -> add("Pool, 128 platform threads: Respite p99 <= 5 ms",
        ResultsDocument.latency(r.p99Nanos()), r.p99Nanos() <= 5_000_000),
        () -> add("Pool, 128 platform threads: Respite p99 <= 5 ms", "not measured", null));
    row(4, "respite", "").ifPresentOrElse(r -> add("Borrow + return, no I/O: <= 1 µs per cycle",
        ResultsDocument.latency(Math.round(1e9 / r.opsPerSecond())) + " mean", 1e9 / r.opsPerSecond() <= 1_000),
        () -> add("Borrow + return, no I/O: <= 1 µs per cycle", "not measured", null));
    String virtual = PoolCases.config(ThreadKind.VIRTUAL, 10_000);
    Optional<ResultRow> vt = row(3, "respite", virtual);
    vt.ifPresentOrElse(r -> add("10,000 virtual threads: completes, every reply checked and right",
        extract(r.note(), "[\\d,]+ replies checked") + failures(r.note()), failures(r.note()).isEmpty()),
        () -> add("10,000 virtual threads: completes, every reply checked and right", "not measured", null));
    ratio("10,000 virtual threads: throughput >= 128 platform threads", vt, row(3, "respite", platform128), 1.0);
    vt.ifPresentOrElse(r -> add("10,000 virtual threads: no jdk.VirtualThreadPinned events",
        extract(r.note(), "pinned events: \\d+ \\(\\d+ while measured\\)")
            + "; met when none happen after warm-up (reasons in Notes)",
        r.note() != null && r.note().contains("(0 while measured)")),
        () -> add("10,000 virtual threads: no jdk.VirtualThreadPinned events", "not measured", null));
    multiplexTargets();
    clusterTargets();
    return out;
  }

  /** Issue 14: cluster throughput at least that of Jedis' and Lettuce's cluster clients in the same run. */
  private void clusterTargets() {
    Optional<ResultRow> ours = row(8, "respite", ClusterCases.CONFIG);
    ratio("Cluster, " + ClusterCases.CONFIG + ": Respite >= Jedis", ours, row(8, "jedis", ClusterCases.CONFIG), 1.0);
    ratio("Cluster, " + ClusterCases.CONFIG + ": Respite >= Lettuce", ours, row(8, "lettuce", ClusterCases.CONFIG),
        1.0);
    ours.ifPresent(r -> add("Cluster: every reply checked and right", extract(r.note(), "[\\d,]+ replies checked")
        + failures(r.note()), failures(r.note()).isEmpty()));
  }

  /** Issue 15: {@code multiplex=2} against Jedis' pool and Lettuce's shared connection. */
  private void multiplexTargets() {
    String mx = Client.RESPITE_MULTIPLEX.label();
    for (String config : new String[] {PoolCases.config(ThreadKind.PLATFORM, 128),
        PoolCases.config(ThreadKind.VIRTUAL, 128)}) {
      ratio("Multiplex, " + config + ": >= 2x Jedis", row(3, mx, config), row(3, "jedis", config), 2.0);
      ratio("Multiplex, " + config + ": >= 1.5x Lettuce", row(3, mx, config), row(3, "lettuce", config), 1.5);
      Optional<ResultRow> ours = row(3, mx, config);
      Optional<ResultRow> lettuce = row(3, "lettuce", config);
      String target = "Multiplex, " + config + ": p99 <= Lettuce's";
      if (ours.isPresent() && lettuce.isPresent()) {
        add(target, ResultsDocument.latency(ours.get().p99Nanos()) + " vs "
            + ResultsDocument.latency(lettuce.get().p99Nanos()), ours.get().p99Nanos() <= lettuce.get().p99Nanos());
      } else {
        add(target, "not measured", null);
      }
    }
    String virtual = PoolCases.config(ThreadKind.VIRTUAL, 10_000);
    ratio("Multiplex, " + virtual + ": >= 2x Lettuce", row(3, mx, virtual), row(3, "lettuce", virtual), 2.0);
  }

  private static String extract(@Nullable String note, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(note == null ? "" : note);
    return matcher.find() ? matcher.group() : "?";
  }

  /** The wrong replies, errors and stuck threads a row's note reports, or "" when none. */
  private static String failures(@Nullable String note) {
    StringBuilder out = new StringBuilder();
    Matcher matcher = Pattern.compile("\\d+ (wrong replies|errors|threads still running after stop)")
        .matcher(note == null ? "" : note);
    while (matcher.find()) {
      out.append(", ").append(matcher.group());
    }
    return out.toString();
  }

  private Optional<ResultRow> row(int benchmarkCase, String client, String config) {
    return ResultsDocument.find(rows, benchmarkCase, client, config).filter(ResultRow::measured);
  }

  private void ratio(String target, Optional<ResultRow> ours, Optional<ResultRow> theirs, double atLeast) {
    if (ours.isEmpty() || theirs.isEmpty()) {
      add(target, "not measured", null);
      return;
    }
    double ratio = ours.get().opsPerSecond() / theirs.get().opsPerSecond();
    add(target, String.format(Locale.ROOT, "%.2fx (%,.0f vs %,.0f ops/s)", ratio, ours.get().opsPerSecond(),
        theirs.get().opsPerSecond()), ratio >= atLeast);
  }

  private void add(String target, @Nullable String measured, @Nullable Boolean met) {
    out.add(new String[] {target, measured == null ? "" : measured.replace("|", "\\|"),
        met == null ? "—" : met ? "yes" : "**no**"});
  }
}
