#!/usr/bin/env bash
# inkset benchmark: speed and memory of inkset side by side with MuPDF and WeasyPrint, in one
# run, reported as ratios. Writes bench/RESULTS.md (and prints it).
#
#   bash bench/run.sh            # from anywhere; takes a few minutes
#
# Environment: REPS (timed repetitions per measurement, default 7), BUILD (build folder,
# default build-bench), NO_INSTALL=1 (never call apt-get), NO_CALLGRIND=1 (skip the
# instruction counts).
#
# What is measured is described in docs/performance.md. Nothing here asserts a time: the
# script fails only when something cannot be built or run.
set -u
set -o pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build-bench}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
REPS=${REPS:-7}
ARTICLE=examples/articles/pakistan-china-pact.md
RESULTS=bench/RESULTS.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/inkset-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

say () { printf '== %s\n' "$*" >&2; }
die () { printf 'bench: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Tools. A reference that cannot be installed is reported as missing, never faked.
MISSING=()
APT_UPDATED=0
as_root () {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}
# need COMMAND PACKAGE: installs PACKAGE with apt-get when COMMAND is missing.
need () {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "${NO_INSTALL:-0}" != 1 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing $pkg (for $cmd)"
    if [ $APT_UPDATED = 0 ]; then
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
      APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "$pkg" >"$WORK/apt-$pkg.log" 2>&1 || true
  fi
  if command -v "$cmd" >/dev/null 2>&1; then return 0; fi
  say "missing: $cmd (Debian package $pkg); its measurements are left out"
  MISSING+=("$cmd ($pkg)")
  return 1
}

need cmake cmake || die "cmake is needed to build inkset"
need cc gcc || die "a C compiler is needed"
HAVE_TIME=0; need /usr/bin/time time && HAVE_TIME=1
HAVE_MUTOOL=0; need mutool mupdf-tools && HAVE_MUTOOL=1
HAVE_WEASY=0; need weasyprint weasyprint && HAVE_WEASY=1
HAVE_PDFTOPPM=0; need pdftoppm poppler-utils && HAVE_PDFTOPPM=1
HAVE_VALGRIND=0
if [ "${NO_CALLGRIND:-0}" != 1 ]; then need valgrind valgrind && HAVE_VALGRIND=1; fi
[ $HAVE_TIME = 1 ] || die "/usr/bin/time (package time) is needed for peak memory"

# ---------------------------------------------------------------------------------------------
# Build inkset in Release, and the two benchmark programs against its shared library.
say "building inkset (Release) in $BUILD"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DINK_BUILD_TESTS=OFF >"$WORK/cmake.log" 2>&1 \
  || { cat "$WORK/cmake.log" >&2; die "cmake configure failed"; }
cmake --build "$BUILD" -j2 >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; die "the Release build failed"; }
INKSET="$BUILD/inkset"
for prog in layout_bench strips; do
  cc -O2 -g -std=c11 -Wall -Wextra -Werror -Iinclude -I"$BUILD/include" "bench/$prog.c" \
     -o "$BUILD/$prog" -L"$BUILD" -linkset -Wl,-rpath,"$BUILD" \
    || die "bench/$prog.c does not build"
done

# ---------------------------------------------------------------------------------------------
# measure NAME COMMAND...: one warm-up run, then REPS timed runs. Wall time from the monotonic
# clock around each run, peak RSS from /usr/bin/time. Sets T_MS[NAME] (median wall ms) and
# RSS_KB[NAME] (median peak RSS in KiB); a failing command leaves them unset and is reported.
declare -A T_MS RSS_KB FAILED
median () { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
  if (NR % 2) printf "%s\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
measure () {
  local name=$1; shift
  local reps=${MEASURE_REPS:-$REPS} i t0 t1
  : >"$WORK/t.$name"; : >"$WORK/m.$name"
  if ! "$@" >"$WORK/out.$name" 2>&1; then
    FAILED[$name]=$(tail -3 "$WORK/out.$name" | tr '\n' ' ')
    say "$name failed: ${FAILED[$name]}"
    return 1
  fi
  for ((i = 0; i < reps; i++)); do
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>&1 || { FAILED[$name]="exit status"; return 1; }
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) | awk '{ printf "%.3f\n", $1 / 1000 }' >>"$WORK/t.$name"
    tail -1 "$WORK/rss" >>"$WORK/m.$name"
  done
  T_MS[$name]=$(median <"$WORK/t.$name")
  RSS_KB[$name]=$(median <"$WORK/m.$name")
  say "$name: ${T_MS[$name]} ms, ${RSS_KB[$name]} KiB"
}
fmt_ms () { [ -n "${1:-}" ] && printf '%.1f' "$1" || printf 'n/a'; }
fmt_mib () { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || printf 'n/a'; }
ratio () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || printf 'n/a'; }
pngs () { ls "$1" 2>/dev/null | grep -c '\.png$' || true; }

