#!/usr/bin/env bash
# Builds the benchmarks module, starts a throwaway redis-server, runs every case for Respite, Jedis,
# Lettuce and redis-benchmark, and writes benchmarks/RESULTS.md. Options: see benchmarks/README.md.
# `benchmarks/run.sh jmh <JMH options>` runs JMH's own main instead (one benchmark, a profiler).
set -euo pipefail
cd "$(dirname "$0")/.."

# JDK 25 when present (virtual threads without pinning on synchronized), else BENCH_JAVA_HOME/JAVA_HOME.
java_home="${BENCH_JAVA_HOME:-}"
if [[ -z "$java_home" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  java_home=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java_home="${java_home:-${JAVA_HOME:-}}"
java_bin="${java_home:+$java_home/bin/}java"

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  mvn -q -B ${BENCH_MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi

# Run from a private copy, so that a build of the tree during the run (other modules' jars, or this
# module's classes) cannot pull classes out from under the benchmark JVMs.
stage="$(mktemp -d -t respite-bench.XXXXXX)"
trap 'rm -rf "$stage"' EXIT
cp -r benchmarks/target/classes "$stage/classes"
mkdir "$stage/lib"
classpath="$stage/classes"
IFS=: read -r -a jars < benchmarks/target/benchmark.classpath || true  # the file has no final newline
for jar in "${jars[@]}"; do
  cp "$jar" "$stage/lib/"
  classpath="$classpath:$stage/lib/$(basename "$jar")"
done

if [[ "${1:-}" == "jmh" ]]; then
  # JMH's own command line, for one benchmark and a profiler; each benchmark starts its own server.
  shift
  "$java_bin" -cp "$classpath" org.openjdk.jmh.Main "$@"
else
  "$java_bin" -Xms256m -Xmx512m -cp "$classpath" dev.respite.benchmarks.BenchmarkSuite \
    --command "benchmarks/run.sh${*:+ $*}" "$@"
fi
