#!/usr/bin/env bash
# Build policyscan (release preset) and run every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
bash .ci/tools.sh
cmake --preset release >/dev/null
cmake --build --preset release -- -j"$(nproc)"
ctest --preset release -j"$(nproc)"
