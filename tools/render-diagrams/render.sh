#!/usr/bin/env bash
# Renders every BPMN file under */src/main/resources to docs/diagrams/<name>.svg
# and docs/diagrams/<name>.png, using the bpmn-js viewer pinned in
# tools/render-diagrams/package-lock.json and the system Chromium.
# Re-run it (and commit the results) whenever a diagram changes.
# Usage (from anywhere): bash tools/render-diagrams/render.sh [file.bpmn...]
# With file arguments (paths relative to the repository root) only those files
# are rendered; without, all of them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

tool_dir="tools/render-diagrams"
out_dir="docs/diagrams"
chromium_bin="/usr/bin/chromium"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "render.sh: node and npm are required" >&2
  exit 2
fi

if [ ! -x "$chromium_bin" ]; then
  echo "render.sh: $chromium_bin not found; install it with:" >&2
  echo "  apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if [ ! -f "$tool_dir/node_modules/bpmn-js/package.json" ] ||
   [ ! -f "$tool_dir/node_modules/playwright-core/package.json" ]; then
  echo "render.sh: installing pinned bpmn-js and playwright-core into $tool_dir/node_modules" >&2
  # playwright-core never downloads a browser; the variable just makes that explicit.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error >/dev/null
fi

files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do
    if [ ! -f "$f" ]; then
      echo "render.sh: no such file: $f (paths are relative to the repository root)" >&2
      exit 2
    fi
    files+=("$f")
  done
else
  while IFS= read -r f; do
    files+=("$f")
  done < <(bash tools/diagram-files.sh)
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "render.sh: no BPMN files found under */src/main/resources" >&2
  exit 1
fi

bpmn_js_version="$(node -p "require('./$tool_dir/node_modules/bpmn-js/package.json').version")"
echo "bpmn-js $bpmn_js_version, $("$chromium_bin" --version 2>/dev/null | head -n 1): rendering ${#files[@]} file(s) to $out_dir/"

# render.mjs exits non-zero when any diagram fails to import or render
node "$tool_dir/render.mjs" --out "$out_dir" --chromium "$chromium_bin" "${files[@]}"
echo "render-diagrams: OK"
