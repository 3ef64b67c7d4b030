#!/usr/bin/env bash
# Runs the real drdb-synth binary: cli_test.sh DRDB_SYNTH CASE. One ctest per CASE (tests.cmake).
# Exit 0 on success; on failure prints what was expected and what the binary did.
set -euo pipefail

synth=$1
case_name=$2
[[ $synth == */* ]] && synth=$(cd "$(dirname "$synth")" && pwd)/$(basename "$synth")  # we cd below
work=$(mktemp -d "${TMPDIR:-/tmp}/drdb-cli-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "FAIL [$case_name]: $*" >&2
  echo "--- exit code: ${code-unset}" >&2
  [[ -f $work/stdout ]] && { echo "--- stdout:" >&2; cat "$work/stdout" >&2; }
  [[ -f $work/stderr ]] && { echo "--- stderr:" >&2; cat "$work/stderr" >&2; }
  exit 1
}

# run ARGS...: runs drdb-synth, sets $code, keeps stdout/stderr in files.
run() {
  set +e
  "$synth" "$@" >"$work/stdout" 2>"$work/stderr"
  code=$?
  set -e
}

expect_code() { [[ $code -eq $1 ]] || fail "expected exit code $1"; }
expect_out() { grep -qE -- "$1" "$work/stdout" || fail "stdout should match /$1/"; }
expect_err() { grep -qE -- "$1" "$work/stderr" || fail "stderr should match /$1/"; }
expect_no_err() { [[ ! -s $work/stderr ]] || fail "stderr should be empty"; }

# A listing of every entry under DIR with a checksum of each file: equal listings, equal trees.
tree_state() { (cd "$1" && find . -type d | sort && find . -type f -exec sha256sum {} + | sort); }

case $case_name in
  version)
    run --version
    expect_code 0
    expect_out '^drdb-synth \(drdb\) [0-9]+\.[0-9]+\.[0-9]+$'
    ;;
  help)
    run --help
    expect_code 0
    expect_out 'synth'
    expect_out 'list'
    expect_out 'Exit codes'
    run synth --help
    expect_code 0
    expect_out '--format'
    expect_out '--out'
    expect_out '--stack'
    ;;
  list)
    run list
    expect_code 0
    expect_no_err
    [[ -s $work/stdout ]] || fail "list printed no stack"
    expect_out '^[A-Za-z0-9]+ +[0-9]+ resources?$'
    ;;
  synth)
    run synth --out out
    expect_code 0
    expect_no_err
    expect_out '^wrote out/cloudformation/[A-Za-z0-9]+\.template\.json$'
    expect_out '^wrote out/cloudformation/[A-Za-z0-9]+\.template\.yaml$'
    expect_out '^wrote out/terraform/[A-Za-z0-9]+/main\.tf\.json$'
    expect_out '^synthesized [0-9]+ stacks? '
    # Every file listed exists, and nothing else was written.
    listed=$(sed -n 's/^wrote //p' "$work/stdout" | sort)
    found=$(find out -type f | sort)
    [[ $listed == "$found" ]] || fail "files listed differ from files written: $(diff <(echo "$listed") <(echo "$found"))"
    ;;
  synth-format)
    run synth --out out --format terraform
    expect_code 0
    [[ -z $(find out -path '*cloudformation*') ]] || fail "--format terraform wrote CloudFormation"
    expect_out '^wrote out/terraform/'
    run synth --out out2 --format cloudformation-yaml,cloudformation
    expect_code 0
    [[ -z $(find out2 -path '*terraform*') ]] || fail "CloudFormation formats wrote Terraform"
    ;;
  synth-stack)
    stack=$("$synth" list | head -n1 | cut -d' ' -f1)
    run synth --out out --stack "$stack" --stack "$stack"
    expect_code 0
    expect_out "^synthesized 1 stack \\($stack\\)"
    [[ -z $(sed -n 's/^wrote //p' "$work/stdout" | grep -v "$stack") ]] || fail "wrote files of other stacks"
    ;;
  unknown-flag)
    run synth --bogus
    expect_code 2
    expect_err 'bogus'
    expect_err "--help"
    ;;
  no-command)
    run
    expect_code 2
    expect_err "--help"
    ;;
  bad-format)
    run synth --format cloudformation,json --out out
    expect_code 2
    expect_err 'json'
    [[ ! -e out ]] || fail "a usage error wrote output"
    ;;
  unknown-stack)
    run synth --stack NoSuchStack --out out
    expect_code 2
    expect_err 'NoSuchStack' 
    [[ ! -e out ]] || fail "a usage error wrote output"
    ;;
  unwritable-out)
    # Root ignores permission bits, so make the output impossible another way: the place of one of
    # the output's subdirectories is taken by a regular file.
    mkdir -p out
    echo keep >out/keep.txt
    echo 'not a directory' >out/terraform
    before=$(tree_state out)
    run synth --out out
    expect_code 4
    expect_err '^error: out/terraform: .* — '
    [[ $(tree_state out) == "$before" ]] || fail "the output directory changed"
    # The output directory itself a file.
    echo 'a file' >file
    run synth --out file
    expect_code 4
    expect_err '^error: file: exists and is not a directory'
    [[ $(cat file) == 'a file' ]] || fail "the file was changed"
    ;;
  deterministic)
    run synth --out a
    expect_code 0
    run synth --out b
    expect_code 0
    diff -r a b >"$work/diff" || fail "two runs differ: $(head -50 "$work/diff")"
    # Re-synthesizing over existing output gives the same bytes too.
    run synth --out a
    expect_code 0
    diff -r a b >/dev/null || fail "re-synthesizing over existing output changed it"
    ;;
  *)
    echo "unknown case '$case_name'" >&2
    exit 2
    ;;
esac
echo "ok [$case_name]"
