#!/usr/bin/env bash
# What delivery adds to a fail-fast exit: demo.Game crashes at frame 5 under the agent with
# onCrash=exit, N times (default 10) alternated: without send=, with send= to a collector over HTTP,
# and over WebSocket (consent=always). Prints the median wall time of each, from start to exit.
# Run from the repository root after `mvn -B -q package -DskipTests` (needs the collector jar and
# test-apps/target/classes). Usage: bench/delivery-time.sh [N] [JAVA]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
java="${2:-java}"
work="$(mktemp -d /tmp/mayday-delivery-bench.XXXXXX)"
port=$((20000 + RANDOM % 20000)); ws=$port # one port: HTTP and WebSocket
# the ingest key the agents send, and the read token this script queries with
timeout 600 java -jar collector/target/mayday-collector.jar --port "$port" --db "$work/c.db" \
  --token bench-ingest-key-0123 --read-token bench-read-token-0123 > "$work/collector.log" 2>&1 &
collector=$!
trap 'kill $collector 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf -o /dev/null -H "Authorization: Bearer bench-read-token-0123" "http://127.0.0.1:$port/api/groups" && break
  sleep 0.1
done

one() { # prints the wall ms of one run: $1 the outbox, $2 extra agent options
  local start end
  start=$(date +%s%N)
  MAYDAY_TOKEN=bench-ingest-key-0123 "$java" -Duser.home="$work" \
    -javaagent:agent/target/mayday-agent.jar=outbox="$1",mainLoop=demo.Game#tick,quiet=0$2 \
    -cp test-apps/target/classes demo.Game 5 > /dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

none=(); http=(); wsock=()
# The runs without send= keep their reports in an outbox of their own.
one "$work/kept" "" > /dev/null # warm the page cache
for _ in $(seq 1 "$runs"); do
  none+=("$(one "$work/kept" "")")
  http+=("$(one "$work/outbox" ",consent=always,send=http://127.0.0.1:$port/api/reports")")
  wsock+=("$(one "$work/outbox" ",consent=always,send=ws://127.0.0.1:$ws/reports")")
done
echo "java: $("$java" -version 2>&1 | head -n 1)"
echo "crash to exit, ms, no send:   ${none[*]}   median $(printf '%s\n' "${none[@]}" | median)"
echo "crash to exit, ms, HTTP:      ${http[*]}   median $(printf '%s\n' "${http[@]}" | median)"
echo "crash to exit, ms, WebSocket: ${wsock[*]}   median $(printf '%s\n' "${wsock[@]}" | median)"
sent=$(ls "$work/outbox/sent" | wc -l)
echo "reports delivered: $sent of $((2 * runs)) (the collector has $(curl -sf -H "Authorization: Bearer bench-read-token-0123" "http://127.0.0.1:$port/api/groups" | grep -o '"count":[0-9]*' | head -n 1))"
rm -rf "$work"
