# shellcheck shell=bash
# Sourced by the lint scripts: how a missing tool is reported.
#
# A lint test is skipped (exit 77, ctest's SKIP_RETURN_CODE) only when the tool itself is absent.
# scripts/test.sh installs the tools and sets DRDB_REQUIRE_LINT_TOOLS=1 under CI, where a missing
# tool fails instead, so a green CI run cannot hide an unlinted template.
skip_missing_tool() {
  local tool=$1 how=$2
  if [[ ${DRDB_REQUIRE_LINT_TOOLS:-0} == 1 ]]; then
    echo "FAIL: $tool is not installed (DRDB_REQUIRE_LINT_TOOLS=1) — $how" >&2
    exit 1
  fi
  echo "SKIP: $tool is not installed — $how" >&2
  exit 77
}
