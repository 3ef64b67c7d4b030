#!/usr/bin/env bash
# lint_app.sh cfn|tf APP: synthesizes APP (drdb-synth or any binary calling drdb::run) into a
# scratch directory, then lints what it wrote with cfn-lint.sh or tf-validate.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if (($# != 2)) || [[ $1 != cfn && $1 != tf ]]; then
  echo "usage: $0 cfn|tf APP" >&2
  exit 2
fi
linter=$1
app=$2

out=$(mktemp -d "${TMPDIR:-/tmp}/drdb-lint.XXXXXX")
trap 'rm -rf "$out"' EXIT

if [[ $linter == cfn ]]; then
  "$app" synth --format cloudformation,cloudformation-yaml --out "$out"
  mapfile -t files < <(find "$out/cloudformation" -type f \( -name '*.template.json' -o -name '*.template.yaml' \) | sort)
  ((${#files[@]} > 0)) || { echo "FAIL: $app wrote no CloudFormation template" >&2; exit 1; }
  exec "$here/cfn-lint.sh" "${files[@]}"
else
  "$app" synth --format terraform --out "$out"
  mapfile -t dirs < <(find "$out/terraform" -mindepth 1 -maxdepth 1 -type d | sort)
  ((${#dirs[@]} > 0)) || { echo "FAIL: $app wrote no Terraform configuration" >&2; exit 1; }
  exec "$here/tf-validate.sh" "${dirs[@]}"
fi
