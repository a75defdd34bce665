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

# The example linked with the shared library, so that what inkset mallocs is told apart from
# the example's own; lib/text/hyphdict.c's functions (the only code of inkset's that mallocs
# outside the hook) get a row of their own.
if [ ! -f "$BUILD/libinkset.so" ]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" --target inkset >/dev/null
fi
cc -O2 -o "$WORK/firmware" examples/firmware/firmware.c -Iinclude -I"$BUILD/include" \
  -L"$BUILD" -linkset -Wl,-rpath,"$ROOT/$BUILD"
cc -shared -fPIC -O2 -Wall -Wextra -o "$WORK/heap.so" bench/heap.c -ldl
soname=$(objdump -p "$BUILD/libinkset.so" | awk '$1 == "SONAME" { print $2 }')
object=$(find "$BUILD" -path '*lib/text/hyphdict.c.o' | head -n 1)
ranges=$(nm -S "$BUILD/libinkset.so" | awk -v names="$(nm "$object" | awk '$2 ~ /^[tT]$/ { print $3 }')" '
  BEGIN { split(names, list, "\n"); for (i in list) want[list[i]] = 1 }
  $3 ~ /^[tT]$/ && ($4 in want) { printf "%s%s+%s", sep, $1, $2; sep = "," }')
if [ -z "$soname" ] || [ -z "$ranges" ]; then
  echo "heap.sh: no SONAME in $BUILD/libinkset.so, or none of hyphdict.c's functions in it" >&2
  exit 1
fi

HEAP_SPLIT="$soname:inkset outside the hook:$ranges" LD_PRELOAD="$WORK/heap.so" \
  "$WORK/firmware" fonts "$ARTICLE" "$WORK/page.raw" >"$WORK/out.txt" 2>"$WORK/heap.txt"

# The hook's row against the example's own count of the hook's peak: the split is right
# when they agree.
hook_row=$(awk -v lib="$soname" '$1 == lib { print $2 }' "$WORK/heap.txt")
context_peak=$(sed -n 's/.*context peak \([0-9]*\) bytes.*/\1/p' "$WORK/out.txt")
check="which differs from the example's count: the rows are not split right"
[ "$hook_row" = "$context_peak" ] && check="the same as the example's count"

{
  echo "# Heap outside the allocator hook (firmware example)"
  echo
  echo "Made by \`bash bench/heap.sh\` on $(date -u +%Y-%m-%d), $(uname -m), from"
  echo "\`examples/firmware/firmware.c fonts $ARTICLE\`, linked with the shared library."
  echo "Each malloc, calloc and realloc of the process is charged to the library whose code"
  echo "called it (bench/heap.c). \"$soname\" is the context's default hook: every inkset"
  echo "allocation that follows the rules, and FreeType's. \"inkset outside the hook\" is"
  echo "what lib/text/hyphdict.c mallocs: the hyphenation dictionaries it builds for libhyphen,"
  echo "one block of states, transitions and match strings per level, counted in none of the hook's figures."
  echo "\"firmware\" is the example's own: its font \"ROM\" and the article's JSON. Memory a"
  echo "library maps (ICU's data) is not heap and is not here. The X11, pixman, glib and C++ rows are those"
  echo "libraries' own start-up, loaded with cairo (PDF output), which the example does not use."
  echo
  echo "The example's own report (the hook's peak; the $soname row's peak is $hook_row bytes,"
  echo "$check):"
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
