#!/usr/bin/env bash
# Every test of the project, on a fresh Debian machine, as root: installs and starts what the
# tests need (Chromium, PostgreSQL, Xvfb; see ci/services.sh), runs `mvn -B verify`, and stops
# the servers it started, also when a test fails. With CI=true a missing JDK 25, browser,
# database or display fails the tests instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")"
bash ci/services.sh start > /dev/null
trap 'bash ci/services.sh stop' EXIT
# shellcheck disable=SC1090
source "${MAYDAY_CI_ENV:-/tmp/mayday-ci.env}"
# The agent's dialog test shows its window in the test JVM itself; child programs get a display
# only when a test gives them one (ChildJvm removes DISPLAY).
export DISPLAY="$MAYDAY_TEST_DISPLAY"
mvn -B verify "$@"
