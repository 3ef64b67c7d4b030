#!/usr/bin/env bash
# libcxx.sh SOURCE_DIR BUILD_DIR: every source file of the library and the installed headers compile
# with clang and libc++ (the standard library macOS users have), not only libstdc++. A syntax check
# (-fsyntax-only): it catches what differs between the two libraries' headers (a defaulted
# operator<=> over std::string members, std::ranges algorithms libc++ 14 lacks...) at a fraction of
# a build's cost.
set -euo pipefail
src=$1 build=$2
skip() { echo "SKIP: $*" >&2; exit 77; }
command -v clang++ >/dev/null 2>&1 || skip "clang++ is not installed"
if ! echo '#include <string>' | clang++ -std=c++20 -stdlib=libc++ -fsyntax-only -x c++ - 2>/dev/null; then
  [[ ${DRDB_REQUIRE_LINT_TOOLS:-} == 1 ]] && { echo "FAIL: libc++ headers are not installed (libc++-dev)" >&2; exit 1; }
  skip "libc++ headers are not installed (libc++-dev)"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The flags in a response file (clang++ @file): paths with spaces survive xargs.
printf '%s\n' -std=c++20 -stdlib=libc++ -fsyntax-only "-I$src/include" "-I$src/lib" "-I$build/generated/include" \
  "-I$build/version/include" >"$work/flags"
sed -i 's/ /\\ /g' "$work/flags"
echo '#include <drdb/drdb.hpp>' >"$work/all.cpp"
clang++ @"$work/flags" "$work/all.cpp" || { echo "FAIL: drdb/drdb.hpp does not compile with libc++" >&2; exit 1; }
cd "$src"
find lib -name '*.cpp' -print0 | sort -z |
  xargs -0 -P "$(nproc)" -I{} sh -c 'clang++ @"$1" "$2" >/dev/null 2>&1 || echo "$2"' _ "$work/flags" {} >"$work/failed"
if [[ -s $work/failed ]]; then
  echo "FAIL: these files do not compile with libc++:" >&2
  while IFS= read -r f; do
    echo "$f" >&2
    clang++ @"$work/flags" "$f" 2>&1 | grep -m 3 'error:' >&2 || true
  done <"$work/failed"
  exit 1
fi
echo "every library source and drdb/drdb.hpp compile with clang and libc++"
