#!/usr/bin/env bash
# The docker-compose topology on this machine, without Docker: a private PostgreSQL, the paper
# exchange and N node processes on loopback (node-1 on 127.0.0.1:9111, node-2 on :9112, ...).
#
#   scripts/cluster-local.sh start [--nodes 3]   build, start everything, print how to look at it
#   scripts/cluster-local.sh status              the processes and `actorexec cluster show`
#   scripts/cluster-local.sh stop                SIGTERM the nodes (they hand their shards off), then the rest
#
# State lives in $CLUSTER_DIR (default ./data/cluster-local): the database, each node's logs, pids.
# Needs the .NET 10 SDK and PostgreSQL's server programs (apt-get install -y postgresql).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/data/cluster-local}"
PG_PORT="${CLUSTER_PG_PORT:-55432}"
EXCHANGE_PORT="${CLUSTER_EXCHANGE_PORT:-9300}"
TOKEN="${ACTOREXEC_TOKEN:-local-cluster}"
NODE_DLL="$ROOT/src/ActorExec.Node/bin/Release/net10.0/ActorExec.Node.dll"
CLI_DLL="$ROOT/src/ActorExec.Cli/bin/Release/net10.0/actorexec.dll"

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found; found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n "$found" && -x "$found/$1" ]] || { echo "error: $1 not found; install PostgreSQL (apt-get install -y postgresql)" >&2; exit 1; }
  echo "$found/$1"
}

# initdb and the server refuse to run as root: run them as the postgres user then.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=actorexec"; }

start() {
  local nodes=3
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --nodes) nodes="$2"; shift 2 ;;
      *) echo "error: unknown option '$1' (expected --nodes N)" >&2; exit 2 ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || { echo "error: --nodes must be 1 to 99, got '$nodes'" >&2; exit 2; }
  mkdir -p "$DIR"
  echo "building (Release)..."
  dotnet build "$ROOT/src/ActorExec.Node" -c Release --nologo -v q >/dev/null
  dotnet build "$ROOT/src/ActorExec.Cli" -c Release --nologo -v q >/dev/null

  if [[ ! -d "$DIR/pg" ]]; then
    mkdir -p "$DIR/pg"
    [[ $(id -u) -eq 0 ]] && chown postgres "$DIR" "$DIR/pg"
    as_pg "$(pg_bin initdb)" -D "$DIR/pg" -U postgres --auth=trust --encoding=UTF8 >/dev/null
  fi
  if ! as_pg "$(pg_bin pg_ctl)" -D "$DIR/pg" status >/dev/null 2>&1; then
    as_pg "$(pg_bin pg_ctl)" -D "$DIR/pg" -l "$DIR/pg.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR -c max_connections=300" start >/dev/null
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'actorexec'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE actorexec"
  echo "postgres      127.0.0.1:$PG_PORT (data $DIR/pg)"

  # The key has a hyphen, which a shell variable name cannot: env sets it.
  env "ACTOREXEC__paper-exchange__listen=127.0.0.1:$EXCHANGE_PORT" \
    nohup dotnet "$NODE_DLL" paper-exchange --profile cluster >"$DIR/exchange.out" 2>&1 &
  echo $! >"$DIR/exchange.pid"
  # Nodes refuse to start without their venues: wait until the exchange says it listens.
  for _ in $(seq 1 600); do
    grep -q "paper exchange listening on" "$DIR/exchange.out" 2>/dev/null && break
    kill -0 "$(cat "$DIR/exchange.pid")" 2>/dev/null || { echo "error: the paper exchange exited; see $DIR/exchange.out" >&2; tail -5 "$DIR/exchange.out" >&2; exit 1; }
    sleep 0.1
  done
  grep -q "paper exchange listening on" "$DIR/exchange.out" || { echo "error: the paper exchange did not listen within 60 s; see $DIR/exchange.out" >&2; exit 1; }
  echo "exchange      http://127.0.0.1:$EXCHANGE_PORT (pid $(cat "$DIR/exchange.pid"))"

  for i in $(seq 1 "$nodes"); do
    ACTOREXEC_POSTGRES="$(connection)" ACTOREXEC_NODE_ID="node-$i" ACTOREXEC_TOKEN="$TOKEN" \
      ACTOREXEC_PAPER_EXCHANGE="http://127.0.0.1:$EXCHANGE_PORT" \
      nohup dotnet "$NODE_DLL" --profile cluster --port $((9110 + i)) --data "$DIR/node-$i" >"$DIR/node-$i.out" 2>&1 &
    echo $! >"$DIR/node-$i.pid"
    echo "node-$i        127.0.0.1:$((9110 + i)) (pid $(cat "$DIR/node-$i.pid"), output $DIR/node-$i.out)"
  done
  echo
  echo "look:   dotnet $CLI_DLL cluster show --node 127.0.0.1:9111"
  echo "        dotnet $CLI_DLL shards show --owner node-2 --node 127.0.0.1:9111"
  echo "leave:  dotnet $CLI_DLL cluster leave node-2 --node 127.0.0.1:9111 --token $TOKEN"
  echo "stop:   $0 stop"
}

stop_pid() {
  local file="$1" name="$2"
  [[ -f "$file" ]] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "$name did not stop within 60 s; killing it"; kill -KILL "$pid"; }
    echo "$name stopped"
  fi
  rm -f "$file"
}

stop() {
  for file in "$DIR"/node-*.pid; do
    [[ -e "$file" ]] || continue
    stop_pid "$file" "$(basename "$file" .pid)" &
  done
  wait
  stop_pid "$DIR/exchange.pid" "exchange"
  if [[ -d "$DIR/pg" ]] && as_pg "$(pg_bin pg_ctl)" -D "$DIR/pg" status >/dev/null 2>&1; then
    as_pg "$(pg_bin pg_ctl)" -D "$DIR/pg" -m fast -w stop >/dev/null && echo "postgres stopped"
  fi
}

status() {
  for file in "$DIR"/*.pid; do
    [[ -e "$file" ]] || continue
    local pid; pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$file" .pid): running (pid $pid)"; else echo "$(basename "$file" .pid): exited"; fi
  done
  dotnet "$CLI_DLL" cluster show --node 127.0.0.1:9111 || true
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [--nodes N] | status | stop" >&2; exit 2 ;;
esac
