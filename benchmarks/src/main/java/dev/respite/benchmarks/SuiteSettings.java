package dev.respite.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How long and what the suite runs. The full defaults take about 21 minutes on 2 CPUs; {@code --smoke} only
 * proves that every case produces a row. Every value can be overridden on the command line.
 */
final class SuiteSettings {

  boolean smoke;
  int forks = 2;
  int warmupIterations = 3;
  int warmupSeconds = 2;
  int iterations = 5;
  int iterationSeconds = 3;
  int poolWarmupSeconds = 5;
  int poolSeconds = 15;
  /** Case 8: each client's warm-up, then rounds of one measured slice per client, in rotated order. */
  int clusterWarmupSeconds = 5;
  int clusterSliceSeconds = 6;
  int clusterRounds = 3;
  /** Multiplies the request counts of the redis-benchmark runs (1 = about 10 s each at full length). */
  double referenceScale = 1.0;
  Set<Integer> cases = new LinkedHashSet<>(Set.of(1, 2, 3, 4, 5, 6, 7, 8));
  Path output = Path.of("benchmarks", "RESULTS.md");
  Path workDir = Path.of("benchmarks", "target", "suite");
  String command = "benchmarks/run.sh";

  static SuiteSettings parse(String[] args) {
    SuiteSettings settings = new SuiteSettings();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--smoke")) {
        settings.smoke = true;
        settings.forks = 1;
        settings.warmupIterations = 1;
        settings.warmupSeconds = 1;
        settings.iterations = 1;
        settings.iterationSeconds = 1;
        settings.poolWarmupSeconds = 1;
        settings.poolSeconds = 2;
        settings.clusterWarmupSeconds = 1;
        settings.clusterSliceSeconds = 1;
        settings.clusterRounds = 1;
        settings.referenceScale = 0.1;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--forks": settings.forks = Integer.parseInt(value); break;
        case "--warmup-iterations": settings.warmupIterations = Integer.parseInt(value); break;
        case "--warmup-seconds": settings.warmupSeconds = Integer.parseInt(value); break;
        case "--iterations": settings.iterations = Integer.parseInt(value); break;
        case "--iteration-seconds": settings.iterationSeconds = Integer.parseInt(value); break;
        case "--pool-warmup-seconds": settings.poolWarmupSeconds = Integer.parseInt(value); break;
        case "--pool-seconds": settings.poolSeconds = Integer.parseInt(value); break;
        case "--cluster-warmup-seconds": settings.clusterWarmupSeconds = Integer.parseInt(value); break;
        case "--cluster-slice-seconds": settings.clusterSliceSeconds = Integer.parseInt(value); break;
        case "--cluster-rounds": settings.clusterRounds = Integer.parseInt(value); break;
        case "--reference-scale": settings.referenceScale = Double.parseDouble(value); break;
        case "--output": settings.output = Path.of(value); break;
        case "--work-dir": settings.workDir = Path.of(value); break;
        case "--command": settings.command = value; break;
        case "--cases":
          settings.cases.clear();
          for (String part : value.split(",")) {
            settings.cases.add(Integer.parseInt(part.trim()));
          }
          break;
        default:
          throw new IllegalArgumentException("unknown option " + arg + "; see benchmarks/README.md");
      }
    }
    return settings;
  }

  String describe() {
    return "JMH: " + forks + " fork(s), " + warmupIterations + " x " + warmupSeconds + " s warm-up, "
        + iterations + " x " + iterationSeconds + " s measured, SampleTime mode with -prof gc; "
        + "pool load: " + poolWarmupSeconds + " s warm-up, " + poolSeconds + " s measured per row; "
        + "cluster: " + clusterWarmupSeconds + " s warm-up, " + clusterRounds + " round(s) of " + clusterSliceSeconds
        + " s per client; "
        + "redis-benchmark request counts x " + referenceScale;
  }
}
