#!/usr/bin/env bash
# test.sh [setup.sh options]: builds (scripts/setup.sh), makes sure the test tools are present, and
# runs every test suite with ctest. The project's one test command (README, .ci/run).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/scripts/setup.sh" "$@"

# Node tools for the lint suite, installed locally with npm (pinned; none needed yet — the state
# machine lint will add asl-validator here).
npm_tools=()
tools_dir=$root/build/tools

ensure_test_tools() {
  # cfn-lint is installed through pyenv on these machines; non-login shells may lack the shims.
  local pyenv_root=${PYENV_ROOT:-$HOME/.pyenv}
  [[ -d $pyenv_root/shims ]] && export PATH="$PATH:$pyenv_root/shims"
  if ! cfn-lint --version >/dev/null 2>&1; then
    echo "test: cfn-lint missing, trying pip" >&2
    python3 -m pip install --quiet cfn-lint >/dev/null 2>&1 || echo "test: could not install cfn-lint" >&2
  fi
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

ctest --test-dir "$root/build" --output-on-failure -j2
