#!/usr/bin/env bash
# setup.sh [--check] [--werror] [--debug] [--target NAME]: prepares a fresh Debian machine and builds
# drdb. Installs the build dependencies that are missing (apt-get), configures with Ninja, builds.
#   default   the release build, with g++, into build/ (scripts/run.sh, and what users install).
#   --check   the build the test suite runs on (scripts/test.sh), into build-check/: clang, every
#             target instrumented with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's
#             coverage (the fuzz target tests/fuzz is part of it), assertions on.
#   --target  build only NAME (e.g. drdb-synth, drdb-fuzz-spec-loader).
# Warnings are errors under CI (CI=true) or with --werror.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

werror=OFF
[[ ${CI:-} == true ]] && werror=ON
build_type=Release
check=false
target=()
while (($# > 0)); do
  case $1 in
    --check) check=true ;;
    --werror) werror=ON ;;
    --debug) build_type=Debug ;;
    --target) target=(--target "${2:?--target needs a name}"); shift ;;
    *) echo "usage: $0 [--check] [--werror] [--debug] [--target NAME]" >&2; exit 2 ;;
  esac
  shift
done

source "$root/scripts/apt.sh"
apt_install g++ cmake ninja-build nlohmann-json3-dev libyaml-cpp-dev libcli11-dev doctest-dev pkg-config python3

if ! $check; then
  cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DDRDB_WERROR="$werror"
  cmake --build "$root/build" "${target[@]}"
  exit
fi

apt_install clang lld
# libFuzzer and the sanitizer runtimes are clang's compiler-rt, only recommended by clang:
# libclang-rt-<major>-dev (Debian 12: clang 14).
clang_major=$(clang++ -dumpversion | cut -d. -f1)
[[ -e $(clang++ --print-runtime-dir)/libclang_rt.fuzzer-x86_64.a ]] || apt_install "libclang-rt-$clang_major-dev"
# Unoptimized (DRDB_SANITIZE_FLAGS: -O0 -g1), see docs/ARCHITECTURE.md, "Testing". libdrdb is shared
# here and linked by lld: a sanitized static libdrdb is 1.5 GB and every program linking it 420 MB
# (20 GB in all, more than some CI machines have free), and GNU ld takes 15 s per program.
lld=-fuse-ld=lld
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-check" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DDRDB_WERROR="$werror" -DDRDB_SANITIZE=address,undefined -DDRDB_FUZZ=ON -DDRDB_BUILD_BENCH=OFF \
  -DBUILD_SHARED_LIBS=ON -DCMAKE_EXE_LINKER_FLAGS="$lld" -DCMAKE_SHARED_LINKER_FLAGS="$lld" \
  -DCMAKE_MODULE_LINKER_FLAGS="$lld"
cmake --build "$root/build-check" "${target[@]}"
