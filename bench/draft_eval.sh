#!/usr/bin/env bash
# Precision and recall of `policyscan policy draft` on the three real
# policies against the hand-written models in tests/draft/expected.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/release}
cmake --build "$build" --target policyscan >/dev/null
printf "%-16s %9s %9s\n" policy precision recall
for p in openassistant opencom assistly-ai; do
  line=$("$build/policyscan" policy draft "$here/../../shared/policies/$p.txt" -o /dev/null \
           --compare "$here/../tests/draft/expected/$p.yaml" 2>&1 | grep -E "precision" || true)
  prec=$(sed -E 's/.*precision ([0-9.]+).*/\1/' <<<"$line")
  rec=$(sed -E 's/.*recall ([0-9.]+).*/\1/' <<<"$line")
  printf "%-16s %9s %9s\n" "$p" "$prec" "$rec"
done
