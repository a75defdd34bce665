#!/usr/bin/env bash
# inkset benchmark: speed and memory of inkset side by side with MuPDF and WeasyPrint, in one
# run, reported as ratios. Writes bench/RESULTS.md (and prints it).
#
#   bash bench/run.sh            # from anywhere; takes a few minutes
#
# Environment: REPS (timed rounds per measurement, default 7), BUILD (build folder,
# default build-bench), NO_INSTALL=1 (never call apt-get), NO_CALLGRIND=1 (skip the
# instruction counts), PGO=1 (build inkset optimised with a profile, scripts/pgo-build.sh,
# trained on every sample article but the one measured; two builds and a training run more).
#
# bench/floor.c (the least work that makes the same pages) is measured against inkset too, and
# the figures are checked against the performance targets (docs/performance.md) at the end.
#
# Needs cmake, a C compiler and inkset's build dependencies (scripts/deps.sh). The references
# (mupdf-tools, pango1.0-tools, weasyprint, poppler-utils) and valgrind are installed with apt-get when missing
# and the script may (root or password-less sudo); a reference that is still missing is
# reported in RESULTS.md and left out. What is measured is described in docs/performance.md.
# Nothing here asserts a time: the script fails only when inkset cannot be built or run.
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
HAVE_MUTOOL=0; need mutool mupdf-tools && HAVE_MUTOOL=1
HAVE_WEASY=0; need weasyprint weasyprint && HAVE_WEASY=1
HAVE_PDFTOPPM=0; need pdftoppm poppler-utils && HAVE_PDFTOPPM=1
HAVE_PANGO=0; need pango-view pango1.0-tools && HAVE_PANGO=1
HAVE_VALGRIND=0
if [ "${NO_CALLGRIND:-0}" != 1 ]; then need valgrind valgrind && HAVE_VALGRIND=1; fi

# ---------------------------------------------------------------------------------------------
# Build inkset in Release, and the two benchmark programs against its shared library.
BUILD_KIND=Release
if [ "${PGO:-0}" = 1 ]; then
  BUILD_KIND="Release, profile-guided (scripts/pgo-build.sh, trained without the article measured)"
  say "building inkset ($BUILD_KIND) in $BUILD"
  PGO_LEAVE_OUT=$ARTICLE bash scripts/pgo-build.sh "$BUILD" -DINK_BUILD_TESTS=OFF >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; die "the profile-guided build failed"; }
else
  say "building inkset (Release) in $BUILD"
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DINK_BUILD_TESTS=OFF -DINK_PGO=OFF \
    >"$WORK/cmake.log" 2>&1 || { cat "$WORK/cmake.log" >&2; die "cmake configure failed"; }
  cmake --build "$BUILD" -j2 >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; die "the Release build failed"; }
fi
INKSET="$BUILD/inkset"
MEASURE="$BUILD/measure"
for prog in layout_bench strips measure; do
  cc -O2 -g -std=c11 -Wall -Wextra -Werror -Iinclude -I"$BUILD/include" "bench/$prog.c" \
     -o "$BUILD/$prog" -L"$BUILD" -linkset -Wl,-rpath,"$BUILD" \
    || die "bench/$prog.c does not build"
