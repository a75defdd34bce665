#!/usr/bin/env bash
# Cross-builds inkset for a kiosk CPU (arm64 by default, or armhf), runs the whole ctest suite
# under qemu-user, and checks that the sample articles come out of the ARM build as the same
# bytes as out of the host's: every sample on every bundled template (pages and layout JSON,
# which makeup_ratchet writes) and the golden tests' PNG pages.
#
#   bash scripts/cross-test.sh [arm64|armhf]
#
# The target's -dev packages are never installed on the host: they are downloaded with a
# private apt state (the host's sources, the target's architecture, nothing of dpkg's own
# state touched) and unpacked with dpkg -x into a sysroot kept in the build folder, so a second
# run downloads nothing. Environment: INK_CROSS_BUILD (default build-cross-ARCH),
# INK_HOST_BUILD (a built host tree to compare with; default: one is built in
# build-cross-host; one whose ctest has run is reused as it is), INK_CROSS_PROPERTY_ARTICLES
# and INK_CROSS_OOM_STRIDE (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:-arm64}
case $arch in
  arm64) triple=aarch64-linux-gnu toolchain=cmake/toolchain-aarch64.cmake qemu=qemu-aarch64 ;;
  armhf) triple=arm-linux-gnueabihf toolchain=cmake/toolchain-armhf.cmake qemu=qemu-arm ;;
  *) echo "cross-test.sh: unknown architecture $arch (arm64 or armhf)" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
build=${INK_CROSS_BUILD:-build-cross-$arch}
sysroot=$PWD/$build/sysroot
start=$SECONDS
stage() { echo "== cross $arch: $1 ($((SECONDS - start)) s)"; }

# Host tools: the cross compiler and qemu-user, installed only when missing.
bash scripts/deps.sh "gcc-$triple" "binutils-$triple" qemu-user

# The target's packages: what the library links (PDF output, which kiosks leave out, is off
# here, so cairo's tree is not needed) and the C library to link against.
target_packages=(libc6-dev libfreetype-dev libharfbuzz-dev libfribidi-dev libunibreak-dev
  libthai-dev libpng-dev libjpeg62-turbo-dev libmd4c-dev libcjson-dev libicu-dev libhyphen-dev
  zlib1g-dev)
stamp=$sysroot/.inkset-packages
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${target_packages[*]}" ]; then
  stage "sysroot from Debian's $arch packages"
  apt=$PWD/$build/apt
  rm -rf "$sysroot" "$apt"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/preferences.d" "$sysroot"
  : >"$apt/status"
  # An empty dpkg status: apt resolves the packages' whole dependency tree for the target,
  # and the host's own package state is neither read nor written.
  aptopts=(-o "APT::Architecture=$arch" -o "APT::Architectures::=$arch"
    -o "Dir::State=$apt" -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status"
    -o "Dir::Cache=$apt" -o "Dir::Cache::Archives=$apt/archives"
    -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$apt/preferences.d"
    -o APT::Install-Recommends=0 -o Debug::NoLocking=1)
  fetched=no
  for i in 1 2 3; do
    if apt-get "${aptopts[@]}" -qq update &&
       apt-get "${aptopts[@]}" -qq -y install --download-only "${target_packages[@]}" >/dev/null; then
      fetched=yes
      break
    fi
    echo "cross-test.sh: fetching the $arch packages failed (try $i), retrying" >&2
    sleep $((i * 5))
  done
  [ $fetched = yes ] || { echo "cross-test.sh: could not fetch the $arch packages" >&2; exit 1; }
  for deb in "$apt"/archives/*.deb; do
    dpkg -x "$deb" "$sysroot"
  done
  # Debian 12 is merged-/usr; the unpacked packages keep some files in /lib, which the
  # loader and the linker then find through /usr/lib too.
  for d in lib; do
    if [ -d "$sysroot/$d" ] && [ ! -L "$sysroot/$d" ]; then
      cp -a "$sysroot/$d/." "$sysroot/usr/$d/"
      rm -rf "${sysroot:?}/$d"
      ln -s "usr/$d" "$sysroot/$d"
    fi
  done
  rm -rf "$apt/archives"
  echo "${target_packages[*]}" >"$stamp"
fi

stage "configure and build"
cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DINK_SYSROOT="$sysroot" \
  -DCMAKE_BUILD_TYPE=Release -DINK_DEVELOPER=ON -DINK_WITH_PDF=OFF >/dev/null
cmake --build "$build" -j"$jobs" >/dev/null

stage "ctest under $qemu"
# Under the emulator the suite's heaviest loops run shorter, through their own knobs: 6 random
# articles in test_property (500 natively) and about 20 failing allocations in test_oom
# (about 400). Everything else runs as it does natively.
PROPERTY_ARTICLES=${INK_CROSS_PROPERTY_ARTICLES:-6} INK_OOM_STRIDE=${INK_CROSS_OOM_STRIDE:-250} \
  ctest --test-dir "$build" --output-on-failure -j"$jobs"

# makeup_ratchet has rendered every sample article on every bundled template (raw pages and
# layout JSON) and the golden tests their pages as PNG; the host's build must have made the
# same files, byte for byte.
stage "the sample articles' pages and layouts, byte for byte against the host"
host=${INK_HOST_BUILD:-}
if [ -z "$host" ]; then
  host=build-cross-host
  cmake -S . -B "$host" -DCMAKE_BUILD_TYPE=Release -DINK_WITH_PDF=OFF >/dev/null
  cmake --build "$host" -j"$jobs" >/dev/null
fi
if [ ! -d "$host/makeup" ] || [ ! -d "$host/golden" ]; then
  ctest --test-dir "$host" -j"$jobs" -R "^(makeup_ratchet|golden_)" >/dev/null
fi
compared=0
for dir in makeup golden; do
  while IFS= read -r file; do
    case $file in *-actual.png | *-diff.png) continue ;; esac
    if ! cmp -s "$host/$dir/$file" "$build/$dir/$file"; then
      echo "cross-test.sh: $dir/$file differs between $host (host) and $build ($arch)" >&2
      exit 1
    fi
    compared=$((compared + 1))
  done < <(cd "$host/$dir" && find . -type f | sort)
done
# Fewer than the samples on the templates would mean the ratchet's outputs went elsewhere.
[ "$compared" -ge 100 ] || { echo "cross-test.sh: only $compared files compared" >&2; exit 1; }
stage "$compared files identical; done"
