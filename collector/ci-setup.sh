#!/usr/bin/env bash
# Prepares a Debian machine for the collector's tests, as root: Chromium and chromedriver for
# the dashboard test, and a PostgreSQL server on 127.0.0.1 with a database and user for the
# PostgreSQL tests. Idempotent: when everything is there it only checks and takes a second or two.
#
# Prints the exports the tests need on stdout (everything else goes to stderr), and writes the
# same lines to $MAYDAY_CI_ENV (default /tmp/mayday-collector-ci.env), which the tests also read.
# Use:   eval "$(bash collector/ci-setup.sh)"
set -Eeuo pipefail

ENV_FILE="${MAYDAY_CI_ENV:-/tmp/mayday-collector-ci.env}"
PG_DB="${MAYDAY_PG_DB:-mayday_test}"
PG_USER="${MAYDAY_PG_USER:-mayday}"
PG_PASSWORD="${MAYDAY_PG_PASSWORD:-mayday}"

log() { echo "ci-setup: $*" >&2; }

# Under `eval "$(bash collector/ci-setup.sh)"` a failure would otherwise vanish (eval of an empty
# string succeeds) and the tests would only be skipped: print a command that stops the caller.
# (fd 3 is the real stdout, also when the failing command had its output sent to stderr)
exec 3>&1
trap 'echo "echo \"collector/ci-setup.sh failed (see above)\" >&2; exit 1" >&3; trap - ERR' ERR

if [ "$(id -u)" != 0 ]; then
  log "must run as root (it installs packages and starts PostgreSQL)"
  false
fi

# --- packages --------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q "${missing[@]}" >&2
else
  log "chromium, chromedriver and postgresql already installed"
fi

# --- a running PostgreSQL cluster ------------------------------------------------------
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
# (captured into variables rather than piped into grep -q, which can fail a pipeline under pipefail)
if [ -z "$(pg_lsclusters -h | awk -v v="$version" '$1 == v')" ]; then
  log "creating PostgreSQL $version cluster main"
  pg_createcluster "$version" main >&2
fi
cluster="$(pg_lsclusters -h | awk -v v="$version" '$1 == v { print $2; exit }')"
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3; exit }')"
status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
if [ "$status" != online ]; then
  log "starting PostgreSQL $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "PostgreSQL did not become ready on 127.0.0.1:$port"; exit 1; }

# --- user and database -------------------------------------------------------------------
as_pg() { (cd /tmp && runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"); }
if [ "$(as_pg -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]; then
  log "creating role $PG_USER"
  as_pg -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi
if [ "$(as_pg -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
  log "creating database $PG_DB"
  as_pg -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
fi

url="jdbc:postgresql://127.0.0.1:$port/$PG_DB?user=$PG_USER&password=$PG_PASSWORD"
{
  echo "export MAYDAY_TEST_PG_URL='$url'"
  echo "export MAYDAY_CHROMIUM=/usr/bin/chromium"
  echo "export MAYDAY_CHROMEDRIVER=/usr/bin/chromedriver"
} > "$ENV_FILE"
log "ready: PostgreSQL on 127.0.0.1:$port, database $PG_DB; exports written to $ENV_FILE"
cat "$ENV_FILE"
