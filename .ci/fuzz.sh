#!/usr/bin/env bash
# Run each libFuzzer target for a while over its corpus (tests/fuzz/corpus);
# new inputs go to a scratch copy, never into the repository.
# Usage: .ci/fuzz.sh [seconds-per-target] [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
build=${2:-build/sanitize}
for t in policy_loader:policy mapping_loader:mappings scan_file:scan; do
  name=${t%%:*}; corpus=${t##*:}
  work=$(mktemp -d)
  cp -r "tests/fuzz/corpus/$corpus/." "$work/"
  echo "== fuzz_$name for ${secs}s"
  ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/fuzz_$name" -max_total_time="$secs" -max_len=65536 -timeout=20 \
      -rss_limit_mb=4096 "$work" 2>&1 | grep -E "^#[0-9]+ +DONE|ERROR|SUMMARY|Done [0-9]+ runs" || true
  "$build/tests/fuzz/fuzz_$name" -runs=0 "$work" >/dev/null 2>&1  # re-check the whole corpus: exits non-zero on a crash
  rm -rf "$work"
done
