#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 and a free port.
#
#   eval "$(bash scripts/postgres.sh start)"   # installs Debian's postgresql if missing,
#                                              # initdb in a temp dir as an unprivileged user,
#                                              # starts it, creates database `jiceng`, and
#                                              # prints `export JICENG_TEST_PG_URL=postgres://…`
#   bash scripts/postgres.sh stop              # stops the cluster and removes its directory
#
# The state (data directory, port) is kept in $JICENG_PG_STATE (default .tmp/postgres.state),
# so `stop` finds what `start` made. Messages go to stderr; only the export goes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
state="${JICENG_PG_STATE:-$PWD/.tmp/postgres.state}"
say() { echo "postgres.sh: $*" >&2; }

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

start() {
  if [ -f "$state" ]; then
    # shellcheck disable=SC1090
    . "$state"
    if "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || runuser -u "$PGUSER_OS" -- "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      say "already running on port $PORT"
      echo "export JICENG_TEST_PG_URL=$URL"
      return
    fi
  fi
  local bin
  bin="$(bindir || true)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" != 0 ]; then say "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql'"; exit 1; fi
    say "installing Debian's postgresql…"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin="$(bindir)"
  fi
  # initdb refuses to run as root: use the package's `postgres` user, else `nobody`.
  local user run=()
  if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
    run=(runuser -u "$user" --)
  else
    user="$(id -un)"
  fi
  local dir port
  dir="$(mktemp -d /tmp/jiceng-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown "$user" "$dir"
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U jiceng -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >&2
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U jiceng jiceng
  local url="postgres://jiceng@127.0.0.1:$port/jiceng"
  mkdir -p "$(dirname "$state")"
  printf 'BIN=%q\nDATA=%q\nDIR=%q\nPORT=%q\nURL=%q\nPGUSER_OS=%q\n' "$bin" "$dir/data" "$dir" "$port" "$url" "$user" >"$state"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
  echo "export JICENG_TEST_PG_URL=$url"
}

stop() {
  [ -f "$state" ] || { say "nothing to stop"; return; }
  # shellcheck disable=SC1090
  . "$state"
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$PGUSER_OS" -- "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  else
    "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR" "$state"
  say "stopped and removed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/postgres.sh start|stop" >&2; exit 2 ;;
esac