done
# bench/floor.c reads the display list through the library's internal header, so it links the
# static library (whose internal symbols the shared one hides) and the dependencies.
FLOOR="$BUILD/floor"
cc -O2 -g -std=c11 -Wall -Wextra -Werror -Iinclude -I"$BUILD/include" \
   $(for d in lib/*/; do printf -- '-I%s ' "$d"; done) $(pkg-config --cflags freetype2 harfbuzz) \
   bench/floor.c -o "$FLOOR" "$BUILD/libinkset.a" -lhyphen -lm \
   $(pkg-config --libs freetype2 harfbuzz fribidi libunibreak libthai libpng libjpeg md4c libcjson) \
   $(pkg-config --libs icu-i18n icu-uc libdeflate 2>/dev/null) -ldl -lpthread \
  || die "bench/floor.c does not build"

# ---------------------------------------------------------------------------------------------
# Measurements. bench/measure.c runs a command once and reports wall time (monotonic clock),
# CPU time and peak RSS (wait4's rusage). The commands of one table are run round robin, one
# warm-up each and then REPS rounds, so a busy machine slows them alike; medians are reported.
# add NAME COMMAND...: queues a command; measure_all: runs the queue and empties it, setting
# T_MS[NAME], CPU_MS[NAME] and RSS_KB[NAME], or FAILED[NAME] when the command fails.
declare -A CMD T_MS CPU_MS RSS_KB FAILED
ORDER=()
add () { local name=$1; shift; CMD[$name]=$(printf '%q ' "$@"); ORDER+=("$name"); }
median () { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
  if (NR % 2) printf "%s\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
run_one () {  # run_one NAME: one run, appends to the NAME's samples; fails with the command
  local name=$1 line
  eval "set -- ${CMD[$name]}"
  line=$("$MEASURE" "$@" 2>&1 >/dev/null | sed -n 's/^measure: //p')
  case "$line" in *status=0) ;; *) FAILED[$name]="${line:-did not run}"; return 1 ;; esac
  sed 's/.*wall_ms=\([0-9.]*\).*/\1/' <<<"$line" >>"$WORK/t.$name"
  sed 's/.*cpu_ms=\([0-9.]*\).*/\1/' <<<"$line" >>"$WORK/c.$name"
  sed 's/.*rss_kb=\([0-9]*\).*/\1/' <<<"$line" >>"$WORK/m.$name"
}
measure_all () {
  local name i
  for name in "${ORDER[@]}"; do
    if ! run_one "$name"; then say "$name failed: ${FAILED[$name]}"; fi
    : >"$WORK/t.$name"; : >"$WORK/c.$name"; : >"$WORK/m.$name"
  done
  for ((i = 0; i < REPS; i++)); do
    for name in "${ORDER[@]}"; do
      [ -n "${FAILED[$name]:-}" ] || run_one "$name" || say "$name failed: ${FAILED[$name]}"
    done
  done
  for name in "${ORDER[@]}"; do
    [ -z "${FAILED[$name]:-}" ] || continue
    T_MS[$name]=$(median <"$WORK/t.$name")
    CPU_MS[$name]=$(median <"$WORK/c.$name")
    RSS_KB[$name]=$(median <"$WORK/m.$name")
    say "$name: ${T_MS[$name]} ms wall, ${CPU_MS[$name]} ms CPU, ${RSS_KB[$name]} KiB"
  done
  ORDER=()
}
fmt_ms () { [ -n "${1:-}" ] && printf '%.1f' "$1" || printf 'n/a'; }
fmt_mib () { [ -n "${1:-}" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || printf 'n/a'; }
ratio () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || printf 'n/a'; }
pngs () { ls "$1" 2>/dev/null | grep -c '\.png$' || true; }

# ---------------------------------------------------------------------------------------------
# a. inkset: the article on the default template (kiosk-10.3, 1404x1872, 4-bit grey) to PNG.
# b. The same text as HTML and CSS (bench/sample.html, bench/sample.css) through the references.
# MuPDF lays HTML out in points and takes a CSS px as one: a 1404x1872 pt page at 72 dpi is
# 1404x1872 px. WeasyPrint keeps CSS px (1/96 in): its PDF is rasterised at 96 dpi.
mkdir -p "$WORK/ink" "$WORK/mu" "$WORK/wp" "$WORK/pv"
# pango-view sets plain text, one justified column as wide as one of the page's (600 px:
# 24 pt at 96 dpi is 32 px), with inkset's fonts through a fontconfig file of its own. It has
# no pages, columns or hyphenation dictionary: one tall PNG (RGB, cairo's PNG settings).
PV_TEXT="$WORK/pv/sample.txt"
sed -n '/<main>/,$p' bench/sample.html | grep '<p' \
  | sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' >"$PV_TEXT"
printf '%s\n' '<?xml version="1.0"?>' '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">' \
  "<fontconfig><dir>$ROOT/fonts</dir><cachedir>$WORK/pv/fc-cache</cachedir></fontconfig>" \
  >"$WORK/pv/fonts.conf"
