#!/usr/bin/env bash
# release.sh [DIST_DIR]: the release artifacts of this checkout, into DIST_DIR (default dist/):
#   drdb_<version>_<arch>.deb     a Release build of the library and drdb-synth (no tests, examples
#                                 or benchmark), packaged by cpack (cmake/DrdbPackaging.cmake)
#   drdb-<version>-Source.tar.gz  the source tree
# The version is project()'s in CMakeLists.txt; CHANGELOG.md must have its section.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=$(realpath -m "${1:-$root/dist}")
build=$root/build-release

source "$root/scripts/apt.sh"
apt_install g++ cmake ninja-build nlohmann-json3-dev libyaml-cpp-dev libcli11-dev pkg-config dpkg-dev

version=$(sed -nE 's/^project\(drdb VERSION ([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' "$root/CMakeLists.txt")
grep -q "^## \[$version\]" "$root/CHANGELOG.md" || { echo "CHANGELOG.md has no section for $version" >&2; exit 1; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDRDB_WERROR=ON \
  -DDRDB_BUILD_TESTS=OFF -DDRDB_BUILD_EXAMPLES=OFF -DDRDB_BUILD_BENCH=OFF
cmake --build "$build"
mkdir -p "$dist"
(cd "$build" && cpack -G DEB -B "$dist" && cpack --config CPackSourceConfig.cmake -B "$dist")
rm -rf "$dist/_CPack_Packages"
ls -l "$dist"
