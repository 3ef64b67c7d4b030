#!/usr/bin/env bash
# setup.sh [--werror] [--debug] [--sanitize]: prepares a fresh Debian machine and builds drdb into build/.
#   Installs the build dependencies that are missing (apt-get), configures with Ninja, builds.
#   Warnings are errors under CI (CI=true) or with --werror. --sanitize instruments everything with
#   AddressSanitizer and UndefinedBehaviorSanitizer (DRDB_SANITIZE; `scripts/test.sh --sanitize`).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

werror=OFF
[[ ${CI:-} == true ]] && werror=ON
build_type=Release
sanitize=
for arg in "$@"; do
  case $arg in
    --werror) werror=ON ;;
    --debug) build_type=Debug ;;
    --sanitize) sanitize=address,undefined ;;
    *) echo "usage: $0 [--werror] [--debug] [--sanitize]" >&2; exit 2 ;;
  esac
done

packages=(g++ cmake ninja-build nlohmann-json3-dev libyaml-cpp-dev libcli11-dev doctest-dev pkg-config python3)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DDRDB_WERROR="$werror" \
  -DDRDB_SANITIZE="$sanitize"
cmake --build "$root/build"
