# Shared helpers for the project's scripts (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

# Install npm dependencies when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [[ ! -f "$root/node_modules/.package-lock.json" || "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
    # `npm install`, not `npm ci`: the lock file leaves out other platforms'
    # optional binaries (@swc/core-*), which makes `npm ci` refuse it as out of sync.
    say "installing npm dependencies"
    (cd "$root" && npm install --no-audit --no-fund)
  fi
}

# Each tool is checked where it is needed (README, Requirements): Java and Maven
# only to fetch and run a broker (scripts/kafka.sh), psql and pg_isready only
# where the tests use the machine's PostgreSQL (scripts/postgres.sh).
require_tool() {
  command -v "$1" >/dev/null || { echo "missing required tool: $1, $2 (see README, Requirements)" >&2; exit 1; }
}
require_tool node "which runs everything"
