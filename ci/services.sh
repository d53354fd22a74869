#!/usr/bin/env bash
# The servers and programs the tests need on a Debian machine, as root:
#   Chromium and chromedriver (the dashboard test), PostgreSQL on 127.0.0.1 with a database and
#   user (the PostgreSQL tests), and Xvfb, a virtual display (the consent dialog tests).
#
#   bash ci/services.sh start   installs what is missing, starts what is not running, and writes
#                               the environment the tests read to $MAYDAY_CI_ENV
#                               (default /tmp/mayday-ci.env); also prints it on stdout
#   bash ci/services.sh stop    stops what `start` started (nothing it found already running)
#
# Every server is started with stdin, stdout and stderr pointing at files and every other file
# descriptor closed: a daemon that inherits the caller's pipe keeps `$(...)` or a CI log reader
# waiting for ever (that is how CI once hung for 90 minutes).
set -Eeuo pipefail

ENV_FILE="${MAYDAY_CI_ENV:-/tmp/mayday-ci.env}"
STATE_DIR="${MAYDAY_CI_STATE:-/tmp/mayday-ci-state}"
PG_DB="${MAYDAY_PG_DB:-mayday_test}"
PG_USER="${MAYDAY_PG_USER:-mayday}"
PG_PASSWORD="${MAYDAY_PG_PASSWORD:-mayday}"
DISPLAY_NUMBER="${MAYDAY_XVFB_DISPLAY:-99}"

log() { echo "ci/services: $*" >&2; }

# Runs a command detached from every descriptor of ours (see above).
detached() {
  local logfile="$1"; shift
  setsid "$@" </dev/null >>"$logfile" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
}

pg_version() { ls /usr/lib/postgresql | sort -V | tail -n 1; }
pg_field() { # field number of the newest version's first cluster in pg_lsclusters
  pg_lsclusters -h | awk -v v="$(pg_version)" -v f="$1" '$1 == v { print $f; exit }'
}

start() {
  if [ "$(id -u)" != 0 ]; then
    log "must run as root (it installs packages and starts PostgreSQL)"
    exit 1
  fi
  mkdir -p "$STATE_DIR"

  # --- packages --------------------------------------------------------------------------
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null || missing+=(postgresql)
  [ -x /usr/bin/Xvfb ] || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2
  else
    log "chromium, chromedriver, postgresql and xvfb already installed"
  fi

  # --- PostgreSQL --------------------------------------------------------------------------
  local version cluster port status
  version="$(pg_version)"
  if [ -z "$(pg_field 2)" ]; then
    log "creating PostgreSQL $version cluster main"
    pg_createcluster "$version" main </dev/null >&2 3>&-
  fi
  cluster="$(pg_field 2)"
  port="$(pg_field 3)"
  status="$(pg_field 4)"
  if [ "$status" != online ]; then
    log "starting PostgreSQL $version/$cluster on port $port"
    pg_ctlcluster "$version" "$cluster" start </dev/null >>"$STATE_DIR/postgresql.log" 2>&1 3>&- \
      || { cat "$STATE_DIR/postgresql.log" >&2; exit 1; }
    echo "$version $cluster" > "$STATE_DIR/postgresql.started"
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { log "PostgreSQL did not become ready on 127.0.0.1:$port"; exit 1; }
  as_pg() { (cd /tmp && runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@" </dev/null); }
  if [ "$(as_pg -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]; then
    log "creating role $PG_USER"
    as_pg -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
  fi
  if [ "$(as_pg -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    log "creating database $PG_DB"
    as_pg -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
  fi

  # --- Xvfb ----------------------------------------------------------------------------------
  local display=":$DISPLAY_NUMBER"
  if [ -S "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && [ -f "$STATE_DIR/xvfb.pid" ] \
      && kill -0 "$(cat "$STATE_DIR/xvfb.pid")" 2>/dev/null; then
    log "Xvfb already running on $display"
  else
    rm -f "/tmp/.X$DISPLAY_NUMBER-lock" "/tmp/.X11-unix/X$DISPLAY_NUMBER"
    log "starting Xvfb on $display"
    detached "$STATE_DIR/xvfb.log" Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp
    echo $! > "$STATE_DIR/xvfb.pid"
    for _ in $(seq 1 50); do
      [ -S "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break
      sleep 0.1
    done
    [ -S "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] || { cat "$STATE_DIR/xvfb.log" >&2; log "Xvfb did not start"; exit 1; }
  fi

  {
    echo "export MAYDAY_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/$PG_DB?user=$PG_USER&password=$PG_PASSWORD'"
    echo "export MAYDAY_CHROMIUM=/usr/bin/chromium"
    echo "export MAYDAY_CHROMEDRIVER=/usr/bin/chromedriver"
    echo "export MAYDAY_TEST_DISPLAY=$display"
  } > "$ENV_FILE"
  log "ready: PostgreSQL on 127.0.0.1:$port (database $PG_DB), Xvfb on $display; environment in $ENV_FILE"
  cat "$ENV_FILE"
}

stop() {
  if [ -f "$STATE_DIR/xvfb.pid" ]; then
    kill "$(cat "$STATE_DIR/xvfb.pid")" 2>/dev/null || true
    rm -f "$STATE_DIR/xvfb.pid"
    log "stopped Xvfb"
  fi
  if [ -f "$STATE_DIR/postgresql.started" ]; then
    # shellcheck disable=SC2046
    pg_ctlcluster $(cat "$STATE_DIR/postgresql.started") stop </dev/null >>"$STATE_DIR/postgresql.log" 2>&1 3>&- || true
    rm -f "$STATE_DIR/postgresql.started"
    log "stopped PostgreSQL"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: bash ci/services.sh start|stop" >&2; exit 2 ;;
esac
