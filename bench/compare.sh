#!/usr/bin/env bash
# policyscan against baseline tools on one corpus, in one run (issue #7, speed):
#   1. policyscan_bench: raw tree-sitter/libclang parse vs parse+facts vs the full pipeline
#   2. ripgrep over the mapping library's literals (an I/O floor), -j1 and -j2
#   3. ast-grep running the mapping library as rules on the JavaScript/TypeScript part, -j 1 and -j 2
#   4. policyscan inventory end to end: wall time and peak RSS (GNU time), -j1 and -j2
#   5. lines of code, ratios, peak RSS extrapolated to 1M lines
# The ripgrep patterns and ast-grep rules are generated from mappings/detect by
# policyscan_export_rules, never typed by hand. The corpus: the pinned npm
# packages of bench/parse.sh plus generated Python/Go/Java/Kotlin/Swift/C++
# (bench/corpus.sh), all under bench/corpus/ (git-ignored).
# Usage: bench/compare.sh [--small] [--ast-grep-all] [BUILD_DIR]   (default build/release)
#   --small         the CI size: 3 npm packages + 30 generated files per language (~1 min)
#   --ast-grep-all  run ast-grep on the whole npm part instead of its SDK packages (adds ~10 min)
# Needs bash, coreutils, awk, npm, rg (Debian ripgrep), /usr/bin/time (Debian time);
# ast-grep comes from npm, pinned, into build/tools/ast-grep.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
small=0
ag_all=0
build=$repo/build/release
for a in "$@"; do
  case $a in
    --small) small=1 ;;
    --ast-grep-all) ag_all=1 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) build=$(cd "$a" && pwd) ;;
  esac
done
AST_GREP_VERSION=0.39.9
GEN_VERSION=1   # bump when bench/corpus.sh's templates change: the generated corpus is rebuilt
source "$here/corpus.sh"

if ((small)); then
  mode=small npm_dir=$here/corpus/small gen_n=30
  npm_pkgs=("${NPM_SMALL_PKGS[@]}")
  js_pkgs=()   # all of the npm part
else
  mode=full npm_dir=$here/corpus/npm gen_n=1000
  npm_pkgs=("${NPM_FULL_PKGS[@]}")
  # ast-grep with the library's ~500 rules takes 3-9 s per MB on one thread
  # (the whole npm part, 44 MB: ~400 s), so by default it runs on the SDK
  # packages (9.6 MB), leaving out the three, typescript and @angular/core bundles.
  js_pkgs=(lodash-4.17.21 express-4.19.2 axios-1.6.8 sentry-browser-7.108.0 stripe-14.21.0 openai-4.29.0 posthog-js-1.116.0)
  ((ag_all)) && js_pkgs=()
fi
gen_dir=$here/corpus/gen-$gen_n-v$GEN_VERSION
cmp=$here/corpus/compare-$mode     # roots the tools scan: hard links into the corpora above
out=$repo/bench/out/compare-$mode  # patterns, rules, raw outputs (git-ignored)

die() { echo "compare.sh: $*" >&2; exit 1; }
command -v rg >/dev/null || die "ripgrep (rg) is missing: apt-get install ripgrep (listed in .ci/debian-packages.txt)"
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install time (listed in .ci/debian-packages.txt)"
command -v npm >/dev/null || die "npm is missing"

# --- tools --------------------------------------------------------------------
echo "== building policyscan, policyscan_bench, policyscan_export_rules ($build)"
cmake --build "$build" --target policyscan policyscan_bench policyscan_export_rules >/dev/null
tools=$repo/build/tools/ast-grep
ag=$tools/node_modules/.bin/ast-grep
if [[ ! -x $ag || $("$ag" --version 2>/dev/null) != "ast-grep $AST_GREP_VERSION" ]]; then
  echo "== installing @ast-grep/cli@$AST_GREP_VERSION into ${tools#"$repo"/}"
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" "@ast-grep/cli@$AST_GREP_VERSION" >/dev/null
fi

