#!/usr/bin/env bash
# Build policyscan and scan a bundled example app against its policy model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target policyscan -- -j"$(nproc)"
app=${1:-examples/openassistant}
if [[ -f "$app/privacy.yaml" ]] && ./build/release/policyscan scan --help >/dev/null 2>&1; then
  ./build/release/policyscan scan "$app" --policy "$app/privacy.yaml" || true
else
  ./build/release/policyscan inventory "$app"
fi
