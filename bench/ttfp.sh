#!/usr/bin/env bash
# The time to the first page and the peak memory of a long article, printed as a Markdown
# section of bench/RESULTS.md (bench/run.sh appends it; it also runs alone):
#
#   bash bench/ttfp.sh [BUILD [ARTICLE [REPS]]]   # defaults: build-bench, the sample, 5
#
# The article's body is repeated 1, 10 and 30 times under its front matter, as in run.sh's
# linearity table. For each, bench/ttfp_bench.c runs REPS times in fresh processes, with the
# pager (ink_pager_t, {pages} showing the page alone) and with ink_document_layout: the time
# from loading the article to page 1 drawn (median wall and CPU), and the peak RSS (median)
# of drawing every page. BUILD must hold libinkset.so and its generated headers.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac   # run.sh passes an absolute path
ARTICLE=${2:-examples/articles/pakistan-china-pact.md}
REPS=${3:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/inkset-ttfp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export INKSET_FONT_DIR=${INKSET_FONT_DIR:-$PWD/fonts}

cc -O2 -g -std=c11 -Wall -Wextra -Werror -Iinclude -I"$BUILD/include" bench/ttfp_bench.c \
   -o "$WORK/ttfp_bench" -L"$BUILD" -linkset -Wl,-rpath,"$BUILD" \
  || { echo "ttfp: bench/ttfp_bench.c does not build" >&2; exit 1; }

awk 'BEGIN { fm = 0 } /^---$/ { fm++; next } fm >= 2 { print }' "$ARTICLE" >"$WORK/body.md"
awk 'BEGIN { fm = 0 } { print } /^---$/ { fm++; if (fm == 2) exit }' "$ARTICLE" >"$WORK/head.md"

# The median of the numbers on standard input.
median () { sort -g | awk '{ v[NR] = $1 } END { printf "%.1f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
kv () { sed -n "s/.*\\<$1=\\([0-9.]*\\).*/\\1/p"; }

SIZES="1 10 30"
declare -A FIRST CPU RSS PAGES
for k in $SIZES; do
  f="$WORK/rep-$k.md"
  cp "$WORK/head.md" "$f"
  for ((i = 0; i < k; i++)); do cat "$WORK/body.md" >>"$f"; echo >>"$f"; done
  for mode in pager layout; do
    : >"$WORK/runs"
    for ((r = 0; r < REPS; r++)); do "$WORK/ttfp_bench" "$f" kiosk-10.3 "$mode" >>"$WORK/runs"; done
    FIRST[$mode$k]=$(kv first_ms <"$WORK/runs" | median)
    CPU[$mode$k]=$(kv first_cpu_ms <"$WORK/runs" | median)
    RSS[$mode$k]=$(kv peak_rss_kib <"$WORK/runs" | median)
    PAGES[$k]=$(kv pages <"$WORK/runs" | head -1)
  done
done

ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf (b > 0 ? "%.2f" : "n/a", a / b) }'; }
mib () { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "## Time to the first page (kiosk-10.3)"
echo
echo "The article's body repeated k times. *first page* is the time from loading the article to"
echo "page 1 drawn in 8-bit grey, *peak RSS* that of the whole process once every page is drawn"
echo "(bench/ttfp_bench.c, fresh process each run, median of $REPS). *pager* hands out each page"
echo "as it is set (\`ink_pager_t\`, its \`{pages}\` shown as the page alone), each freed once drawn;"
echo "*layout* is \`ink_document_layout\`, then the pages drawn. Ratios are over the 1x article's."
echo
echo "| k | pages | pager first page ms (CPU) | ratio | layout first page ms (CPU) | pager peak RSS MiB | ratio | layout peak RSS MiB | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in $SIZES; do
  echo "| $k | ${PAGES[$k]} | ${FIRST[pager$k]} (${CPU[pager$k]}) | $(ratio "${CPU[pager$k]}" "${CPU[pager1]}") |" \
       "${FIRST[layout$k]} (${CPU[layout$k]}) | $(mib "${RSS[pager$k]}") | $(ratio "${RSS[pager$k]}" "${RSS[pager1]}") |" \
       "$(mib "${RSS[layout$k]}") | $(ratio "${RSS[layout$k]}" "${RSS[layout1]}") |"
done
echo
echo "Time ratios are of CPU time, which what else the machine runs disturbs less than wall time."
