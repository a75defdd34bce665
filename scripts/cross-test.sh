#!/usr/bin/env bash
# Cross-builds inkset for a kiosk CPU (arm64 by default, or armhf), runs tests under qemu-user,
# and checks that the ARM build sets the sample articles in the same bytes as the host's.
#
#   bash scripts/cross-test.sh [arm64|armhf]           # the whole suite (an hour and more)
#   bash scripts/cross-test.sh [arm64|armhf] --quick   # CI's stage (scripts/test.sh)
#
# The whole run: every ctest test under qemu, then every sample on every bundled template
# (pages and layout JSON, which makeup_ratchet writes) and the golden tests' PNG pages against
# a host build's. --quick builds the library, the command-line tool and QUICK_TESTS below,
# runs those tests under qemu, and renders QUICK_ARTICLES on each bundled template (PNG
# pages, raw panel bytes, layout JSON) with the ARM tool and the host's, compared byte for
# byte.
#
# The target's -dev packages are never installed on the host: they are downloaded with a
# private apt state (the host's sources, the target's architecture, nothing of dpkg's own
# state touched) and unpacked with dpkg -x into a sysroot kept in the build folder, so a
# second run downloads nothing; the .deb files are kept in INK_CROSS_CACHE (default
# ~/.cache/inkset/debs-ARCH), so a fresh build folder downloads only what changed.
# Environment: INK_CROSS_BUILD (default build-cross-ARCH), INK_HOST_BUILD (a built host tree
# to compare with; default: one is built in build-cross-host; for the whole run, one whose
# ctest has run is reused as it is), INK_CROSS_PROPERTY_ARTICLES and INK_CROSS_OOM_STRIDE
# (see below). ccache is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=arm64 quick=no
for arg in "$@"; do
  case $arg in
    --quick) quick=yes ;;
    *) arch=$arg ;;
  esac
done
case $arch in
  arm64) triple=aarch64-linux-gnu toolchain=cmake/toolchain-aarch64.cmake qemu=qemu-aarch64 ;;
  armhf) triple=arm-linux-gnueabihf toolchain=cmake/toolchain-armhf.cmake qemu=qemu-arm ;;
  *) echo "cross-test.sh: unknown architecture $arch (arm64 or armhf)" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
build=${INK_CROSS_BUILD:-build-cross-$arch}
sysroot=$PWD/$build/sysroot
cache=${INK_CROSS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inkset/debs-$arch}
mkdir -p "$build"
start=$SECONDS
# Each stage line gives the wall time so far and the CPU time of the programs run so far
# (user + system, from bash's times): on a busy machine the CPU time is the steadier figure.
stage() {
  times >"$build/.times"   # in this shell: a command substitution would be a subshell's
  local cpu
  cpu=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] }
                       printf "%.0f", s }' "$build/.times")
  echo "== cross $arch: $1 ($((SECONDS - start)) s, CPU ${cpu} s)"
}

# Host tools: the cross compiler and qemu-user, installed only when missing.
bash scripts/deps.sh "gcc-$triple" "binutils-$triple" qemu-user

# The target's packages: what the library links (PDF output, which kiosks leave out, is off
# here, so cairo's tree is not needed) and the C library to link against.
target_packages=(libc6-dev libfreetype-dev libharfbuzz-dev libfribidi-dev libunibreak-dev
  libthai-dev libpng-dev libjpeg62-turbo-dev libmd4c-dev libcjson-dev libicu-dev libhyphen-dev
  zlib1g-dev libdeflate-dev)
