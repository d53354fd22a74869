#!/usr/bin/env bash
# Runs the collector's benchmarks (figures, not pass/fail tests).
#   collector/bench/run.sh ingest [REPORTS [CONNECTIONS [PG-URL]]]  HTTP and WebSocket ingest into SQLite
#                                                   (or PostgreSQL with a jdbc:postgresql:// URL), ~30 KB reports
#   collector/bench/run.sh groups [REPORTS [GROUPS]]        GET /api/groups with 1,000,000 reports in 5,000 groups
#   collector/bench/run.sh all
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
what="${1:-all}"
shift || true
java_opts=(-Xmx2g -XX:+UseParallelGC)
case "$what" in
  ingest) java "${java_opts[@]}" -cp "$cp" dev.mayday.collector.bench.IngestBenchmark "$@" ;;
  groups) java "${java_opts[@]}" -cp "$cp" dev.mayday.collector.bench.GroupsBenchmark "$@" ;;
  all)
    java "${java_opts[@]}" -cp "$cp" dev.mayday.collector.bench.IngestBenchmark
    java "${java_opts[@]}" -cp "$cp" dev.mayday.collector.bench.GroupsBenchmark ;;
  *) echo "usage: $0 ingest|groups|all [args]" >&2; exit 2 ;;
esac
