#!/usr/bin/env bash
# `npm run infra:up` / `npm run infra:down`: the broker (and PostgreSQL check) alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
case "${1:-}" in
  up) bash "$root/scripts/kafka.sh" start && bash "$root/scripts/postgres.sh" ensure commitment_tracker ;;
  down) bash "$root/scripts/kafka.sh" stop ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