# --- corpus -------------------------------------------------------------------
echo "== corpus ($mode)"
npm_corpus "$npm_dir" "${npm_pkgs[@]}"
gen_corpus "$gen_dir" "$gen_n"
rm -rf "$cmp" && mkdir -p "$cmp/all" "$cmp/js" "$cmp/tiny"
cp -al "$npm_dir" "$cmp/all/npm"
cp -al "$gen_dir" "$cmp/all/gen"
if ((${#js_pkgs[@]})); then
  for p in "${js_pkgs[@]}"; do cp -al "$npm_dir/$p" "$cmp/js/$p"; done
  js_what="npm SDK packages: ${js_pkgs[*]}"
else
  cp -al "$npm_dir/." "$cmp/js/"
  js_what="the whole npm part"
fi
for d in "$gen_dir"/*/; do
  l=$(basename "$d")
  f=$(cd "$d" && find pkg0 -type f | sort | sed -n 1p)
  mkdir -p "$cmp/tiny/$l/pkg0" && ln "$d/$f" "$cmp/tiny/$l/$f"
done
cp -al "$gen_dir/cpp/include" "$cmp/tiny/cpp/include"
f=$(cd "$cmp/js" && find . -name '*.js' -size -20k | sort | sed -n 1p)
mkdir -p "$cmp/tiny/js" && ln "$cmp/js/$f" "$cmp/tiny/js/"
rm -rf "$out" && mkdir -p "$out"

# The files policyscan scans: its languages' extensions, at most 4 MiB (its default cap).
src_glob='*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,py,pyw,go,java,kt,kts,swift,rb,rake,gemspec,php,phtml,cs,c,h,cc,cpp,cxx,c++,hpp,hh,hxx,h++,ipp,inl}'
js_glob='*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'
rg_sel=(--no-ignore --hidden --max-filesize 4M)
# count_set GLOB DIR -> "files bytes lines"
count_set() {
  local files bytes_lines l b
  files=$(rg --files "${rg_sel[@]}" --type-add "src:$1" -t src "$2" | wc -l)
  bytes_lines=$(rg --files "${rg_sel[@]}" --type-add "src:$1" -t src "$2" -0 | xargs -0 cat | wc -cl)
  read -r l b <<<"$bytes_lines"
  echo "$files $b $l"
}
read -r all_files all_bytes all_lines < <(count_set "$src_glob" "$cmp/all")
read -r gen_files gen_bytes gen_lines < <(count_set "$src_glob" "$cmp/all/gen")
read -r js_files js_bytes js_lines < <(count_set "$js_glob" "$cmp/js")

# --- patterns and rules from the mapping library --------------------------------
echo "== mapping library -> ripgrep patterns and ast-grep rules"
"$build/policyscan_export_rules" "$out" | sed "s|$repo/||g"

# --- measuring ----------------------------------------------------------------
# timed NAME CMD...: runs CMD under GNU time; stdout/stderr to $out/NAME.{out,err};
# sets SEC (wall seconds), KB (peak RSS) and RC (exit status).
timed() {
  local name=$1
  shift
  set +e
  /usr/bin/time -o "$out/$name.time" -f '%e %M' "$@" >"$out/$name.out" 2>"$out/$name.err"
  RC=$?
  set -e
  read -r SEC KB < <(tail -n 1 "$out/$name.time")
}
calc() { awk "BEGIN { printf \"$1\", $2 }"; }    # calc FORMAT EXPR
per() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b < 0.01) b = 0.01; printf f, a / b }'; }
rows=()
row() {  # row TOOL PART THREADS SECONDS FILES BYTES KB MATCHES
  rows+=("$(printf '%-22s %-9s %7s %8.2f %9s %8s %9s %9s' "$1" "$2" "$3" "$4" "$(per "$5" "$4" '%.0f')" \
    "$(per "$(calc '%.6f' "$6 / 1e6")" "$4" '%.2f')" "$(calc '%.1f' "$7 / 1024")" "$8")")
}
json_total() { sed -n '/"totals": {/,/}/p' "$1" | grep "\"$2\"" | sed -E 's/[^0-9.]//g'; }

echo "== 1. policyscan_bench: raw parse vs facts vs full pipeline (in memory, whole corpus)"
"$build/policyscan_bench" "$cmp/all" 1 2 | tee "$out/bench.txt"
bench_lines=$(sed -nE 's/^corpus: .* ([0-9]+) lines,.*/\1/p' "$out/bench.txt")

echo "== 2. ripgrep (whole corpus): the library's literals as fixed strings (-F, the floor), then as regexes"
rg_run() {  # rg_run NAME LABEL THREADS ARGS...
  local name=$1 label=$2 j=$3
  shift 3
  timed "$name" rg -c -j"$j" "${rg_sel[@]}" --type-add "src:$src_glob" -t src "$@" "$cmp/all"
  ((RC <= 1)) || die "rg failed: $(head -5 "$out/$name.err")"
  row "$label" all "$j" "$SEC" "$all_files" "$all_bytes" "$KB" "$(awk -F: '{ s += $NF } END { print s + 0 }' "$out/$name.out") lines"
  echo "${rows[-1]}"
}
for j in 1 2; do
  rg_run "rg-fixed-j$j" "rg -F -f literals.txt" "$j" -F -f "$out/literals.txt"
  declare "rgF_sec_$j=$SEC"
done
for j in 1 2; do
  rg_run "rg-regex-j$j" "rg -f patterns.txt" "$j" --no-unicode -f "$out/patterns.txt"
  declare "rg_sec_$j=$SEC"
done

echo "== 3. ast-grep (JavaScript/TypeScript: $js_what)"
ag_args=(scan -r "$out/rules.yml" --json=stream --inspect summary)
for n in hidden dot vcs parent exclude global; do ag_args+=(--no-ignore "$n"); done
while IFS= read -r -d '' f; do ag_args+=(--globs "!$f"); done < <(find "$cmp/js" -type f -size +4194304c -printf '%P\0')
for j in 1 2; do
  (cd "$cmp/js" && timed "ast-grep-j$j" "$ag" "${ag_args[@]}" -j "$j" . && echo "$SEC $KB $RC" >"$out/ast-grep-j$j.res")
  read -r SEC KB RC <"$out/ast-grep-j$j.res"
  ((RC == 0)) || die "ast-grep failed: $(grep -v '^sg: ' "$out/ast-grep-j$j.err" | head -5)"
  scanned=$(sed -nE 's/.*scannedFileCount=([0-9]+).*/\1/p' "$out/ast-grep-j$j.err")
  row "ast-grep scan" js "$j" "$SEC" "${scanned:-$js_files}" "$js_bytes" "$KB" "$(wc -l <"$out/ast-grep-j$j.out") matches"
  declare "ag_sec_$j=$SEC"
  echo "${rows[-1]}"
done

echo "== 4. policyscan inventory end to end"
inv() {  # inv NAME ROOT THREADS
  timed "$1" "$build/policyscan" inventory "$2" --include-vendored --include-tests --include-generated --no-gitignore \
    -q -j "$3" --format json -o "$out/$1.json"
  # 4: some files did not parse (syntax errors in the npm bundles); the rest was scanned.
  ((RC == 0 || RC == 4)) || die "policyscan inventory failed ($RC): $(head -5 "$out/$1.err")"
}
inv inv-tiny "$cmp/tiny" 1   # one file per language: the fixed cost (mapping library, grammars, libclang)
base_kb=$KB
for part in all js; do
  for j in 1 2; do
    inv "inv-$part-j$j" "$cmp/$part" "$j"
    f=$(json_total "$out/inv-$part-j$j.json" files)
    b=$(json_total "$out/inv-$part-j$j.json" bytes)
    p=$(json_total "$out/inv-$part-j$j.json" points)
    row "policyscan inventory" "$part" "$j" "$SEC" "$f" "$b" "$KB" "$p points"
    declare "inv_${part}_sec_$j=$SEC" "inv_${part}_kb_$j=$KB"
    echo "${rows[-1]}"
  done
done

# --- summary ------------------------------------------------------------------
mib() { calc '%.0f' "$1 / 1024"; }
echo
echo "== summary ($mode corpus; machine: $(nproc) cores; $(rg --version | head -1), ast-grep $AST_GREP_VERSION, $("$build/policyscan" --version 2>/dev/null | head -1))"
printf 'corpus: %d files, %.1f MB, %d lines of code (policyscan_bench counts %s lines)\n' "$all_files" "$(calc '%.3f' "$all_bytes / 1e6")" "$all_lines" "${bench_lines:-?}"
printf '  npm JavaScript/TypeScript: %d files, %d lines; generated Python/Go/Java/Kotlin/Swift/C++: %d files, %d lines\n' \
  "$((all_files - gen_files))" "$((all_lines - gen_lines))" "$gen_files" "$gen_lines"
printf '  part "js" (ast-grep vs policyscan): %s: %d files, %.1f MB, %d lines\n' "$js_what" "$js_files" "$(calc '%.3f' "$js_bytes / 1e6")" "$js_lines"
echo
printf '%-22s %-9s %7s %8s %9s %8s %9s %9s\n' tool corpus threads seconds files/s MB/s "peak MiB" found
printf '%s\n' "${rows[@]}"
echo
echo "ratios (wall time; > 1: policyscan is slower):"
sed -nE 's/^ratio full\/raw at ([0-9]+) thread\(s\): ([0-9.]+)x.*/  full pipeline \/ raw parse (policyscan_bench, mode by mode), \1 thread(s): \2x/p' "$out/bench.txt"
sed -nE 's/^ratio full\/raw at ([0-9]+) thread\(s\), paired: ([0-9.]+)x.*/  full pipeline \/ raw parse (policyscan_bench, paired CPU time), \1 thread(s): \2x/p' "$out/bench.txt"
for j in 1 2; do
  rf=rgF_sec_$j r=rg_sec_$j a=ag_sec_$j ia=inv_all_sec_$j ij=inv_js_sec_$j
  printf '  policyscan / rg -F     -j%d: %6.2fx   (whole corpus)\n' "$j" "$(per "${!ia}" "${!rf}" '%.4f')"
  printf '  policyscan / rg regex  -j%d: %6.2fx   (whole corpus)\n' "$j" "$(per "${!ia}" "${!r}" '%.4f')"
  printf '  policyscan / ast-grep  -j%d: %6.2fx   (part js; ast-grep / policyscan %.1fx)\n' "$j" "$(per "${!ij}" "${!a}" '%.4f')" "$(per "${!a}" "${!ij}" '%.4f')"
done
echo "memory (policyscan inventory, whole corpus):"
printf '  fixed cost (one file per language: mapping library, grammars, libclang): %s MiB\n' "$(mib "$base_kb")"
for j in 1 2; do
  kb=inv_all_kb_$j
  printf '  -j%d peak RSS %s MiB; per 1M lines: %s MiB (linear), %s MiB (fixed cost + the rest scaled)\n' "$j" "$(mib "${!kb}")" \
    "$(calc '%.0f' "${!kb} / 1024 * 1e6 / $all_lines")" "$(calc '%.0f' "($base_kb + (${!kb} - $base_kb) * 1e6 / $all_lines) / 1024")"
done
echo "notes: rg reads the same file set as policyscan (its extensions, 4 MiB cap; regexes with --no-unicode); ast-grep the"
echo "  .js/.mjs/.cjs/.jsx/.ts/.mts/.cts/.tsx files under 4 MiB of part js. Neither resolves aliases nor classifies data;"
echo "  policyscan's seconds include discovery, classification and the JSON report. Warm page cache (policyscan_bench reads first)."
echo "raw outputs: ${out#"$repo"/}/; total $SECONDS s"
