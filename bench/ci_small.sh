#!/usr/bin/env bash
# The benchmark in a small configuration for CI: three small npm packages
# (pinned), stage throughput at 1 and 2 threads, in one run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
corpus=$here/corpus/small
if [[ ! -f $corpus/.done ]]; then
  rm -rf "$corpus" && mkdir -p "$corpus"
  (cd "$corpus" && for p in express@4.19.2 axios@1.6.8 openai@4.29.0; do npm pack --silent "$p" >/dev/null; done
   for t in *.tgz; do d=${t%.tgz}; mkdir -p "$d"; tar xzf "$t" -C "$d"; rm "$t"; done)
  touch "$corpus/.done"
fi
cmake --build "$build" --target policyscan_bench >/dev/null
"$build/policyscan_bench" "$corpus" 1 2
