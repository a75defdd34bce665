#!/usr/bin/env bash
# The heap outside inkset's allocator hook, per library, for the firmware example
# (examples/firmware): bench/heap.c preloaded into it. Writes bench/HEAP.md (and prints it).
#
#   bash bench/heap.sh            # BUILD: a built tree (default build; built when missing)
#
# The firmware example renders one article from fonts in memory into 16-row bands; what its
# context's hook saw at the peak is the example's own line. Nothing here asserts a size.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build}
ARTICLE=examples/articles/pakistan-china-pact.json
WORK=$(mktemp -d "${TMPDIR:-/tmp}/inkset-heap.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$BUILD/example_firmware" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" --target example_firmware >/dev/null
fi
cc -shared -fPIC -O2 -Wall -Wextra -o "$WORK/heap.so" bench/heap.c -ldl

LD_PRELOAD="$WORK/heap.so" "$BUILD/example_firmware" fonts "$ARTICLE" "$WORK/page.raw" \
  >"$WORK/out.txt" 2>"$WORK/heap.txt"

{
  echo "# Heap outside the allocator hook (firmware example)"
  echo
  echo "Made by \`bash bench/heap.sh\` on $(date -u +%Y-%m-%d), $(uname -m), from"
  echo "\`example_firmware fonts $ARTICLE\`. Each malloc, calloc and realloc of the process"
  echo "is charged to the library whose code called it (bench/heap.c); \"(program)\" is the"
  echo "example itself with inkset linked in statically: what inkset allocates goes through"
  echo "the context's hook, so this row is the example's own font \"ROM\" and file reads."
  echo "Memory a library maps (ICU's data, the fonts' files) is not heap and is not here."
  echo
  echo "The example's own report (the hook's peak):"
  echo
  echo '```'
  cat "$WORK/out.txt"
  echo '```'
  echo
  echo '```'
  cat "$WORK/heap.txt"
  echo '```'
} >bench/HEAP.md
cat bench/HEAP.md
