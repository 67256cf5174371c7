#!/usr/bin/env bash
# Fetch the pinned tree-sitter runtime and grammars from the npm registry into
# DEST, verify each tarball's sha256 against grammars/pins.tsv, and unpack.
# Idempotent: a stamp holding the pins' hash makes a second run a no-op.
# The sources are build input only; they are never committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pins="$here/pins.tsv"
dest=${1:?usage: fetch.sh DEST}
mkdir -p "$dest"
stamp="$dest/.pins.sha256"
want=$(sha256sum "$pins" | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then exit 0; fi
command -v npm >/dev/null || { echo "fetch.sh: npm is needed to fetch grammar sources (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pids=()
while IFS=$'\t' read -r name spec sum dirs; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  mkdir -p "$tmp/$name"
  ( cd "$tmp/$name" && npm pack --silent "$spec" >/dev/null 2>"$tmp/$name.err" ) &
  pids+=($!)
done < "$pins"
for p in "${pids[@]}"; do wait "$p" || { cat "$tmp"/*.err >&2; echo "fetch.sh: npm pack failed" >&2; exit 1; }; done
while IFS=$'\t' read -r name spec sum dirs; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  tgz=$(ls "$tmp/$name"/*.tgz)
  got=$(sha256sum "$tgz" | cut -d' ' -f1)
  if [[ "$got" != "$sum" ]]; then
    echo "fetch.sh: checksum mismatch for $spec: expected $sum, got $got" >&2; exit 1
  fi
  rm -rf "$dest/$name"; mkdir -p "$dest/$name"
  tar xzf "$tgz" -C "$dest/$name" --strip-components=1
done < "$pins"
echo "$want" > "$stamp"
