#!/usr/bin/env bash
# asl-validate.sh APP: synthesizes APP (drdb-synth or any binary calling drdb::run) to CloudFormation
# JSON and Terraform, extracts every state machine definition of both (asl_definitions.py) and checks
# each with asl-validator, an implementation of the States Language independent of drdb.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/common.sh"

if (($# != 1)); then
  echo "usage: $0 APP" >&2
  exit 2
fi
app=$1
# scripts/test.sh installs it under .cache/tools; a developer may have it anywhere in PATH.
for dir in "$here/../../.cache/tools/node_modules/.bin" "${DRDB_TOOLS_DIR:-}/node_modules/.bin"; do
  [[ -x $dir/asl-validator ]] && PATH="$dir:$PATH"
done
if ! command -v asl-validator >/dev/null 2>&1; then
  skip_missing_tool asl-validator "npm install asl-validator (scripts/test.sh installs it under .cache/tools)"
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/drdb-asl.XXXXXX")
trap 'rm -rf "$out"' EXIT
"$app" synth --format cloudformation,terraform --out "$out/synth" >/dev/null
mkdir -p "$out/definitions"
mapfile -t documents < <(find "$out/synth" -type f \( -name '*.template.json' -o -name 'main.tf.json' \) | sort)
((${#documents[@]} > 0)) || { echo "FAIL: $app wrote nothing" >&2; exit 1; }
mapfile -t definitions < <(cd "$out/synth" && python3 "$here/asl_definitions.py" "$out/definitions" "${documents[@]#"$out/synth/"}")
if ((${#definitions[@]} == 0)); then
  echo "asl-validator: no state machine in $(basename "$app")"
  exit 0
fi
args=()
for d in "${definitions[@]}"; do args+=(--json-path "$d"); done
if asl-validator "${args[@]}"; then
  echo "asl-validator: ${#definitions[@]} definition(s) valid"
else
  echo "asl-validator: invalid definition(s) among:" >&2
  printf '  %s\n' "${definitions[@]}" >&2
  exit 1
fi
