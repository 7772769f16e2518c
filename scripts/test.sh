#!/usr/bin/env bash
# `npm test`: install what is missing, start the real test broker (once for the
# whole run) and PostgreSQL, check types, lint and formatting, then run every
# jest project: unit, integration and end-to-end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"

ensure_node_modules

export TEST_KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
export TEST_KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}"
export TEST_KAFKA_DATA_DIR="${TEST_KAFKA_DATA_DIR:-$root/.data/kafka-test}"
kafka_env=(KAFKA_PORT="$TEST_KAFKA_PORT" KAFKA_CONTROLLER_PORT="$TEST_KAFKA_CONTROLLER_PORT" KAFKA_DATA_DIR="$TEST_KAFKA_DATA_DIR" KAFKA_HEAP="${KAFKA_HEAP:-384m}")

say "starting the test Kafka broker on 127.0.0.1:$TEST_KAFKA_PORT"
if ! env "${kafka_env[@]}" bash scripts/kafka.sh status >/dev/null 2>&1; then
  # A broker this run starts, it also stops, from clean storage each time.
  rm -rf "$TEST_KAFKA_DATA_DIR"
  trap 'env "${kafka_env[@]}" bash scripts/kafka.sh stop' EXIT
fi
broker_started=$SECONDS
env "${kafka_env[@]}" bash scripts/kafka.sh start
echo "broker ready in $((SECONDS - broker_started)) s" >&2

say "making sure PostgreSQL is up"
bash scripts/postgres.sh ensure
bash scripts/postgres.sh drop-test-dbs

say "making sure headless Chromium is here (browser tests)"
CHROMIUM_PATH="$(bash scripts/chromium.sh ensure)"
export CHROMIUM_PATH

# Through Nx: per-project targets, cached locally (.nx/), so a rerun after a
# change repeats only what the change affects; CI starts without a cache.
say "type check, lint, format"
npx nx run-many -t typecheck lint --outputStyle=static
npx prettier --check .

say "build"
npx nx run-many -t build --outputStyle=static

# --forceExit: a leaked handle (a client a test forgot to close) must not keep
# CI waiting after the results are in; jest still reports it.
if (( $# > 0 )); then
  say "jest $*"
  npx jest --ci --forceExit "$@"
  exit
fi
say "jest: unit and integration, project by project"
# Two projects at a time: integration specs use a database each and no
# consumer group another project's specs share.
npx nx run-many -t test --exclude=e2e --parallel=2 --outputStyle=static
# Each end-to-end suite starts the whole system, whose services join the real
# consumer groups on the shared test broker: two at once would split each
# other's partitions (and in-process consumers of integration specs would too).
# So they run after the rest, one at a time.
say "jest: end-to-end, one suite at a time"
npx nx run e2e:test --outputStyle=static
