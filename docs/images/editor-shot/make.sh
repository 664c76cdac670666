#!/usr/bin/env bash
# Makes docs/images/editor-completion.png: the schema prongsai writes for plans, loaded into
# yaml-language-server (through monaco-yaml, the engine VS Code's YAML extension runs), asked
# for completions at `method: วิธี`. Needs node, npm, Chromium, a Thai font (fonts-thai-tlwg)
# and playwright-core (the conformance runner installs it under ~/.cache).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund monaco-editor@0.52.2 monaco-yaml@5.3.1 esbuild@0.24.2 >/dev/null
esbuild=node_modules/@esbuild/linux-x64/bin/esbuild
mkdir dist
$esbuild "$here/main.js" --bundle --format=iife --outfile=dist/main.js --loader:.ttf=file
$esbuild node_modules/monaco-yaml/yaml.worker.js --bundle --format=iife --outfile=dist/yaml.worker.js
$esbuild node_modules/monaco-editor/esm/vs/editor/editor.worker.js --bundle --format=iife --outfile=dist/editor.worker.js
cp "$here/index.html" dist/
(cd "$repo" && cargo run -q --release -- schema --root "$work/site" -q >/dev/null)
cp "$work/site/schemas/plan.schema.json" dist/
(cd dist && python3 -m http.server 8765 --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
node "$here/shoot.cjs" "${CONFORMANCE_HOME:-$HOME/.cache/prongsai-conformance}/node/node_modules" "$repo/docs/images/editor-completion.png"
