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
if [[ ! -f $corpus/.done ]]; then
  rm -rf "$corpus" && mkdir -p "$corpus"
  (cd "$corpus" && for p in three@0.160.0 typescript@5.4.5 @angular/core@17.3.0 lodash@4.17.21 express@4.19.2 axios@1.6.8 \
      @sentry/browser@7.108.0 stripe@14.21.0 openai@4.29.0 posthog-js@1.116.0; do
        npm pack --silent "$p" >/dev/null; done
   for t in *.tgz; do d=${t%.tgz}; mkdir -p "$d"; tar xzf "$t" -C "$d"; rm "$t"; done)
  touch "$corpus/.done"
fi
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