stamp=$sysroot/.inkset-packages
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "${target_packages[*]}" ]; then
  stage "sysroot from Debian's $arch packages"
  apt=$PWD/$build/apt
  rm -rf "$sysroot" "$apt"
  mkdir -p "$apt/lists/partial" "$cache/partial" "$apt/preferences.d" "$sysroot"
  : >"$apt/status"
  # An empty dpkg status: apt resolves the packages' whole dependency tree for the target,
  # and the host's own package state is neither read nor written.
  aptopts=(-o "APT::Architecture=$arch" -o "APT::Architectures::=$arch"
    -o "Dir::State=$apt" -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status"
    -o "Dir::Cache=$apt" -o "Dir::Cache::Archives=$cache"
    -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$apt/preferences.d"
    -o APT::Install-Recommends=0 -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  # apt downloads only the .deb files the cache does not hold already (checked by their
  # hashes); its plan ("Inst NAME (VERSION ... [ARCH])") names the files to unpack.
  fetched=no
  for i in 1 2 3 4; do
    if apt-get "${aptopts[@]}" -qq update &&
       apt-get "${aptopts[@]}" -qq -y -s install "${target_packages[@]}" >"$apt/plan" &&
       apt-get "${aptopts[@]}" -qq -y install --download-only "${target_packages[@]}" >/dev/null
    then
      fetched=yes
      break
    fi
    echo "cross-test.sh: fetching the $arch packages failed (try $i of 4), retrying" >&2
    sleep $((i * 10))
  done
  if [ $fetched != yes ]; then
    echo "cross-test.sh: could not download Debian's $arch packages (${target_packages[*]})" \
      "with the host's apt sources; see apt's messages above" >&2
    exit 1
  fi
  debs=0
  while read -r name version debarch; do
    deb=$cache/${name}_${version//:/%3a}_$debarch.deb
    if [ ! -f "$deb" ] || ! dpkg -x "$deb" "$sysroot"; then
      echo "cross-test.sh: $deb is missing or not a package; delete $cache and run again" >&2
      exit 1
    fi
    debs=$((debs + 1))
  done < <(sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) [^[]*\[\([^]]*\)\]).*/\1 \2 \3/p' "$apt/plan")
  [ "$debs" -gt 0 ] || { echo "cross-test.sh: no packages in apt's plan ($apt/plan)" >&2; exit 1; }
  echo "   $debs packages unpacked into $sysroot ($(du -sh "$cache" | cut -f1) of .deb files in $cache)"
  # Debian 12 is merged-/usr; the unpacked packages keep some files in /lib, which the
  # loader and the linker then find through /usr/lib too.
  for d in lib; do
    if [ -d "$sysroot/$d" ] && [ ! -L "$sysroot/$d" ]; then
      cp -a "$sysroot/$d/." "$sysroot/usr/$d/"
      rm -rf "${sysroot:?}/$d"
      ln -s "usr/$d" "$sysroot/$d"
    fi
  done
  echo "${target_packages[*]}" >"$stamp"
fi

compared=0
# Counts a file the host's build and the ARM build made alike; stops at the first that differs.
same() {
  if ! cmp -s "$1" "$2"; then
    echo "cross-test.sh: $2 ($arch) differs from $1 (host)" >&2
    exit 1
  fi
  compared=$((compared + 1))
}

# Unit tests that run in seconds under qemu yet cover the arithmetic a CPU could change:
# Knuth-Plass lines, dithering and packing, PNG output, whole pages (test_e2e against the
# golden pages) and four threads sharing a fontset. Articles in four scripts, one with a
# picture, hyphenated in English and German. (test_hyphdict and test_hyphen take minutes
# under qemu: the whole run has them.)
QUICK_TESTS=(test_core test_kp test_kp_limits test_pixels test_pixels_dither test_render
  test_e2e test_threads)
QUICK_ARTICLES=(bakery-fire.md leipzig-tram.de.md haifa-port.he.md karachi-monsoon.ur.md
  chengdu-metro.zh.md dscovr-launch.md)

# --quick: the library, the tool and QUICK_TESTS built; the tests under qemu; the articles
# rendered on every bundled template by both tools, every file compared.
quick() {
  cmake --build "$build" -j"$jobs" --target inkset_cli "${QUICK_TESTS[@]}" >/dev/null
  stage "${#QUICK_TESTS[@]} unit tests under $qemu"
  local regex
  regex="^($(IFS='|'; echo "${QUICK_TESTS[*]}"))\$"
  ctest --test-dir "$build" --output-on-failure -j"$jobs" -R "$regex"
  stage "${#QUICK_ARTICLES[@]} articles on every template, byte for byte against the host"
  local out=$build/quick-compare articles=() t
  rm -rf "$out"
  mkdir -p "$out"
  for a in "${QUICK_ARTICLES[@]}"; do articles+=("examples/articles/$a"); done
  for t in $("$host/inkset" templates); do
    for side in host "$arch"; do
      local tool=$host/inkset
      [ "$side" = host ] || tool=$build/emulated/inkset_cli
      # Exit 3: an article longer than the page limit, the same on both sides.
      INKSET_FONT_DIR=$PWD/fonts "$tool" render "${articles[@]}" -t "$t" --max-pages 2 \
        --layout-json layout.json -o "$out/$side/$t" -j 2 2>"$out/$t.$side.log" ||
        [ $? = 3 ] || { cat "$out/$t.$side.log" >&2; exit 1; }
      INKSET_FONT_DIR=$PWD/fonts "$tool" render "${articles[@]}" -t "$t" --max-pages 1 \
        --format raw -o "$out/$side/$t-raw" -j 2 2>/dev/null || [ $? = 3 ] || exit 1
    done
    while IFS= read -r file; do
      same "$out/host/$file" "$out/$arch/$file"
    done < <(cd "$out/host" && find "$t" "$t-raw" -type f | sort)
  done
  [ "$compared" -ge 50 ] || { echo "cross-test.sh: only $compared files compared" >&2; exit 1; }
  stage "$compared files identical; done"
}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache)
host=${INK_HOST_BUILD:-}
if [ -z "$host" ]; then
  host=build-cross-host
  stage "host build to compare with ($host)"
  cmake -S . -B "$host" -DCMAKE_BUILD_TYPE=Release -DINK_WITH_PDF=OFF "${launcher[@]}" >/dev/null
  cmake --build "$host" -j"$jobs" --target inkset_cli >/dev/null
fi

stage "configure and build for $arch"
cmake -S . -B "$build" --no-warn-unused-cli -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  -DINK_SYSROOT="$sysroot" -DCMAKE_BUILD_TYPE=Release -DINK_DEVELOPER=ON -DINK_WITH_PDF=OFF "${launcher[@]}" >/dev/null
if [ $quick = yes ]; then
  quick
  exit 0
fi
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
if [ ! -d "$host/makeup" ] || [ ! -d "$host/golden" ]; then
  cmake --build "$host" -j"$jobs" >/dev/null
  ctest --test-dir "$host" -j"$jobs" -R "^(makeup_ratchet|golden_)" >/dev/null
fi
compared=0
for dir in makeup golden; do
  while IFS= read -r file; do
    case $file in *-actual.png | *-diff.png) continue ;; esac
    same "$host/$dir/$file" "$build/$dir/$file"
  done < <(cd "$host/$dir" && find . -type f | sort)
done
# Fewer than the samples on the templates would mean the ratchet's outputs went elsewhere.
[ "$compared" -ge 100 ] || { echo "cross-test.sh: only $compared files compared" >&2; exit 1; }
stage "$compared files identical; done"
