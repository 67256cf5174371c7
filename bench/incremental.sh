#!/usr/bin/env bash
# Repeated audits and pull-request gates on a large tree (issue #7), in one run:
#   1. a full scan that fills the cache, then a second scan of the unchanged
#      tree from the cache (goal: at least 10x faster), then one after a
#      one-file edit;
#   2. diff mode (--diff-base HEAD) after a one-file change (goal: well under a
#      second after startup), with startup measured on its own;
#   3. sharding: the sum of 4 shards' times against the full scan (overhead).
# The tree is bench/compare.sh's corpus (pinned npm packages + generated code,
# bench/corpus.sh), copied into a scratch git repository.
# Usage: bench/incremental.sh [--small] [BUILD_DIR]   (default build/release)
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
small=0
build=$repo/build/release
for a in "$@"; do
  case $a in
    --small) small=1 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) build=$(cd "$a" && pwd) ;;
  esac
done
GEN_VERSION=1
source "$here/corpus.sh"
if ((small)); then npm_dir=$here/corpus/small gen_n=30 npm_pkgs=("${NPM_SMALL_PKGS[@]}")
else npm_dir=$here/corpus/npm gen_n=1000 npm_pkgs=("${NPM_FULL_PKGS[@]}"); fi
gen_dir=$here/corpus/gen-$gen_n-v$GEN_VERSION
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

cmake --build "$build" --target policyscan >/dev/null
ps=$build/policyscan
npm_corpus "$npm_dir" "${npm_pkgs[@]}"
gen_corpus "$gen_dir" "$gen_n"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree cache=$work/cache
mkdir -p "$tree"
cp -r "$npm_dir/." "$tree/npm"
cp -r "$gen_dir/." "$tree/gen"
cat >"$tree/privacy.yaml" <<'YAML'
schema: policyscan/1
policy: {controller: Bench, product: Bench}
practices:
  - {id: account, do: collect, data: [user.contact.email], for: [essential.service], quote: "We collect your email."}
YAML
git -C "$tree" init -q
git -C "$tree" add -A
git -C "$tree" -c user.name=bench -c user.email=bench@example.com commit -qm corpus
src=('*.js' '*.mjs' '*.cjs' '*.jsx' '*.ts' '*.mts' '*.cts' '*.tsx' '*.py' '*.go' '*.java' '*.kt' '*.swift' '*.rb' '*.php' '*.cs' '*.c' '*.h' '*.cc' '*.cpp' '*.hpp')
lines=$(cd "$tree" && git ls-files -z -- "${src[@]}" | xargs -0 cat | wc -l)
files=$(cd "$tree" && git ls-files -- "${src[@]}" | wc -l)

opts=(--include-vendored --include-generated --include-tests -q --fail-on none -j 2)
# run LABEL ARGS... -> prints "LABEL seconds peakMiB", sets $secs
run() {
  local label=$1; shift
  local t
  # Exit codes 1 (findings) and 4 (a file not scanned) are results, not failures here.
  /usr/bin/time -o "$work/time" -f '%e %M' "$ps" "$@" >/dev/null 2>&1 || true
  t=$(tail -1 "$work/time")
  secs=${t% *}
  printf '%-44s %8.2f s %8.0f MiB\n' "$label" "$secs" "$(awk -v k="${t#* }" 'BEGIN{print k/1024}')"
}
echo "tree: $files source files, $lines lines (a git repository; 2 threads)"
mkdir -p "$cache" "$work/empty"
run "startup (empty tree)" scan "$work/empty" --policy "$tree/privacy.yaml" "${opts[@]}"; startup=$secs
run "full scan, no cache" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}"; full=$secs
run "full scan, filling the cache" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}" --cache "$cache"; fill=$secs
run "second scan, unchanged tree, from the cache" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}" --cache "$cache"; cached=$secs
edit=$(git -C "$tree" ls-files '*.js' | sed -n 100p)
printf 'console.log(user.email);\n' >>"$tree/$edit"
run "scan after a one-file edit, from the cache" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}" --cache "$cache"
run "diff mode, one file changed (no cache)" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}" --diff-base HEAD; diff=$secs
shard_sum=0
for k in 1 2 3 4; do
  run "shard $k/4" scan "$tree" --policy "$tree/privacy.yaml" "${opts[@]}" --shard "$k/4" --format json -o "$work/s$k.json"
  shard_sum=$(awk -v a="$shard_sum" -v b="$secs" 'BEGIN{print a+b}')
done
run "merge of the 4 shards" merge "$work"/s{1,2,3,4}.json --root "$tree" --policy "$tree/privacy.yaml" --fail-on none
awk -v f="$full" -v c="$cached" -v d="$diff" -v s="$startup" -v sh="$shard_sum" -v l="$lines" 'BEGIN {
  # On a small tree startup (loading the mappings) is most of a cached
  # rescan: the ratio without it says what the cache saves.
  printf "ratios: full / cached rescan %.1fx (goal >= 10x), %.1fx after startup; diff mode %.2f s, %.2f s after startup; 4 shards sum / full %.2fx\n",
         f / (c > 0 ? c : 0.01), (f - s) / (c - s > 0.01 ? c - s : 0.01), d, d - s, sh / f
}'