# ---------------------------------------------------------------------------------------------
# a. inkset: the article on the default template (kiosk-10.3, 1404x1872, 4-bit grey) to PNG.
mkdir -p "$WORK/ink" "$WORK/mu" "$WORK/wp"
say "a. inkset render"
measure inkset "$INKSET" render "$ARTICLE" -o "$WORK/ink"
INK_PAGES=$(pngs "$WORK/ink")
INK_GEOM=$(file "$WORK/ink/page-001.png" 2>/dev/null | sed -n 's/.*PNG image data, \([0-9]* x [0-9]*\), \([^,]*\),.*/\1, \2/p')

# b. The same text as HTML and CSS (bench/sample.html, bench/sample.css).
# MuPDF lays HTML out in points and takes a CSS px as one: a 1404x1872 pt page at 72 dpi is
# 1404x1872 px. WeasyPrint keeps CSS px (1/96 in): its PDF is rasterised at 96 dpi.
MU_PAGES=; WP_PAGES=
if [ $HAVE_MUTOOL = 1 ]; then
  say "b. mutool draw (HTML to PNG)"
  measure mutool mutool draw -q -r 72 -W 1404 -H 1872 -c gray -o "$WORK/mu/page-%d.png" bench/sample.html \
    && MU_PAGES=$(pngs "$WORK/mu")
fi
if [ $HAVE_WEASY = 1 ]; then
  say "b. weasyprint (HTML to PDF)"
  measure weasy weasyprint bench/sample.html "$WORK/wp/sample.pdf" || true
  if [ -s "$WORK/wp/sample.pdf" ]; then
    if [ $HAVE_PDFTOPPM = 1 ]; then
      say "b. pdftoppm (PDF to PNG)"
      measure pdftoppm pdftoppm -r 96 -gray -png "$WORK/wp/sample.pdf" "$WORK/wp/pp" \
        && WP_PAGES=$(pngs "$WORK/wp")
    fi
    if [ $HAVE_MUTOOL = 1 ]; then
      say "b. mutool draw (PDF to PNG)"
      measure mupdfpdf mutool draw -q -r 96 -c gray -o "$WORK/wp/mu-%d.png" "$WORK/wp/sample.pdf" || true
    fi
  fi
fi
sum2 () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
max2 () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
WP_PP_MS=$(sum2 "${T_MS[weasy]:-}" "${T_MS[pdftoppm]:-}" || true)
WP_PP_KB=$(max2 "${RSS_KB[weasy]:-}" "${RSS_KB[pdftoppm]:-}" || true)
WP_MU_MS=$(sum2 "${T_MS[weasy]:-}" "${T_MS[mupdfpdf]:-}" || true)
WP_MU_KB=$(max2 "${RSS_KB[weasy]:-}" "${RSS_KB[mupdfpdf]:-}" || true)

