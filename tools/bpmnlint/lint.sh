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
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # tracked and untracked (but not ignored) files
  while IFS= read -r f; do
    [ -f "$f" ] && files+=("$f")
  done < <(git ls-files --cached --others --exclude-standard -- '*/src/main/resources/*.bpmn' | sort -u)
else
  while IFS= read -r f; do
    files+=("$f")
  done < <(find . -path ./tools/bpmnlint/node_modules -prune -o \
             -type f -path '*/src/main/resources/*' -name '*.bpmn' -print | sed 's|^\./||' | sort)
fi

if [ "${#files[@]}" -eq 0 ]; then
  echo "lint.sh: no BPMN files found under */src/main/resources" >&2
  exit 1
fi

echo "bpmnlint $("$bin" --version) on ${#files[@]} file(s):"
printf '  %s\n' "${files[@]}"

# bpmnlint exits non-zero when any rule reports an error
"$bin" "${files[@]}"
echo "bpmnlint: OK"
