#!/usr/bin/env bash
# test.sh [--werror]: the project's one test command (README, .ci/run). Builds the check build
# (scripts/setup.sh --check: clang, AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer
# instrumentation on every target, in build-check/), makes sure the test tools are present, runs
# every test suite with ctest on it, then fuzzes the spec loader for DRDB_FUZZ_SECONDS (default
# 120; 0 does not fuzz).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build-check
fuzz_seconds=${DRDB_FUZZ_SECONDS:-120}
[[ $fuzz_seconds =~ ^[0-9]+$ ]] || { echo "test: DRDB_FUZZ_SECONDS must be a number of seconds" >&2; exit 2; }

"$root/scripts/setup.sh" --check "$@"
source "$root/scripts/apt.sh"

# Node tools, installed locally with npm (pinned): asl-validator checks every state machine
# definition (tests/lint/asl-validate.sh); aws-local-stepfunctions executes them (tests/workflows),
# with jsonata, the reference implementation, evaluating the JSONata the interpreter cannot;
# @aws-cdk/cloudformation-diff, the CDK's template diff, is the reference `drdb-synth diff` is
# checked against (tests/diff_crosscheck), with the AWS service data it reads pinned too, since that
# data decides its verdicts.
npm_tools=(asl-validator@4.0.0 jsonata@2.2.2 @aws-cdk/cloudformation-diff@2.187.5 @aws-cdk/aws-service-spec@0.1.216
           aws-local-stepfunctions@3.0.0)
tools_dir=$root/.cache/tools

ensure_test_tools() {
  # cfn-lint is installed through pyenv on these machines; non-login shells may lack the shims.
  local pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
  [[ -d $pyenv_root/shims ]] && export PATH="$PATH:$pyenv_root/shims"
  if ! cfn-lint --version >/dev/null 2>&1; then
    echo "test: cfn-lint missing, trying pip" >&2
    python3 -m pip install --quiet cfn-lint >/dev/null 2>&1 || echo "test: could not install cfn-lint" >&2
  fi
  # The spec-schema lint reads YAML and JSON Schema with Python: Debian's packages when no python3
  # on the PATH has them.
  if ! python3 -c 'import jsonschema, yaml' >/dev/null 2>&1 && ! /usr/bin/python3 -c 'import jsonschema, yaml' >/dev/null 2>&1; then
    apt_install python3-jsonschema python3-yaml || echo "test: could not install python3-jsonschema" >&2
  fi
  # The package test builds the .deb with cpack, which reads its shared-library dependencies with
  # dpkg-shlibdeps.
  command -v dpkg-shlibdeps >/dev/null 2>&1 || apt_install dpkg-dev || echo "test: could not install dpkg-dev" >&2
  # The portability test compiles the library with clang and libc++ (what macOS users have).
  if ! echo '#include <string>' | clang++ -std=c++20 -stdlib=libc++ -fsyntax-only -x c++ - >/dev/null 2>&1; then
    local clang_major
    clang_major=$(clang++ -dumpversion | cut -d. -f1)
    apt_install "libc++-$clang_major-dev" "libc++abi-$clang_major-dev" || echo "test: could not install libc++" >&2
  fi
  # Graphviz renders the graph command's DOT output in the CLI and user-guide tests.
  command -v dot >/dev/null 2>&1 || apt_install graphviz || echo "test: could not install graphviz" >&2
  command -v terraform >/dev/null 2>&1 ||
    echo "test: terraform missing (expected in /usr/local/bin with the AWS provider in /opt/tf-plugins)" >&2
  if ((${#npm_tools[@]} > 0)); then
    npm install --prefix "$tools_dir" --no-audit --no-fund --silent "${npm_tools[@]}"
    export PATH="$tools_dir/node_modules/.bin:$PATH"
  fi
}
ensure_test_tools

# In CI a missing lint tool fails its test instead of skipping it.
[[ ${CI:-} == true ]] && export DRDB_REQUIRE_LINT_TOOLS=1

# A sanitizer report makes the program exit 86, a code no test expects of it (drdb-synth's are 0-4
# and 70), so the test fails whatever else it checks; the report is on stderr.
# LeakSanitizer cannot run in some containers (ptrace restricted): test without it there.
leaks=1
if ASAN_OPTIONS=detect_leaks=1 "$build/drdb-synth" --version 2>&1 | grep -q "LeakSanitizer has encountered a fatal error"; then
  echo "test: LeakSanitizer does not work here; testing without leak detection" >&2
  leaks=0
fi
export ASAN_OPTIONS="exitcode=86:detect_leaks=$leaks:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="exitcode=86:print_stacktrace=1:halt_on_error=1"

# -j8 on any machine: the end-to-end tests spend most of their time waiting (the Terraform provider
# polls a new queue for 25 seconds, the CLI waits on the mock).
status=0
ctest --test-dir "$build" --output-on-failure -j8 || status=$?

# The fuzzer after the suite, not beside it: unoptimized and instrumented, it runs about ten inputs a
# second on a free core, and a tenth of that while the suite runs.
if ((fuzz_seconds > 0)); then
  if "$root/scripts/fuzz.sh" --no-build "$fuzz_seconds" >"$build/fuzz.log" 2>&1; then
    grep -E '^Done [0-9]+ runs|new_units_added' "$build/fuzz.log"
  else
    echo "test: fuzzing the spec loader failed:" >&2
    cat "$build/fuzz.log" >&2
    status=1
  fi
fi
exit "$status"
