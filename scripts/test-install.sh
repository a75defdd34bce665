#!/usr/bin/env bash
# Installs a built tree into a temporary prefix, moves the prefix elsewhere, and builds
# examples/minimal against it (copied out of the source tree) four ways: pkg-config shared,
# pkg-config static, find_package inkset::inkset and inkset::inkset_static. Each program must
# write the same valid PNG. Also checks that no installed file names the source or build
# tree, that only what users need is installed, and that the installed CLI finds its fonts.
# While the programs run, the build tree is renamed away so that nothing can come from it.
#
#   bash scripts/test-install.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd -P)
build=$(cd "${1:-build}" && pwd -P)
tmp=$(mktemp -d)
away="$build.away-during-test-install"
restore() {
  [ -d "$away" ] && mv "$away" "$build"
  rm -rf "$tmp"
}
trap restore EXIT
fail() { echo "test-install: $*" >&2; exit 1; }
warn="-Wall -Wextra -Werror"

echo "-- install into a temporary prefix, then move it"
cmake --install "$build" --prefix "$tmp/first" >/dev/null
mv "$tmp/first" "$tmp/prefix"
prefix=$tmp/prefix
pc=$(find "$prefix" -name inkset.pc -printf '%h\n')
[ -n "$pc" ] || fail "no inkset.pc installed"
for f in inkset-static.pc; do [ -f "$pc/$f" ] || fail "$f not installed"; done
[ -d "$prefix/share/inkset/fonts" ] || fail "no fonts in share/inkset/fonts"
[ ! -e "$prefix/share/inkset/fonts/tools" ] || fail "fonts/tools installed"

echo "-- no installed file names the source or build tree"
for dir in "$src" "$build"; do
  if grep -rlF "$dir" "$prefix"; then fail "the files above name $dir"; fi
done

cp -r examples/minimal "$tmp/minimal"
cp examples/articles/pakistan-china-pact.md "$tmp/article.md"
mv "$build" "$away"
cd "$tmp"

# Runs a program that links inkset; it must write page.png. Static programs outside the
# prefix cannot find the installed fonts themselves, so they are named (INKSET_FONT_DIR).
run() {
  local name=$1 exe=$2 fonts=$3
  if ldd "$exe" | grep -F -e "$src" -e "$build"; then fail "$name: links the tree above"; fi
  if [ "$fonts" = named ]; then
    INKSET_FONT_DIR=$prefix/share/inkset/fonts "$exe" "$tmp/$name.png" >/dev/null
  else
    env -u INKSET_FONT_DIR "$exe" "$tmp/$name.png" >/dev/null
  fi
  [ "$(head -c 8 "$tmp/$name.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "$name: not a PNG"
  [ "$(tail -c 8 "$tmp/$name.png" | head -c 4)" = IEND ] || fail "$name: PNG without IEND"
  cmp "$tmp/$name.png" "$tmp/pkg-shared.png" || fail "$name: not the same page as pkg-shared"
  echo "$name: $(stat -c %s "$tmp/$name.png") bytes of PNG"
}
needed() { readelf -d "$1" | grep -c 'NEEDED.*libinkset' || true; }

echo "-- pkg-config, shared"
export PKG_CONFIG_PATH=$pc
make -s -C minimal CFLAGS="$warn" LDFLAGS="-Wl,-rpath,$(pkg-config --variable=libdir inkset)"
[ "$(needed minimal/minimal)" = 1 ] || fail "pkg-shared: not linked with libinkset.so"
mv minimal/minimal pkg-shared
run pkg-shared ./pkg-shared found

echo "-- pkg-config, static"
make -s -C minimal CFLAGS="$warn" STATIC=1
[ "$(needed minimal/minimal)" = 0 ] || fail "pkg-static: linked with libinkset.so"
mv minimal/minimal pkg-static
run pkg-static ./pkg-static named

for kind in shared static; do
  echo "-- find_package, inkset::inkset$([ $kind = static ] && echo _static)"
  static=$([ $kind = static ] && echo ON || echo OFF)
  cmake -S minimal -B "cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" -DINKSET_STATIC=$static \
    -DCMAKE_C_FLAGS="$warn" >/dev/null
  cmake --build "cmake-$kind" >/dev/null
  if grep -rlF -e "$src" -e "$build" "cmake-$kind"; then fail "cmake-$kind: uses the tree"; fi
  [ "$(needed "cmake-$kind/minimal")" = $([ $kind = static ] && echo 0 || echo 1) ] ||
    fail "cmake-$kind: links the wrong libinkset"
  run "cmake-$kind" "cmake-$kind/minimal" $([ $kind = static ] && echo named || echo found)
done

echo "-- the installed CLI finds the installed fonts (by path and on PATH)"
env -u INKSET_FONT_DIR "$prefix/bin/inkset" render article.md -o out1 >/dev/null
env -u INKSET_FONT_DIR PATH="$prefix/bin:$PATH" inkset render article.md -o out2 >/dev/null
cmp out1/page-001.png out2/page-001.png
echo "test-install: all four ways work"
