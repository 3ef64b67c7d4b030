#!/usr/bin/env bash
# tf-validate.sh DIR...: `terraform validate` on each Terraform configuration directory, offline.
# Each DIR is copied to a scratch directory (the source is never touched), initialised against the
# local provider mirror, then validated.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/common.sh"

if (($# == 0)); then
  echo "usage: $0 DIR..." >&2
  exit 2
fi
if ! command -v terraform >/dev/null 2>&1; then
  skip_missing_tool terraform "install Terraform 1.x in PATH (these machines have /usr/local/bin/terraform)"
fi

# The directory holding registry.terraform.io/hashicorp/aws/...: DRDB_TF_PLUGIN_DIR, else the
# machines' usual place, else wherever the provider binary is found.
find_plugin_dir() {
  local candidate
  for candidate in "${DRDB_TF_PLUGIN_DIR:-}" /opt/tf-plugins; do
    [[ -n $candidate && -d $candidate/registry.terraform.io/hashicorp/aws ]] && { echo "$candidate"; return; }
  done
  candidate=$(find / -xdev \( -path /proc -o -path /sys \) -prune -o -type f -name 'terraform-provider-aws*' \
    -path '*/registry.terraform.io/hashicorp/aws/*' -print -quit 2>/dev/null || true)
  [[ -n $candidate ]] && echo "${candidate%%/registry.terraform.io/*}"
}
plugin_dir=$(find_plugin_dir || true)
if [[ -z $plugin_dir ]]; then
  skip_missing_tool "the Terraform AWS provider" "set DRDB_TF_PLUGIN_DIR to the directory holding registry.terraform.io/"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/drdb-tf-validate.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat >"$work/cli.tfrc" <<TFRC
provider_installation {
  filesystem_mirror {
    path = "$plugin_dir"
  }
}
TFRC
export TF_CLI_CONFIG_FILE=$work/cli.tfrc TF_IN_AUTOMATION=1 TF_INPUT=0
unset TF_DATA_DIR TF_PLUGIN_CACHE_DIR

failed=0
n=0
for dir in "$@"; do
  n=$((n + 1))
  copy=$work/config-$n
  mkdir -p "$copy"
  cp -R "$dir"/. "$copy"/
  rm -rf "$copy/.terraform" "$copy/.terraform.lock.hcl"
  if ! (cd "$copy" && terraform init -backend=false -input=false -no-color >"$work/init-$n.log" 2>&1); then
    echo "FAIL $dir: terraform init" >&2
    cat "$work/init-$n.log" >&2
    failed=1
  elif ! (cd "$copy" && terraform validate -no-color); then
    echo "FAIL $dir: terraform validate" >&2
    failed=1
  else
    echo "ok $dir"
  fi
done
exit $failed
