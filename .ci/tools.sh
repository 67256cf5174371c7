#!/usr/bin/env bash
# Test tools that come from the npm registry, pinned, into build/tools:
# Microsoft's SARIF validator (SARIF spec and GitHub ingestion rules).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=build/tools
tool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [[ ! -x $tool ]]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" @microsoft/sarif-multitool-linux@5.7.0 >/dev/null
  chmod u+x "$tool"
fi
