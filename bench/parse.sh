#!/usr/bin/env bash
# Parse and scan throughput on a real corpus: JavaScript/TypeScript sources
# of npm packages (pinned versions), 1 and 2 threads. Prints, in one run:
#   - policyscan_bench: raw parse vs parse+facts vs the full pipeline
#   - `policyscan inventory` wall time (discovery, reading, everything)
# Usage: bench/parse.sh [build-dir]   (default build/release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
corpus=$here/corpus/npm
source "$here/corpus.sh"   # the pinned packages (NPM_FULL_PKGS), shared with bench/compare.sh
npm_corpus "$corpus" "${NPM_FULL_PKGS[@]}"
cmake --build "$build" --target policyscan policyscan_bench >/dev/null
echo "== stage throughput (in-memory, one run)"
"$build/policyscan_bench" "$corpus" 1 2
echo "== policyscan inventory end to end"
for j in 1 2; do
  s=$(date +%s.%N)
  "$build/policyscan" inventory "$corpus" --include-vendored --include-tests --include-generated --no-gitignore -q -j "$j" --format json > /tmp/policyscan-bench-inv.json || true
  e=$(date +%s.%N)
  python3 - "$s" "$e" "$j" <<'PY'
import json, sys
s, e, j = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
d = json.load(open('/tmp/policyscan-bench-inv.json'))
t = d['totals']
secs = e - s
print(f"inventory -j{j}: {t['files']} files, {t['bytes']/1e6:.1f} MB in {secs:.2f} s = {t['files']/secs:.0f} files/s, {t['bytes']/1e6/secs:.2f} MB/s, {t['points']} points")
PY
done
