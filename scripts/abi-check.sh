#!/usr/bin/env bash
# Compares the ABI of a built libinkset.so with tests/abi/inkset.abi, the ABI of the last
# release, with abidiff (libabigail, Debian package abigail-tools). docs/api.md, "Versions and
# ABI", gives the rules.
#
#   scripts/abi-check.sh [BUILD]            check BUILD/libinkset.so (default: build)
#   scripts/abi-check.sh --update [BUILD]   write BUILD's ABI as the new reference (at a release)
#
# Functions added since the reference pass. Anything else abidiff reports fails the check: a
# removed or changed function, or a public struct whose size or members changed. A struct
# that grew by the rules (a field appended to a struct with struct_size, or taken from the
# reserved room) is reported too, and passes once the reference is updated in the same
# commit; a real break also needs INK_SOVERSION raised in CMakeLists.txt. Needs a build with
# debug information (-g): RelWithDebInfo, or Release with CMAKE_C_FLAGS=-g as in test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
update=0
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
build=${1:-build}
lib=$build/libinkset.so
ref=tests/abi/inkset.abi
for tool in abidw abidiff; do
  command -v "$tool" >/dev/null || { echo "abi-check: $tool not found (apt-get install abigail-tools)" >&2; exit 1; }
done
[ -f "$lib" ] || { echo "abi-check: $lib not found; build first" >&2; exit 1; }
# Only what the public headers declare counts; the generated version header is among them.
headers=(--headers-dir include/inkset --header-file "$build/include/inkset/inkset-version.h")
if [ "$update" = 1 ]; then
  abidw "${headers[@]}" --drop-private-types --drop-undefined-syms --no-corpus-path \
    --out-file "$ref" "$lib"
  echo "abi-check: $ref now holds the ABI of $lib"
  exit 0
fi
rc=0
abidiff --no-added-syms --drop-private-types --headers-dir2 include/inkset \
  --header-file2 "$build/include/inkset/inkset-version.h" "$ref" "$lib" || rc=$?
if [ "$rc" -ne 0 ]; then
  if [ $((rc & 8)) -ne 0 ]; then
    echo "abi-check: an incompatible ABI change: raise INK_SOVERSION in CMakeLists.txt, or undo it" >&2
  else
    echo "abi-check: the ABI changed (above). If the change follows the rules of docs/api.md," \
      "run scripts/abi-check.sh --update $build and commit $ref with it; if not, raise" \
      "INK_SOVERSION too" >&2
  fi
  exit 1
fi
echo "abi-check: $lib keeps the ABI of $ref"