# f. Instruction counts (callgrind), repeatable where wall time is not.
declare -A IR
ir_of () { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
if [ $HAVE_VALGRIND = 1 ]; then
  say "f. callgrind: inkset"
  rm -rf "$WORK/ink"; mkdir -p "$WORK/ink"
  if valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.inkset" "$INKSET" render "$ARTICLE" \
       -o "$WORK/ink" >/dev/null 2>&1; then
    IR[inkset]=$(ir_of "$WORK/cg.inkset")
    callgrind_annotate --inclusive=no "$WORK/cg.inkset" 2>/dev/null \
      | awk '/^-+$/ { d++; next } d >= 3 && NF >= 2 && $1 ~ /^[0-9,]+$/' | head -15 >"$WORK/top-self"
    callgrind_annotate --inclusive=yes "$WORK/cg.inkset" 2>/dev/null \
      | awk '/^-+$/ { d++; next } d >= 3 && NF >= 2 && $1 ~ /^[0-9,]+$/' \
      | grep -v -e 'below main' -e 'ld-linux' -e '__libc_start' -e ':main ' | head -25 >"$WORK/top-incl"
  fi
  if [ $HAVE_MUTOOL = 1 ]; then
    say "f. callgrind: mutool"
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.mutool" mutool draw -q -r 72 -W 1404 \
      -H 1872 -c gray -o "$WORK/mu/page-%d.png" bench/sample.html >/dev/null 2>&1 \
      && IR[mutool]=$(ir_of "$WORK/cg.mutool")
  fi
fi
fmt_ir () { [ -n "${1:-}" ] && awk -v n="$1" 'BEGIN { printf "%.0f M", n / 1e6 }' || printf 'n/a'; }

# ---------------------------------------------------------------------------------------------
# d. Pagination linearity: the article's body repeated 1, 5, 10 and 30 times.
say "d. linearity"
awk 'BEGIN { fm = 0 } /^---$/ { fm++; next } fm >= 2 { print }' "$ARTICLE" >"$WORK/body.md"
awk 'BEGIN { fm = 0 } { print } /^---$/ { fm++; if (fm == 2) exit }' "$ARTICLE" >"$WORK/head.md"
LIN_ROWS=()
for k in 1 5 10 30; do
  f="$WORK/rep-$k.md"
  cp "$WORK/head.md" "$f"
  for ((i = 0; i < k; i++)); do cat "$WORK/body.md" >>"$f"; echo >>"$f"; done
  bytes=$(wc -c <"$f")
  lb=$("$BUILD/layout_bench" "$f" kiosk-10.3 "$REPS" 2>&1) || { say "layout_bench $k: $lb"; lb=; }
  lay_ms=$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' <<<"$lb")
  pages=$(sed -n 's/.*pages=\([0-9]*\).*/\1/p' <<<"$lb")
  mkdir -p "$WORK/lin-$k"
  MEASURE_REPS=3 measure "lin$k" "$INKSET" render "$f" -o "$WORK/lin-$k" --layout-json "$WORK/lin-$k/layout.json" || true
  LIN_ROWS+=("$k $bytes ${pages:-0} ${lay_ms:-} ${T_MS[lin$k]:-} ${RSS_KB[lin$k]:-}")
done

# e. Strip rendering memory on kiosk-7.5 (800x480, 1 bit).
say "e. strips"
STRIPS_OUT=$("$BUILD/strips" "$ARTICLE" kiosk-7.5 16 2>&1) || say "strips: $STRIPS_OUT"
kv () { sed -n "/^mode=$1 /s/.* $2=\([0-9]*\).*/\1/p" <<<"$STRIPS_OUT"; }
top () { sed -n "1s/.*$1=\([0-9x]*\).*/\1/p" <<<"$STRIPS_OUT"; }

# ---------------------------------------------------------------------------------------------
# RESULTS.md
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
CORES=$(grep -c '^processor' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
ver () { if command -v "$1" >/dev/null 2>&1; then { "$@" 2>&1 || true; } | head -1; else echo "not installed"; fi; }
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain -- lib include examples 2>/dev/null)" ] && REV="$REV (modified)"

{
  echo "# inkset benchmark results"
  echo
  echo "Written by \`bash bench/run.sh\`; what is measured and how to read it: docs/performance.md."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| CPU | $CPU ($CORES logical cores), $MEM RAM |"
  echo "| system | $(uname -srm) |"
  echo "| inkset | $("$INKSET" --version 2>&1 | head -1), commit $REV, Release ($(cc --version | head -1)) |"
  echo "| MuPDF | $(ver mutool -v) |"
  echo "| WeasyPrint | $(ver weasyprint --version) |"
  echo "| Poppler | $(ver pdftoppm -v) |"
  echo "| Valgrind | $(ver valgrind --version) |"
  echo "| repetitions | $REPS timed runs after one warm-up; medians |"
  if [ ${#MISSING[@]} -gt 0 ]; then
    echo "| missing | ${MISSING[*]} (left out, not estimated) |"
  fi
  echo
  echo "## Sample article, 1404x1872 page, all pages"
  echo
  echo "inkset: \`$ARTICLE\` on kiosk-10.3 (two columns, total-fit justified, hyphenated) to PNG:"
  echo "${INK_PAGES:-?} pages of ${INK_GEOM:-?}. References: \`bench/sample.html\` + \`bench/sample.css\` (the same"
  echo "text, two columns, justified, \`hyphens: auto\`, Noto Serif 32px) to 8-bit grey PNG."
  echo "Ratios are the reference's figure over inkset's: above 1 means inkset is faster or smaller."
  echo
  echo "| engine | pages | wall ms (median) | peak RSS MiB | time ratio | RSS ratio | instructions |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  it=${T_MS[inkset]:-}; ir=${RSS_KB[inkset]:-}
  echo "| inkset render (PNG) | ${INK_PAGES:-?} | $(fmt_ms "$it") | $(fmt_mib "$ir") | 1.00 | 1.00 | $(fmt_ir "${IR[inkset]:-}") |"
  if [ $HAVE_MUTOOL = 1 ]; then
    echo "| mutool draw HTML→PNG | ${MU_PAGES:-?} | $(fmt_ms "${T_MS[mutool]:-}") | $(fmt_mib "${RSS_KB[mutool]:-}") | $(ratio "${T_MS[mutool]:-}" "$it") | $(ratio "${RSS_KB[mutool]:-}" "$ir") | $(fmt_ir "${IR[mutool]:-}") |"
  else
    echo "| mutool draw HTML→PNG | – | missing | | | | |"
  fi
  if [ $HAVE_WEASY = 1 ]; then
    echo "| WeasyPrint HTML→PDF (stage) | | $(fmt_ms "${T_MS[weasy]:-}") | $(fmt_mib "${RSS_KB[weasy]:-}") | $(ratio "${T_MS[weasy]:-}" "$it") | $(ratio "${RSS_KB[weasy]:-}" "$ir") | |"
    echo "| pdftoppm PDF→PNG (stage) | ${WP_PAGES:-?} | $(fmt_ms "${T_MS[pdftoppm]:-}") | $(fmt_mib "${RSS_KB[pdftoppm]:-}") | | | |"
    echo "| mutool draw PDF→PNG (stage) | | $(fmt_ms "${T_MS[mupdfpdf]:-}") | $(fmt_mib "${RSS_KB[mupdfpdf]:-}") | | | |"
    echo "| **WeasyPrint + pdftoppm** | ${WP_PAGES:-?} | $(fmt_ms "$WP_PP_MS") | $(fmt_mib "$WP_PP_KB") | $(ratio "$WP_PP_MS" "$it") | $(ratio "$WP_PP_KB" "$ir") | |"
    echo "| **WeasyPrint + mutool** | ${WP_PAGES:-?} | $(fmt_ms "$WP_MU_MS") | $(fmt_mib "$WP_MU_KB") | $(ratio "$WP_MU_MS" "$it") | $(ratio "$WP_MU_KB" "$ir") | |"
  else
    echo "| WeasyPrint HTML→PDF | – | missing | | | | |"
  fi
  for n in "${!FAILED[@]}"; do echo; echo "Failed: $n: ${FAILED[$n]}"; done
  echo
  echo "A two-stage pipeline's time is the sum of the stage medians, its peak RSS the larger stage's."
  echo "Instructions: \`valgrind --tool=callgrind\`, whole process, one run (repeatable to well under 1%)."
  echo
  echo "## Pagination linearity (kiosk-10.3)"
  echo
  echo "The article's body repeated k times. *layout* is \`ink_document_layout\` alone"
  echo "(bench/layout_bench.c, fresh fontset each run, median of $REPS); *render* is the whole"
  echo "\`inkset render --layout-json\` process to PNG (median of 3). Linear growth shows as a flat"
  echo "cost per kB and per page once the fixed start-up cost is spread."
  echo
  echo "| k | bytes | pages | layout ms | layout µs/kB | render ms | render ms/page | render µs/kB | render RSS MiB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${LIN_ROWS[@]}"; do
    read -r k bytes pages lay ren rss <<<"$row"
    awk -v k="$k" -v b="$bytes" -v p="$pages" -v l="$lay" -v r="$ren" -v m="$rss" 'BEGIN {
      kb = b / 1024
      printf "| %d | %d | %d | %s | %s | %s | %s | %s | %s |\n", k, b, p,
        l == "" ? "n/a" : sprintf("%.1f", l), l == "" ? "n/a" : sprintf("%.0f", l * 1000 / kb),
        r == "" ? "n/a" : sprintf("%.0f", r), r == "" || p == 0 ? "n/a" : sprintf("%.1f", r / p),
        r == "" ? "n/a" : sprintf("%.0f", r * 1000 / kb), m == "" ? "n/a" : sprintf("%.1f", m / 1024) }'
  done
  # Marginal cost between the largest two sizes: a linear process costs the same per kB there.
  printf '%s\n' "${LIN_ROWS[@]}" | awk '
    { k[NR] = $1; b[NR] = $2; p[NR] = $3; l[NR] = $4; r[NR] = $5 }
    END { if (NR < 3 || l[NR] == "" || l[NR-1] == "" || l[2] == "" || r[NR] == "" || r[NR-1] == "") exit
      printf "\nMarginal cost from k=%d to k=%d: layout %.0f µs/kB (k=%d to k=%d: %.0f µs/kB), render %.1f ms/page.\n",
        k[NR-1], k[NR], (l[NR] - l[NR-1]) * 1000 / ((b[NR] - b[NR-1]) / 1024),
        k[2], k[NR-1], (l[NR-1] - l[2]) * 1000 / ((b[NR-1] - b[2]) / 1024),
        (r[NR] - r[NR-1]) / (p[NR] - p[NR-1]) }'
  echo
  echo "## Banded rendering memory (kiosk-7.5, $(top page), $(sed -n '1s/.*bpp=\([0-9]*\).*/\1/p' <<<"$STRIPS_OUT") bit)"
  echo
  echo "bench/strips.c draws page 1 three ways, each in a fresh context. *drawing peak* is the"
  echo "library's high-water mark while drawing, above the laid-out document (from a counting"
  echo "allocator); *caller buffer* is what the caller hands in; the context's own peak"
  echo "(\`ink_context_memory\`) covers layout and drawing."
  echo
  if grep -q '^mode=' <<<"$STRIPS_OUT"; then
    echo "| drawing | caller buffer | drawing peak | of it, strip state (\`ink_strips_memory\`) | buffer + drawing | context peak |"
    echo "|---|---:|---:|---:|---:|---:|"
    for m in strips frame gray; do
      case $m in
        strips) label="ink_strips_next, $(sed -n '1s/.*strip_rows=\([0-9]*\).*/\1/p' <<<"$STRIPS_OUT")-row bands";;
        frame) label="ink_frame_render, whole packed frame";;
        gray) label="ink_document_render_gray, whole 8-bit page";;
      esac
      sm=$(kv $m strips_memory)
      echo "| $label | $(kv $m caller_buffer) B | $(kv $m draw_peak) B | $([ "$sm" = 0 ] && echo – || echo "$sm B") | $(kv $m draw_total) B | $(kv $m ctx_peak) B |"
    done
    echo
    echo "Laid-out document (fonts, shaped text, pages) before drawing: $(sed -n '1s/.*layout_bytes=\([0-9]*\).*/\1/p' <<<"$STRIPS_OUT") B."
    echo "Strips put together equal the whole frame byte for byte: **$(sed -n 's/^strips_equal_frame=//p' <<<"$STRIPS_OUT")**."
  else
    echo "bench/strips failed: \`$(head -2 <<<"$STRIPS_OUT" | tr '\n' ' ')\`"
  fi
  if [ -s "$WORK/top-self" ]; then
    echo
    echo "## Where inkset's render spends its instructions (callgrind, self cost)"
    echo
    echo '```'
    cat "$WORK/top-self"
    echo '```'
    echo
    echo "Inclusive:"
    echo
    echo '```'
    cat "$WORK/top-incl"
    echo '```'
  fi
} >"$RESULTS"

cat "$RESULTS"
say "wrote $RESULTS"
