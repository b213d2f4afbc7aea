#!/usr/bin/env bash
# Prints, one per line, every BPMN file the project ships: */src/main/resources/**/*.bpmn,
# tracked or untracked-but-not-ignored in git (or found with find outside a git checkout).
# Used by tools/bpmnlint/lint.sh and tools/render-diagrams/render.sh. Run from the repository root.
set -euo pipefail
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files --cached --others --exclude-standard -- '*/src/main/resources/*.bpmn' | sort -u |
    while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done
else
  find . -path './tools/*/node_modules' -prune -o \
    -type f -path '*/src/main/resources/*' -name '*.bpmn' -print | sed 's|^\./||' | sort
fi
