#!/usr/bin/env bash
# Runs a command (the tests: `ci/with-services.sh mvn -B verify`) with what the tests need, on a
# fresh Debian machine, as root: installs and starts Chromium, PostgreSQL and Xvfb where missing
# (see ci/services.sh), exports the environment the tests read, runs the command, and stops the
# servers it started, also when the command fails. With CI=true a missing JDK 25, browser,
# database or display fails the tests instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  echo "usage: ci/with-services.sh COMMAND [ARGS...]   (the tests: ci/with-services.sh mvn -B verify)" >&2
  exit 2
fi
bash ci/services.sh start > /dev/null
trap 'bash ci/services.sh stop' EXIT
# shellcheck disable=SC1090
source "${MAYDAY_CI_ENV:-/tmp/mayday-ci.env}"
# The agent's dialog test shows its window in the test JVM itself; child programs get a display
# only when a test gives them one (ChildJvm removes DISPLAY).
export DISPLAY="$MAYDAY_TEST_DISPLAY"
"$@"
