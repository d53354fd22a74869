#!/usr/bin/env bash
# The main job, from a fresh clone: build everything, start a collector on its embedded SQLite
# database, run a game that crashes under the agent, and show the report, on the command line
# and in the collector. Everything listens on 127.0.0.1 and stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")"

PORT="${MAYDAY_DEMO_PORT:-8686}"
# Two credentials: the ingest key ships with the program and can only post reports (this one only
# the Game's); the read token reads the API and signs in to the dashboard.
TOKEN="Game-demo-ingest-key"
READ_TOKEN="demo-read-token-0123"
work="$(mktemp -d /tmp/mayday-demo.XXXXXX)"

echo "== building (mvn -B -q package -DskipTests)"
mvn -B -q package -DskipTests

echo "== starting the collector on http://127.0.0.1:$PORT (database $work/mayday.db)"
MAYDAY_READ_TOKEN="$READ_TOKEN" java -jar collector/target/mayday-collector.jar --port "$PORT" \
  --db "$work/mayday.db" --token "Game=$TOKEN" > "$work/collector.log" 2>&1 &
collector=$!
trap 'kill "$collector" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf -o /dev/null -H "Authorization: Bearer $READ_TOKEN" "http://127.0.0.1:$PORT/api/groups" && break
  sleep 0.1
done

echo "== running demo.Game under the agent: tick() fails at frame 5, and the game hides it"
# consent=always: the demo has nobody to ask. Left at its default (ask), the agent shows a dialog
# where there is a display, a prompt on a terminal, and otherwise keeps the report unsent.
set +e
MAYDAY_TOKEN="$TOKEN" java -javaagent:agent/target/mayday-agent.jar=mainLoop=demo.Game#tick,outbox="$work/outbox",app=Game,version=1.0,consent=always,send=http://127.0.0.1:$PORT/api/reports \
  -cp test-apps/target/classes demo.Game 5 > "$work/game.out"
status=$?
set -e
echo "== the game ended with exit status $status (70: Mayday's fail-fast exit) after delivering its report"

report="$(ls "$work"/outbox/sent/*.json | head -n 1)"
echo "== java -jar agent/target/mayday-agent.jar show $report"
java -jar agent/target/mayday-agent.jar show "$report"

echo "== the collector's groups (GET /api/groups)"
curl -sf -H "Authorization: Bearer $READ_TOKEN" "http://127.0.0.1:$PORT/api/groups"
echo
if [ -t 0 ] && [ "${CI:-}" != "true" ]; then
  echo "== dashboard: http://127.0.0.1:$PORT/  (read token: $READ_TOKEN). Press Enter to stop the collector."
  read -r _
fi