PANGO_CMD=(env FONTCONFIG_FILE="$WORK/pv/fonts.conf" pango-view --no-display --dpi=96
  --font="Noto Serif 24" --width=450 --justify --wrap=word --language=en_US
  -o "$WORK/pv/sample.png" "$PV_TEXT")
say "a, b. the sample article: inkset and the references, round robin"
add inkset "$INKSET" render "$ARTICLE" -o "$WORK/ink"
[ $HAVE_MUTOOL = 1 ] && add mutool mutool draw -q -r 72 -W 1404 -H 1872 -c gray -o "$WORK/mu/page-%d.png" bench/sample.html
[ $HAVE_PANGO = 1 ] && add pango "${PANGO_CMD[@]}"
if [ $HAVE_WEASY = 1 ]; then
  add weasy weasyprint bench/sample.html "$WORK/wp/sample.pdf"
  [ $HAVE_PDFTOPPM = 1 ] && add pdftoppm pdftoppm -r 96 -gray -png "$WORK/wp/sample.pdf" "$WORK/wp/pp"
  [ $HAVE_MUTOOL = 1 ] && add mupdfpdf mutool draw -q -r 96 -c gray -o "$WORK/wp/mu-%d.png" "$WORK/wp/sample.pdf"
fi
measure_all
INK_PAGES=$(pngs "$WORK/ink")
INK_GEOM=$(file "$WORK/ink/page-001.png" 2>/dev/null | sed -n 's/.*PNG image data, \([0-9]* x [0-9]*\), \([^,]*\),.*/\1, \2/p')
MU_PAGES=$(ls "$WORK/mu" 2>/dev/null | grep -c '\.png$' || true)
WP_PAGES=$(ls "$WORK/wp" 2>/dev/null | grep -c '^pp.*\.png$' || true)
sum2 () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
max2 () { [ -n "${1:-}" ] && [ -n "${2:-}" ] && awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
for pair in "wppp pdftoppm" "wpmu mupdfpdf"; do
  read -r n second <<<"$pair"
  T_MS[$n]=$(sum2 "${T_MS[weasy]:-}" "${T_MS[$second]:-}" || true)
  CPU_MS[$n]=$(sum2 "${CPU_MS[weasy]:-}" "${CPU_MS[$second]:-}" || true)
  RSS_KB[$n]=$(max2 "${RSS_KB[weasy]:-}" "${RSS_KB[$second]:-}" || true)
done

# f. Instruction counts (callgrind), repeatable where wall time is not.
declare -A IR
SHAPE_PARAS_TXT="n/a (needs callgrind)"
ir_of () { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
# calls_to FUNCTION: how many times FUNCTION was called, from callgrind's caller tree; GCC's
# clones of it (FUNCTION.part.0, .lto_priv.0, .constprop.0, .isra.0) count as it.
calls_to () {
  awk -v f="$1" '/^ *$/ { n = 0; next }
    index($0, " < ") { s = $0; sub(/.*\(/, "", s); sub(/x\).*/, "", s); gsub(/,/, "", s); n += s; next }
    index($0, " * ") && $0 ~ (":" f "([.][a-z_]+[.][0-9]+)* [[]") { t += n } { n = 0 }
    END { print t + 0 }' "$WORK/callers"
}
callgrind () {  # callgrind NAME OUTFILE COMMAND...: IR[NAME] from one run under callgrind
  local name=$1 out=$2; shift 2
  if valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1; then
    IR[$name]=$(ir_of "$out")
  else
    say "callgrind $name failed"
  fi
}
if [ $HAVE_VALGRIND = 1 ]; then
  say "f. callgrind"
  callgrind inkset "$WORK/cg.inkset" "$INKSET" render "$ARTICLE" -o "$WORK/ink"
  [ $HAVE_MUTOOL = 1 ] && callgrind mutool "$WORK/cg.mutool" mutool draw -q -r 72 -W 1404 -H 1872 \
    -c gray -o "$WORK/mu/page-%d.png" bench/sample.html
  # pango-view itself under callgrind (not env): the font file in the environment instead.
  [ $HAVE_PANGO = 1 ] && FONTCONFIG_FILE="$WORK/pv/fonts.conf" \
    callgrind pango "$WORK/cg.pango" "${PANGO_CMD[@]:2}"
  if [ -s "$WORK/cg.inkset" ]; then
    # Shaping: HarfBuzz runs per paragraph set, and the reshapes at cuts through glyphs that
    # are unsafe to break; re-breaking and make-up passes reuse the shaped text.
    callgrind_annotate --tree=caller --threshold=100 "$WORK/cg.inkset" >"$WORK/callers" 2>/dev/null
    SHAPE_PARAS=$(calls_to 'ink__shape_paragraph')
    SHAPE_HB=$(calls_to 'hb_shape')
    SHAPE_RANGE=$(calls_to 'ink__shape_range')
    SET_PARA=$(calls_to 'ink__set_para')
    SET_LOOSE=$(calls_to 'ink__set_para_looseness')
    BUILD_PARA=$(calls_to 'ink__para_build')
    SHAPE_PARAS_TXT="$SHAPE_PARAS paragraphs shaped ($SET_PARA set), $SHAPE_HB HarfBuzz calls of which"
    SHAPE_PARAS_TXT="$SHAPE_PARAS_TXT $SHAPE_RANGE reshape a cut through a glyph unsafe to break; $BUILD_PARA"
    SHAPE_PARAS_TXT="$SHAPE_PARAS_TXT line-breaking passes ($SET_LOOSE of them make-up passes at another"
    SHAPE_PARAS_TXT="$SHAPE_PARAS_TXT looseness) reuse the shaped text: $((BUILD_PARA - SHAPE_RANGE)) of $BUILD_PARA passes"
    SHAPE_PARAS_TXT="$SHAPE_PARAS_TXT shape nothing."
    # Link-time optimisation inlines some of the functions counted wherever they are called.
    if grep -q '^INK_LTO:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null; then
      SHAPE_PARAS_TXT="n/a: the build's link-time optimisation (INK_LTO) inlines the functions"
      SHAPE_PARAS_TXT="$SHAPE_PARAS_TXT counted; a BUILD configured with -DINK_LTO=OFF counts them."
    fi
    callgrind_annotate --inclusive=no "$WORK/cg.inkset" 2>/dev/null \
      | awk '/^-+$/ { d++; next } d >= 3 && NF >= 2 && $1 ~ /^[0-9,]+$/' | head -16 >"$WORK/top-self"
    callgrind_annotate --inclusive=yes "$WORK/cg.inkset" 2>/dev/null \
      | awk '/^-+$/ { d++; next } d >= 3 && NF >= 2 && $1 ~ /^[0-9,]+$/' \
      | grep -v -e 'below main' -e 'ld-linux' -e '__libc_start' -e ':main ' | head -25 >"$WORK/top-incl"
  fi
fi
fmt_ir () { [ -n "${1:-}" ] && awk -v n="$1" 'BEGIN { printf "%.0f M", n / 1e6 }' || printf 'n/a'; }

# ---------------------------------------------------------------------------------------------
# d. Pagination linearity: the article's body repeated 1, 5, 10 and 30 times.
say "d. linearity"
awk 'BEGIN { fm = 0 } /^---$/ { fm++; next } fm >= 2 { print }' "$ARTICLE" >"$WORK/body.md"
awk 'BEGIN { fm = 0 } { print } /^---$/ { fm++; if (fm == 2) exit }' "$ARTICLE" >"$WORK/head.md"
SIZES="1 5 10 30"
declare -A LBYTES LPAGES LLAY LLAYCPU LIR
for k in $SIZES; do
  f="$WORK/rep-$k.md"
  cp "$WORK/head.md" "$f"
  for ((i = 0; i < k; i++)); do cat "$WORK/body.md" >>"$f"; echo >>"$f"; done
  LBYTES[$k]=$(wc -c <"$f")
  lb=$("$BUILD/layout_bench" "$f" kiosk-10.3 "$REPS" 2>&1) || { say "layout_bench $k: $lb"; lb=; }
  LLAY[$k]=$(sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' <<<"$lb")
  LLAYCPU[$k]=$(sed -n 's/.*median_cpu_ms=\([0-9.]*\).*/\1/p' <<<"$lb")
  LPAGES[$k]=$(sed -n 's/.*pages=\([0-9]*\).*/\1/p' <<<"$lb")
  if [ $HAVE_VALGRIND = 1 ]; then
    callgrind "lay$k" "$WORK/cg.lay$k" --toggle-collect=ink_document_layout "$BUILD/layout_bench" "$f" kiosk-10.3 1
    LIR[$k]=${IR[lay$k]:-}
  fi
  mkdir -p "$WORK/lin-$k"
  add "lin$k" "$INKSET" render "$f" -o "$WORK/lin-$k" --layout-json "$WORK/lin-$k/layout.json"
done
measure_all

# e. Strip rendering memory on kiosk-7.5 (800x480, 1 bit).
say "e. strips"
STRIPS_OUT=$("$BUILD/strips" "$ARTICLE" kiosk-7.5 16 2>&1) || say "strips: $STRIPS_OUT"
kv () { sed -n "/^mode=$1 /s/.* $2=\([0-9]*\).*/\1/p" <<<"$STRIPS_OUT"; }
first () { sed -n "1s/.*$1=\([0-9x]*\).*/\1/p" <<<"$STRIPS_OUT"; }

# g. The floor: the least work that makes the same pages (bench/floor.c), against inkset's
# drawing of them, in one process; instructions of each side alone (callgrind --toggle-collect).
say "g. floor"
declare -A FL
floor_line () { "$FLOOR" "$@" >"$WORK/floor.out" 2>&1; grep '^mode=' "$WORK/floor.out"; }
FL[png_line]=$(floor_line "$ARTICLE" kiosk-10.3 png 4)
FL[png_cache]=$(grep '^glyph_cache' "$WORK/floor.out")
FL[strips_line]=$(floor_line "$ARTICLE" kiosk-7.5 strips 16)
FL[strips_cache]=$(grep '^glyph_cache' "$WORK/floor.out")
if [ $HAVE_VALGRIND = 1 ]; then
  for side in floor_run inkset_run; do
    callgrind "png.$side" "$WORK/cg.png.$side" --toggle-collect=$side "$FLOOR" "$ARTICLE" kiosk-10.3 png 4
    callgrind "strips.$side" "$WORK/cg.strips.$side" --toggle-collect=$side "$FLOOR" "$ARTICLE" kiosk-7.5 strips 16
  done
fi
flkv () { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"${FL[$1]}"; }

# ---------------------------------------------------------------------------------------------
# RESULTS.md
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
CORES=$(grep -c '^processor' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
ver () { if command -v "$1" >/dev/null 2>&1; then { "$@" 2>&1 || true; } | head -1; else echo "not installed"; fi; }
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git -C "$ROOT" status --porcelain -- lib include examples 2>/dev/null)" ] && REV="$REV (modified)"

row () {  # row LABEL NAME PAGES: one engine's line of the main table, ratios against inkset
  local n=$2
  if [ -z "${T_MS[$n]:-}" ]; then
    echo "| $1 | ${3:-} | ${FAILED[$n]:+failed}${FAILED[$n]:-n/a} | | | | | | |"
    return
  fi
  echo "| $1 | ${3:-} | $(fmt_ms "${T_MS[$n]}") | $(fmt_ms "${CPU_MS[$n]}") | $(fmt_mib "${RSS_KB[$n]}") | $(ratio "${T_MS[$n]}" "${T_MS[inkset]:-}") | $(ratio "${CPU_MS[$n]}" "${CPU_MS[inkset]:-}") | $(ratio "${RSS_KB[$n]}" "${RSS_KB[inkset]:-}") | $(fmt_ir "${IR[$n]:-}") |"
}

{
  echo "# inkset benchmark results"
  echo
  echo "Written by \`bash bench/run.sh\`; what is measured and how to read it: docs/performance.md."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
  echo "| CPU | $CPU ($CORES logical cores), $MEM RAM; load average at the end $LOAD |"
  echo "| system | $(uname -srm) |"
  echo "| inkset | $("$INKSET" --version 2>&1 | head -1), commit $REV, $BUILD_KIND ($(cc --version | head -1)) |"
  echo "| MuPDF | $(ver mutool -v) |"
  echo "| Pango | $(ver pango-view --version) |"
  echo "| WeasyPrint | $(ver weasyprint --version) |"
  echo "| Poppler | $(ver pdftoppm -v) |"
  echo "| Valgrind | $(ver valgrind --version) |"
  echo "| repetitions | one warm-up, then $REPS rounds, round robin; medians |"
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
  echo "| engine | pages | wall ms | CPU ms | peak RSS MiB | wall ratio | CPU ratio | RSS ratio | instructions |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  row "inkset render (PNG)" inkset "${INK_PAGES:-?}"
  if [ $HAVE_MUTOOL = 1 ]; then row "mutool draw HTML→PNG" mutool "$MU_PAGES"
  else echo "| mutool draw HTML→PNG | | missing | | | | | | |"; fi
  if [ $HAVE_PANGO = 1 ]; then row "pango-view text→PNG (one column, one tall page)" pango 1
  else echo "| pango-view text→PNG | | missing | | | | | | |"; fi
  if [ $HAVE_WEASY = 1 ]; then
    row "WeasyPrint HTML→PDF (stage)" weasy ""
    [ $HAVE_PDFTOPPM = 1 ] && row "pdftoppm PDF→PNG (stage)" pdftoppm "$WP_PAGES"
    [ $HAVE_MUTOOL = 1 ] && row "mutool draw PDF→PNG (stage)" mupdfpdf ""
    [ $HAVE_PDFTOPPM = 1 ] && row "**WeasyPrint + pdftoppm**" wppp "$WP_PAGES"
    [ $HAVE_MUTOOL = 1 ] && row "**WeasyPrint + mutool**" wpmu "$WP_PAGES"
  else
    echo "| WeasyPrint HTML→PDF | | missing | | | | | | |"
  fi
  echo
  echo "A two-stage pipeline's time is the sum of the stage medians, its peak RSS the larger stage's."
  echo "Instructions: \`valgrind --tool=callgrind\`, whole process, one run; unlike the times they do"
  echo "not depend on what else the machine is doing."
  echo
  echo "## Pagination linearity (kiosk-10.3)"
  echo
  echo "The article's body repeated k times. *layout* is \`ink_document_layout\` alone"
  echo "(bench/layout_bench.c: fresh fontset each run, median of $REPS; instructions counted by callgrind"
  echo "inside \`ink_document_layout\` only). *render* is the whole \`inkset render --layout-json\` process"
  echo "to PNG. Linear growth shows as a flat cost per kB and per page once the fixed start-up cost"
  echo "is spread; the marginal rows compare consecutive sizes."
  echo
  echo "| k | bytes | pages | layout ms | layout CPU ms | layout instructions | instructions/byte | render ms | render ms/page | render RSS MiB |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for k in $SIZES; do
    awk -v k="$k" -v b="${LBYTES[$k]}" -v p="${LPAGES[$k]:-0}" -v l="${LLAY[$k]:-}" -v lc="${LLAYCPU[$k]:-}" \
        -v ir="${LIR[$k]:-}" -v r="${T_MS[lin$k]:-}" -v m="${RSS_KB[lin$k]:-}" 'BEGIN {
      printf "| %d | %d | %d | %s | %s | %s | %s | %s | %s | %s |\n", k, b, p,
        l == "" ? "n/a" : sprintf("%.1f", l), lc == "" ? "n/a" : sprintf("%.1f", lc),
        ir == "" ? "n/a" : sprintf("%.1f M", ir / 1e6), ir == "" ? "n/a" : sprintf("%.0f", ir / b),
        r == "" ? "n/a" : sprintf("%.0f", r), r == "" || p == 0 ? "n/a" : sprintf("%.1f", r / p),
        m == "" ? "n/a" : sprintf("%.1f", m / 1024) }'
  done
  echo
  echo "| from k | to k | marginal layout instructions/byte | marginal layout CPU µs/kB | marginal render ms/page |"
  echo "|---:|---:|---:|---:|---:|"
  prev=
  for k in $SIZES; do
    if [ -n "$prev" ]; then
      awk -v a="$prev" -v k="$k" -v b0="${LBYTES[$prev]}" -v b1="${LBYTES[$k]}" \
          -v i0="${LIR[$prev]:-}" -v i1="${LIR[$k]:-}" -v c0="${LLAYCPU[$prev]:-}" -v c1="${LLAYCPU[$k]:-}" \
          -v p0="${LPAGES[$prev]:-0}" -v p1="${LPAGES[$k]:-0}" -v r0="${T_MS[lin$prev]:-}" -v r1="${T_MS[lin$k]:-}" 'BEGIN {
        db = b1 - b0; dp = p1 - p0
        printf "| %d | %d | %s | %s | %s |\n", a, k,
          i0 == "" || i1 == "" ? "n/a" : sprintf("%.0f", (i1 - i0) / db),
          c0 == "" || c1 == "" ? "n/a" : sprintf("%.0f", (c1 - c0) * 1000 / (db / 1024)),
          r0 == "" || r1 == "" || dp <= 0 ? "n/a" : sprintf("%.1f", (r1 - r0) / dp) }'
    fi
    prev=$k
  done
  echo
  echo "## Banded rendering memory (kiosk-7.5, $(first page), $(first bpp) bit)"
  echo
  echo "bench/strips.c draws page 1 four ways, each in a fresh context. *drawing peak* is the"
  echo "library's high-water mark while drawing, above the laid-out document (from a counting"
  echo "allocator); *caller buffer* is what the caller hands in; the context's own peak"
  echo "(\`ink_context_memory\`) covers layout and drawing."
  echo
  if grep -q '^mode=' <<<"$STRIPS_OUT"; then
    echo "| drawing | caller buffer | drawing peak | of it, strip state (\`ink_strips_memory\`) | buffer + drawing | laid-out document | context peak |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for m in strips frame gray strips-rom; do
      case $m in
        strips) label="ink_strips_next, $(first strip_rows)-row bands";;
        frame) label="ink_frame_render, whole packed frame";;
        gray) label="ink_document_render_gray, whole 8-bit page";;
        strips-rom) label="bands, with the fonts borrowed from memory (\`ink_fontset_add_memory\`)";;
      esac
      sm=$(kv $m strips_memory)
      echo "| $label | $(kv $m caller_buffer) B | $(kv $m draw_peak) B | $([ "$sm" = 0 ] && echo – || echo "$sm B") | $(kv $m draw_total) B | $(kv $m layout_bytes) B | $(kv $m ctx_peak) B |"
    done
    echo
    echo "*laid-out document*: what the context holds once the page is laid out (shaped text, pages,"
    echo "hyphenation patterns), before drawing. Font files are not in it either way: the fontset maps"
    echo "the files it opens, and borrowed fonts are the caller's (in flash on a device)."
    echo "Strips put together equal the whole frame byte for byte: **$(sed -n 's/^strips_equal_frame=//p' <<<"$STRIPS_OUT")**."
  else
    echo "bench/strips failed: \`$(head -2 <<<"$STRIPS_OUT" | tr '\n' ' ')\`"
  fi
  echo
  echo "## Against a floor (bench/floor.c)"
  echo
  echo "The floor renders each distinct glyph of the pages once (FreeType, the same flags, each size"
  echo "set once), copies every glyph instance into place on paper, quantizes and packs the rows, and"
  echo "(PNG) encodes the packed frame with inkset's own PNG writer; finding the glyphs and their places"
  echo "is not counted. inkset draws the same laid-out pages through its API. Each side has a fresh"
  echo "context and fontset. Instructions of the drawing alone (callgrind \`--toggle-collect\`)."
  echo
  echo "| drawing | distinct glyphs / instances | floor instructions | inkset instructions | inkset / floor | floor CPU ms | inkset CPU ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for m in png strips; do
    case $m in
      png) label="sample, all pages, kiosk-10.3 4-bit PNG";;
      strips) label="sample, page 1, kiosk-7.5 800x480 1-bit, 16-row strips";;
    esac
    echo "| $label | $(flkv ${m}_line distinct_glyphs) / $(flkv ${m}_line instances) | $(fmt_ir "${IR[$m.floor_run]:-}") | $(fmt_ir "${IR[$m.inkset_run]:-}") | $(ratio "${IR[$m.inkset_run]:-}" "${IR[$m.floor_run]:-}") | $(fmt_ms "$(flkv ${m}_line floor_cpu_ms)") | $(fmt_ms "$(flkv ${m}_line inkset_cpu_ms)") |"
  done
  echo
  echo "The whole \`inkset render\` process of the sample (start, fonts, layout, drawing, PNG) is"
  echo "$(fmt_ir "${IR[inkset]:-}") instructions: $(ratio "${IR[inkset]:-}" "${IR[png.floor_run]:-}") times the floor's drawing of its pages."
  echo
  echo "## Caches"
  echo
  echo "Shaping (callgrind call counts over the sample's render): $SHAPE_PARAS_TXT"
  echo
  echo "Glyph cache (inkset's drawing in bench/floor.c; a glyph is looked up once per band it"
  echo "inks, the run's ink box once per document):"
  echo
  echo "| drawing | lookups | bitmaps rendered | hit rate | times emptied | peak bytes held | budget bytes |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for m in png strips; do
    c=${FL[${m}_cache]:-}
    ck () { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$c"; }
    case $m in png) label="sample, all pages, kiosk-10.3 4-bit PNG";; strips) label="page 1, kiosk-7.5 1-bit, 16-row strips";; esac
    echo "| $label | $(ck lookups) | $(ck renders) | $(awk -v l="$(ck lookups)" -v r="$(ck renders)" 'BEGIN { if (l > 0) printf "%.1f %%", 100 * (l - r) / l; else printf "n/a" }') | $(ck clears) | $(ck peak_bytes) | $(ck budget_bytes) |"
  done
  echo
  echo "## Targets"
  echo
  echo "From this run (one run's ratios; the load average above says how busy the machine was)."
  echo
  echo "| target | measured | met |"
  echo "|---|---|---|"
  target () {  # target LABEL MEASURED OK(1/0/empty)
    echo "| $1 | $2 | $(case ${3:-} in 1) echo yes;; 0) echo '**no**';; *) echo 'n/a';; esac) |"
  }
  cmp_ge () { [ -n "${1:-}" ] && [ "$1" != n/a ] && awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }
  cmp_le () { [ -n "${1:-}" ] && [ "$1" != n/a ] && awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'; }
  r=$(ratio "${CPU_MS[mutool]:-}" "${CPU_MS[inkset]:-}")
  target "CPU time at most 1/4 of mutool draw's" "mutool / inkset = $r" "$(cmp_ge "$r" 4)"
  r=$(ratio "${CPU_MS[pango]:-}" "${CPU_MS[inkset]:-}")
  target "CPU time at most 1/10 of pango-view's" "pango-view / inkset = $r" "$(cmp_ge "$r" 10)"
  r=$(ratio "${CPU_MS[weasy]:-}" "${CPU_MS[inkset]:-}")
  target "CPU time at most 1/50 of WeasyPrint's PDF stage" "WeasyPrint / inkset = $r" "$(cmp_ge "$r" 50)"
  m=$(fmt_mib "${RSS_KB[inkset]:-}")
  target "peak RSS at most 12 MiB" "$m MiB" "$(cmp_le "$m" 12)"
  i=${IR[inkset]:-}
  target "at most 120 M instructions (whole render)" "$(fmt_ir "$i")" "$(cmp_le "$i" 120000000)"
  r=$(ratio "${IR[strips.inkset_run]:-}" "${IR[strips.floor_run]:-}")
  target "800x480 1-bit page in 16-row strips within 3x of the floor" "$(fmt_ir "${IR[strips.inkset_run]:-}") instructions, $r x the floor" "$(cmp_le "$r" 3)"
  if [ -s "$WORK/top-self" ]; then
    echo
    echo "## Where inkset's render spends its instructions (callgrind)"
    echo
    echo "Self cost:"
    echo
    echo '```'
    cat "$WORK/top-self"
    echo '```'
    echo
    echo "Inclusive cost:"
    echo
    echo '```'
    cat "$WORK/top-incl"
    echo '```'
  fi
  echo
  bash bench/ttfp.sh "$BUILD" "$ARTICLE" "$REPS" || echo "(bench/ttfp.sh failed)"
} >"$RESULTS"

cat "$RESULTS"
say "wrote $RESULTS"
