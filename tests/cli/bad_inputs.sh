#!/usr/bin/env bash
# bad_inputs.sh APP CASE 'EXPECTED STDERR REGEX': the app's synth must fail with exit code 3, print
# the expected diagnostic, and leave a populated output directory exactly as it was.
set -euo pipefail
app=$1 case_name=$2 expected=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/drdb-bad-input.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out/cloudformation"
echo previous >"$work/out/cloudformation/S.template.json"
state() { (cd "$work/out" && find . | sort && find . -type f -exec sha256sum {} + | sort); }
before=$(state)
set +e
"$app" "$case_name" synth --out "$work/out" >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
fail() { echo "FAIL [$case_name]: $*" >&2; cat "$work/stderr" >&2; exit 1; }
[[ $code -eq 3 ]] || fail "expected exit code 3, got $code"
grep -qE -- "$expected" "$work/stderr" || fail "stderr should match /$expected/"
[[ $(state) == "$before" ]] || fail "the output directory changed"
[[ ! -s $work/stdout ]] || fail "nothing should be reported as written"
echo "ok [$case_name]"
