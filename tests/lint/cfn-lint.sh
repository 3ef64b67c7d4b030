#!/usr/bin/env bash
# cfn-lint.sh TEMPLATE...: lints CloudFormation templates in one cfn-lint call (it starts slowly);
# fails on errors and warnings, ignoring only the rules listed in cfn-lint-ignore.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/common.sh"

if (($# == 0)); then
  echo "usage: $0 TEMPLATE..." >&2
  exit 2
fi
# cfn-lint comes from pyenv on these machines; a non-login shell may lack its shims.
[[ -d ${PYENV_ROOT:-$HOME/.pyenv}/shims ]] && PATH="$PATH:${PYENV_ROOT:-$HOME/.pyenv}/shims"
if ! cfn-lint --version >/dev/null 2>&1; then
  skip_missing_tool cfn-lint "pip install cfn-lint (these machines have it under pyenv)"
fi

# The project's single ignore list: "RULE  justification" per line, '#' comments.
ignored=()
while read -r rule _; do
  [[ -z $rule || $rule == \#* ]] || ignored+=("$rule")
done <"$here/cfn-lint-ignore"

args=(--format parseable --non-zero-exit-code warning)
((${#ignored[@]} == 0)) || args+=(--ignore-checks "${ignored[@]}")
if cfn-lint "${args[@]}" -- "$@"; then
  echo "cfn-lint: $# template(s) clean"
else
  status=$?
  echo "cfn-lint: problems found (exit $status: 2 error, 4 warning, bits combined)" >&2
  exit 1
fi
