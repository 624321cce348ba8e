package dev.respite.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the single-threaded JMH cases (1, 2, 4, 5, 6, 7) through JMH's API and turns each result into a row. */
final class JmhCases {

  private final SuiteSettings settings;
  private final BenchmarkServer server;

  JmhCases(SuiteSettings settings, BenchmarkServer server) {
    this.settings = settings;
    this.server = server;
  }

  List<ResultRow> singleConnection() throws RunnerException {
    return run(1, SingleConnectionBenchmark.class, "client", "respite", "jedis", "lettuce");
  }

  List<ResultRow> pipeline() throws RunnerException {
    if (RespitePipeline.available()) {
      return run(2, PipelineBenchmark.class, "client", "respite", "jedis", "lettuce");
    }
    // A driver on the class path without RedisSession.pipeline(): report it, run the others.
    List<ResultRow> rows = new ArrayList<>();
    rows.add(ResultRow.unavailable(2, "respite", "", "n/a (no pipeline API yet)"));
    rows.addAll(run(2, PipelineBenchmark.class, "client", "jedis", "lettuce"));
    return rows;
  }

  List<ResultRow> borrowReturn() throws RunnerException {
    List<ResultRow> rows = new ArrayList<>(
        run(4, BorrowReturnBenchmark.class, "client", "respite", "jedis", "lettuce-pool"));
    rows.add(ResultRow.unavailable(4, "lettuce", "", "n/a (a shared connection has no pool)"));
    return rows;
  }

  List<ResultRow> largeValues() throws RunnerException {
    return run(5, LargeValueBenchmark.class, "client", "respite", "jedis", "lettuce");
  }

  List<ResultRow> metricsOverhead() throws RunnerException {
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow row : run(6, MetricsOverheadBenchmark.class, "metrics", "off", "on")) {
      rows.add(new ResultRow(6, "respite", "metrics " + row.client(), row.opsPerSecond(), row.p50Nanos(),
          row.p99Nanos(), row.p999Nanos(), row.allocatedBytesPerOp(), row.note()));
    }
    return rows;
  }

  List<ResultRow> observabilityOverhead() throws RunnerException {
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow row : run(7, ObservabilityOverheadBenchmark.class, "observing", "off", "jfr", "tracing")) {
      rows.add(new ResultRow(7, "respite", "observing " + row.client(), row.opsPerSecond(), row.p50Nanos(),
          row.p99Nanos(), row.p999Nanos(), row.allocatedBytesPerOp(), row.note()));
    }
    return rows;
  }

  private List<ResultRow> run(int benchmarkCase, Class<?> benchmark, String param, String... values)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("\\." + benchmark.getSimpleName() + "\\.")
        .param(param, values)
        .forks(settings.forks)
        .warmupIterations(settings.warmupIterations)
        .warmupTime(TimeValue.seconds(settings.warmupSeconds))
        .measurementIterations(settings.iterations)
        .measurementTime(TimeValue.seconds(settings.iterationSeconds))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(false)
        .verbosity(VerboseMode.NORMAL)
        .jvmArgsAppend("-Xms1g", "-Xmx1g",
            "-D" + BenchmarkServer.HOST_PROPERTY + "=" + server.host(),
            "-D" + BenchmarkServer.PORT_PROPERTY + "=" + server.port());
    Collection<RunResult> results = new Runner(options.build()).run();
    List<ResultRow> rows = new ArrayList<>();
    for (String value : values) {
      RunResult result = results.stream()
          .filter(r -> value.equals(r.getParams().getParam(param)))
          .findFirst().orElse(null);
      rows.add(result == null
          ? ResultRow.unavailable(benchmarkCase, value, "", "failed: see the suite log")
          : toRow(benchmarkCase, value, result));
    }
    return rows;
  }

  /** SampleTime gives the latency distribution; one thread, so throughput is one over the mean. */
  private static ResultRow toRow(int benchmarkCase, String label, RunResult result) {
    var stats = result.getPrimaryResult().getStatistics();
    double meanNanos = stats.getMean();
    double allocated = -1;
    for (var secondary : result.getSecondaryResults().entrySet()) {
      if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
        allocated = secondary.getValue().getScore();
      }
    }
    return new ResultRow(benchmarkCase, label, "", 1e9 / meanNanos, (long) stats.getPercentile(50),
        (long) stats.getPercentile(99), (long) stats.getPercentile(99.9), allocated, null);
  }
}
