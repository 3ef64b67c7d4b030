#!/usr/bin/env bash
# fuzz.sh [--no-build] [SECONDS]: fuzzes the YAML spec loader (tests/fuzz/spec_loader_fuzz.cpp) for SECONDS
# (default 60) with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer.
#   Builds the fuzz target of the check build (scripts/setup.sh --check, build-check/) and runs it
#   on a copy of tests/fuzz/corpus: the committed corpus is never written. A finding fails the
#   script and leaves its input in build-check/fuzz-run/artifacts/; replay it with
#   `build-check/tests/fuzz/drdb-fuzz-spec-loader FILE`, then fix the bug and add the input to
#   tests/fuzz/corpus/ (docs/ARCHITECTURE.md). scripts/test.sh runs this after the suite, with
#   --no-build: it built everything before.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_first=true
if [[ ${1:-} == --no-build ]]; then
  build_first=false
  shift
fi
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [--no-build] [SECONDS]" >&2; exit 2; }
build=$root/build-check

$build_first && "$root/scripts/setup.sh" --check --target drdb-fuzz-spec-loader
fuzzer=$build/tests/fuzz/drdb-fuzz-spec-loader

# A fresh copy of the corpus (new inputs go there), and a dictionary of the spec format's words: every
# key and enum value of the spec schema, which random mutation would hardly find.
run=$build/fuzz-run
rm -rf "$run"
mkdir -p "$run/corpus" "$run/artifacts"
cp "$root"/tests/fuzz/corpus/* "$run/corpus/"
python3 - "$root/schemas/drdb-spec.schema.json" "$run/spec.dict" <<'EOF'
import json, sys

words = set()
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                words.update(value)
            elif key in ("enum", "const"):
                words.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
            walk(value)
    elif isinstance(node, list):
        for item in node:
            walk(item)
walk(json.load(open(sys.argv[1])))
with open(sys.argv[2], "w") as out:
    for word in sorted(words):
        out.write(json.dumps(word) + "\n")
EOF

# LeakSanitizer cannot run in some containers (ptrace restricted): fuzz without it there rather than
# fail on every input.
leaks=1
if "$fuzzer" -runs=0 "$run/corpus" 2>&1 | grep -q "LeakSanitizer has encountered a fatal error"; then
  echo "fuzz: LeakSanitizer does not work here; fuzzing without leak detection" >&2
  leaks=0
fi
export ASAN_OPTIONS=detect_leaks=$leaks:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$run"  # anything an input makes the library write lands here
"$fuzzer" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -detect_leaks="$leaks" -print_final_stats=1 \
  -dict="$run/spec.dict" -artifact_prefix="$run/artifacts/" "$run/corpus"
