#!/usr/bin/env bash
# Golden test: synthesize an app and compare every file, byte for byte, with the committed copy.
# Regenerate the committed copy with DRDB_UPDATE_GOLDEN=1 (then review the diff before committing).
set -euo pipefail
app=$1        # a drdb app binary (drdb-synth or an example)
golden=$2     # committed expected output directory
shift 2
app_args=("$@")  # before the command, e.g. --app spec.yaml: then the golden copy is never rewritten
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$app" "${app_args[@]}" synth --out "$work/out" >/dev/null
if [[ ${DRDB_UPDATE_GOLDEN:-0} == 1 && ${#app_args[@]} -eq 0 ]]; then
  rm -rf "$golden"
  mkdir -p "$(dirname "$golden")"
  cp -r "$work/out" "$golden"
  echo "updated $golden"
  exit 0
fi
if ! diff -r -u "$golden" "$work/out"; then
  echo "golden output differs from $golden — if the change is intended, regenerate with DRDB_UPDATE_GOLDEN=1 and review" >&2
  exit 1
fi
# Determinism: a second synth gives the same bytes.
"$app" "${app_args[@]}" synth --out "$work/again" >/dev/null
diff -r "$work/out" "$work/again"
echo "golden output matches $golden"
