#!/usr/bin/env bash
# run.sh BUILD_DIR WORK_DIR GENERATOR CXX: packages the drdb build as a Debian package with cpack,
# checks its metadata, unpacks it (dpkg-deb -x) into WORK_DIR/root, builds the consumer project of
# this folder against that root only, then checks what it produced: the path a user of the .deb takes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$1 work=$2 generator=$3 cxx=$4

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"

step "cpack -G DEB in $build"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/dist") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack"; }
version=$("$build/drdb-synth" --version | awk '{print $NF}')
shopt -s nullglob
debs=("$work"/dist/drdb_"$version"_*.deb)
[[ ${#debs[@]} -eq 1 ]] || fail "expected one drdb_${version}_<arch>.deb in $work/dist, found: $(ls "$work/dist")"
deb=${debs[0]}
rm -rf "$work/dist/_CPack_Packages"  # cpack's staging copy: as large as the package unpacked
[[ $(dpkg-deb -f "$deb" Package) == drdb ]] || fail "the package is not named drdb"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "the package version is not drdb-synth's ($version)"

step "every Depends: entry is a Debian package that exists"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ -n $depends ]] || fail "the package declares no dependencies"
# "a (>= 1), b | c" -> a b c: every alternative must exist.
for name in $(echo "$depends" | tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any$//; s/^ +//; s/ +$//' | sort -u); do
  apt-cache show "$name" >/dev/null 2>&1 || fail "Depends names $name, which apt does not know"
done

step "dpkg-deb -x into $work/root"
dpkg-deb -x "$deb" "$work/root"
prefix=$work/root/usr
for f in include/drdb/drdb.hpp include/drdb/version.hpp bin/drdb-synth share/drdb/drdb-spec.schema.json \
         share/doc/drdb/LICENSE share/doc/drdb/NOTICE; do
  [[ -e $prefix/$f ]] || fail "not in the package: /usr/$f"
done
config=$(find "$prefix" -name drdbConfig.cmake -print -quit)
pc=$(find "$prefix" -name drdb.pc -print -quit)
[[ -n $config ]] || fail "drdbConfig.cmake not installed"
[[ -n $pc ]] || fail "drdb.pc not installed"
[[ -e $(dirname "$config")/drdbConfigVersion.cmake && -e $(dirname "$config")/DrdbSynth.cmake ]] ||
  fail "drdbConfigVersion.cmake or DrdbSynth.cmake missing beside drdbConfig.cmake"
# The package must be relocatable: no path into the build or source tree (the library itself names
# its sources in debug information and sanitizer metadata, which nothing reads to find files).
if grep -rlF -e "$(cd "$build" && pwd)" -e "$(cd "$here/../.." && pwd)/include" "$prefix/lib" "$prefix/share" 2>/dev/null |
  grep -vE '/libdrdb\.(a|so[.0-9]*)$'; then
  fail "installed files above name the build or source tree"
fi
"$prefix/bin/drdb-synth" --version
[[ $(grep -E "^Version:" "$pc" | awk '{print $2}') == "$version" ]] || fail "drdb.pc says another version than $version"
grep -q "\"$version\"" "$(dirname "$config")/drdbConfigVersion.cmake" || fail "drdbConfigVersion.cmake says another version than $version"

step "the installed headers compile warning-free with each compiler users have"
# The suite's own build is clang's; users on Debian compile these headers with g++ too.
echo '#include <drdb/drdb.hpp>' >"$work/all_headers.cpp"
for compiler in g++ clang++; do
  command -v "$compiler" >/dev/null 2>&1 || continue
  "$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast \
    -Wno-missing-field-initializers -Werror -I"$prefix/include" "$work/all_headers.cpp" || fail "$compiler warns on the headers"
  echo "$compiler: no warning"
done

step "configure and build the consumer"
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
cmake -S "$here" -B "$work/build" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$work/configure.log" ||
  { cat "$work/configure.log" >&2; fail "configure"; }
cmake --build "$work/build" || fail "build"

step "a -Wall -Wextra -Werror app built with g++ needs no flag of its own"
# GCC warns about members left out of designated initializers; drdb::drdb's interface turns that off.
if command -v g++ >/dev/null 2>&1; then
  cmake -S "$here" -B "$work/gcc" -G "$generator" -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    >"$work/gcc-configure.log" || { cat "$work/gcc-configure.log" >&2; fail "configure with g++"; }
  # The object only: a sanitized libdrdb links with its own compiler's runtime.
  cmake --build "$work/gcc" --target CMakeFiles/consumer_app.dir/app.cpp.o || fail "g++ -Wall -Wextra -Werror warns on the app"
fi

step "check the synthesized templates"
templates=$work/build/templates
for f in cloudformation/Storage.template.json cloudformation/Storage.template.yaml terraform/Storage/main.tf.json; do
  [[ -s $templates/$f ]] || fail "drdb_add_synth did not produce $f"
done
grep -q '"AWS::S3::Bucket"' "$templates/cloudformation/Storage.template.json" || fail "no bucket in the template"
[[ -e $work/build/template-size.txt ]] || fail "the target depending on a template did not run"

step "run the consumers"
"$work/build/consumer_app" list | tee "$work/list.txt"
grep -q '^Storage ' "$work/list.txt" || fail "consumer_app list does not show the stack"
"$work/build/consumer_pkgconfig" | tee "$work/pkgconfig.txt"
grep -qx 'cloudformation/Plain.template.json' "$work/pkgconfig.txt" || fail "the pkg-config consumer synthesized nothing"

step "a second build does nothing"
cmake --build "$work/build" | tee "$work/rebuild.log"
grep -q 'Synthesizing' "$work/rebuild.log" && fail "templates re-synthesized without a change"
step "scaffold an app with init, build it, and find its templates"
"$prefix/bin/drdb-synth" init "$work/scaffold" --name scaffold_app --stack Demo --region eu-west-1 ||
  fail "drdb-synth init"
[[ -e $work/scaffold/.gitignore && -e $work/scaffold/README.md ]] || fail "init did not write .gitignore and README.md"
cmake -S "$work/scaffold" -B "$work/scaffold/build" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  >"$work/scaffold-configure.log" || { cat "$work/scaffold-configure.log" >&2; fail "configure the scaffolded app"; }
cmake --build "$work/scaffold/build" || fail "build the scaffolded app"
for f in cloudformation/Demo.template.json cloudformation/Demo.template.yaml terraform/Demo/main.tf.json; do
  [[ -s $work/scaffold/build/templates/$f ]] || fail "the scaffolded app did not synthesize $f"
done
"$prefix/bin/drdb-synth" init "$work/scaffold" && fail "init into a non-empty directory succeeded"

step "scaffold a spec app with the installed tool, synthesize it, and find the installed schema"
"$prefix/bin/drdb-synth" init "$work/spec_app" --kind spec --stack Lake || fail "drdb-synth init --kind spec"
(cd "$work/spec_app" && "$prefix/bin/drdb-synth" --app app.yaml synth --out out >/dev/null) || fail "the scaffolded spec did not synthesize"
[[ -s $work/spec_app/out/cloudformation/Lake.template.json ]] || fail "the scaffolded spec wrote no template"
[[ -s $prefix/share/drdb/drdb-spec.schema.json ]] || fail "the spec schema was not installed"

echo "package test passed"
