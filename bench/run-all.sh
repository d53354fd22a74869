#!/bin/sh
# Runs every Mayday benchmark once, from the repository root, with one JDK.
# Usage: bench/run-all.sh [path/to/java [JMH benchmark regexps...]]   (default: java on PATH)
# Output: on the terminal and in bench/target/results-<java version>.txt (+ JMH JSON files).
# Build first: mvn -B -q -pl bootstrap,agent,bench package -DskipTests
set -eu
cd "$(dirname "$0")/.."
JAVA="${1:-java}"
if [ $# -gt 0 ]; then shift; fi
# Any further arguments select JMH benchmarks (one run each); none runs all three classes.
VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
OUT="bench/target/results-$VERSION.txt"
JAR=bench/target/benchmarks.jar
AGENT=agent/target/mayday-agent.jar
OUTBOX=$(mktemp -d /tmp/mayday-crash-outbox.XXXXXX)
CRASH_OPTS="outbox=$OUTBOX,mainLoop=benchapp.Crasher#crash,onCrash=rethrow,quiet=0"

# Other builds on a shared 2-core machine swamp these figures. Before each step wait (at most
# QUIET_WAIT seconds, default 180) until the 1-minute load average is below QUIET_LOAD (default
# 1.5) and the CPUs were at least 80% idle over the last second.
busy_percent() {
    a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
    echo "$a $b" | awk '{ t1 = 0; for (i = 2; i <= 11; i++) t1 += $i; idle1 = $5 + $6;
                          t2 = 0; for (i = 13; i <= 22; i++) t2 += $i; idle2 = $16 + $17;
                          printf "%d", 100 - 100 * (idle2 - idle1) / (t2 - t1) }'
}

quiet_now() {
    awk -v max="${QUIET_LOAD:-1.5}" '{ exit !($1 < max) }' /proc/loadavg && [ "$(busy_percent)" -lt 20 ]
}

wait_quiet() {
    waited=0
    while [ "$waited" -lt "${QUIET_WAIT:-180}" ] && ! quiet_now; do
        sleep 4
        waited=$((waited + 5))
    done
}

run() {
    wait_quiet
    echo "== $(date -u +%FT%TZ) load:$(cut -d' ' -f1-3 /proc/loadavg) :: $*"
    "$@"
}

{
    run "$JAVA" -cp $JAR dev.mayday.bench.StartupComparison 10 --java "$JAVA" --empty-agent
    run "$JAVA" -cp $JAR dev.mayday.bench.StartupComparison 10 --java "$JAVA" --empty-agent
    # The agent's "report saved" lines go to stderr; keep them out of the figures.
    run "$JAVA" -javaagent:$AGENT=$CRASH_OPTS -cp $JAR dev.mayday.bench.CrashToDisk 20 2>/dev/null
    rm -rf "$OUTBOX"
    run "$JAVA" -javaagent:$AGENT=$CRASH_OPTS -cp $JAR dev.mayday.bench.CrashToDisk 20 --sleep 3000 2>/dev/null
    rm -rf "$OUTBOX"
    # The same without {0}-style parameters: what formatting the log section costs.
    run "$JAVA" -javaagent:$AGENT=$CRASH_OPTS -cp $JAR dev.mayday.bench.CrashToDisk 20 --no-params 2>/dev/null
    rm -rf "$OUTBOX"
    run "$JAVA" -javaagent:$AGENT=$CRASH_OPTS -cp $JAR dev.mayday.bench.CrashToDisk 20 --sleep 3000 --no-params 2>/dev/null
    rm -rf "$OUTBOX"
    # One JMH run per class, so that each can wait for a quiet machine.
    for bench in ${*:-LogRingBenchmark JulLoggingBenchmark MainLoopCallBenchmark}; do
        run "$JAVA" -jar $JAR -wi 3 -w 1s -i 5 -r 1s -f 1 -prof gc \
            -rf json -rff "bench/target/jmh-$VERSION-$bench.json" "$bench"
    done
} 2>&1 | tee "$OUT"
