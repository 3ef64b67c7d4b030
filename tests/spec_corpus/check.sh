#!/usr/bin/env bash
# A bad spec of the corpus: check.sh DRDB_SYNTH SPEC. The spec's trailing comments say what must
# happen: "# expect-exit: N" and one "# expect: TEXT" per message that stderr must hold (literally).
# Synth must also write nothing at all.
set -uo pipefail
synth=$1
spec=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$(dirname "$spec")"
name=$(basename "$spec")

want_exit=$(sed -n 's/^# expect-exit: //p' "$name")
"$synth" --app "$name" synth --out "$work/out" >"$work/stdout" 2>"$work/stderr"
code=$?
fail() { echo "FAIL [$name]: $*"; echo "--- stderr:"; cat "$work/stderr"; exit 1; }
[[ $code == "$want_exit" ]] || fail "exit code $code, expected $want_exit"
while IFS= read -r expected; do
  grep -qF -- "$expected" "$work/stderr" || fail "stderr should hold: $expected"
done < <(sed -n 's/^# expect: //p' "$name")
[[ ! -e $work/out ]] || fail "synth wrote output for an invalid spec: $(find "$work/out" -type f)"
echo "ok $name: exit $code, $(sed -n 's/^# expect: //p' "$name" | wc -l) message(s) as expected, nothing written"
