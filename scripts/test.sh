#!/usr/bin/env bash
# test.sh [setup.sh options]: builds (scripts/setup.sh), makes sure the test tools are present, and
# runs every test suite with ctest. The project's one test command (README, .ci/run).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$root/scripts/setup.sh" "$@"

# Node tools, installed locally with npm (pinned): asl-validator checks every state machine
# definition (tests/lint/asl-validate.sh); jsonata, the reference implementation, evaluates the JSONata
# the local mock cannot (tests/e2e/sfn_run.py).
npm_tools=(asl-validator@4.0.0 jsonata@2.2.2)
tools_dir=$root/build/tools

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
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update >/dev/null || true
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-jsonschema python3-yaml >/dev/null ||
      echo "test: could not install python3-jsonschema" >&2
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
