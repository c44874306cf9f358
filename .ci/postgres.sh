#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:5432 for the store tests and prints its URL.
# Idempotent: installs Debian's postgresql package only if missing, reuses a running server.
# Trust auth on loopback only; the data directory lives under /tmp and is disposable.
set -euo pipefail

PORT="${PGPORT:-5432}"
DATA_DIR="${KAESONG_PG_DIR:-/tmp/kaesong-pg}"
URL="postgres://postgres@127.0.0.1:${PORT}/postgres"

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$dir" ] && echo "$dir"
}

if ! BIN="$(pg_bin)"; then
  echo "postgres.sh: installing postgresql (Debian package)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(pg_bin)"
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

if [ ! -s "$DATA_DIR/PG_VERSION" ]; then
  mkdir -p "$DATA_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA_DIR"
  as_postgres "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
fi

as_postgres "$BIN/pg_ctl" -D "$DATA_DIR" -l "$DATA_DIR/server.log" -w -t 30 \
  -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null

echo "$URL"
