#!/usr/bin/env bash
# Lints every BPMN file under */src/main/resources with the bpmnlint version
# pinned in tools/bpmnlint/package-lock.json, using the rules in .bpmnlintrc.
# Usage (from anywhere): bash tools/bpmnlint/lint.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

tool_dir="tools/bpmnlint"
bin="$tool_dir/node_modules/.bin/bpmnlint"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint.sh: node and npm are required" >&2
  exit 2
fi

if [ ! -x "$bin" ]; then
  echo "lint.sh: installing pinned bpmnlint into $tool_dir/node_modules" >&2
  npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error >/dev/null
fi

files=()
while IFS= read -r f; do
  files+=("$f")
done < <(bash tools/diagram-files.sh)

if [ "${#files[@]}" -eq 0 ]; then
  echo "lint.sh: no BPMN files found under */src/main/resources" >&2
  exit 1
fi

echo "bpmnlint $("$bin" --version) on ${#files[@]} file(s):"
printf '  %s\n' "${files[@]}"

# bpmnlint exits non-zero when any rule reports an error
"$bin" "${files[@]}"
echo "bpmnlint: OK"
