#!/usr/bin/env bash
# Make sure the machine's PostgreSQL answers on 127.0.0.1:5432 and that the
# given databases exist.   scripts/postgres.sh ensure [DB...] | drop-test-dbs
set -euo pipefail
host="${PGHOST:-127.0.0.1}"; port="${PGPORT:-5432}"; user="${PGUSER:-postgres}"
log() { printf '[postgres] %s\n' "$*" >&2; }
for tool in psql pg_isready createdb dropdb; do
  command -v "$tool" >/dev/null || { log "missing required tool: $tool (PostgreSQL's client programs; see README, Requirements)"; exit 1; }
done

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

start_server() {
  command -v pg_ctlcluster >/dev/null || { log "PostgreSQL is not installed and not reachable at $host:$port"; exit 1; }
  local version; version="$(ls /etc/postgresql | sort -V | tail -n1)"
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do ready && return 0; sleep 0.5; done
  log "PostgreSQL did not become ready on $host:$port"; exit 1
}

ensure() {
  ready || start_server
  for db in "$@"; do
    if ! psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
      log "creating database $db"
      createdb -h "$host" -p "$port" -U "$user" "$db"
    fi
  done
}

# Databases left behind by test runs that were killed before their clean-up.
drop_test_dbs() {
  ready || start_server
  psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'ct\_test\_%'" |
    while read -r db; do [[ -n "$db" ]] && dropdb -h "$host" -p "$port" -U "$user" --force "$db"; done
}

# Restart the server (the chaos suite does this to prove nothing is lost).
restart() {
  command -v pg_ctlcluster >/dev/null || { log "cannot restart: pg_ctlcluster not found"; exit 1; }
  local version; version="$(ls /etc/postgresql | sort -V | tail -n1)"
  log "restarting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart -m fast
  for _ in $(seq 1 60); do ready && return 0; sleep 0.5; done
  log "PostgreSQL did not come back on $host:$port"; exit 1
}

case "${1:-}" in
  ensure) shift; ensure "$@" ;;
  restart) restart ;;
  drop-test-dbs) drop_test_dbs ;;
  *) echo "usage: $0 ensure [DB...] | restart | drop-test-dbs" >&2; exit 2 ;;
esac
