#!/usr/bin/env bash
# Renders one shard of an edition: the articles of EDITION (*.md and *.json, in name order)
# whose position, counted from 0, leaves INDEX when divided by COUNT. Every shard of an
# edition writes OUT/STEM/page-NNN.EXT for each of its articles, as one `inkset render` of the
# whole edition would, so the shards' outputs join without clashing (give articles distinct
# file names: the -2, -3 suffixes are only given within one run). The exit status is
# inkset's: that of the shard's first failing article.
#
#   shard.sh INDEX COUNT EDITION OUT [inkset render options]
#   shard.sh "$JOB_COMPLETION_INDEX" 8 /edition /out -t print-a4 -j 2
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: shard.sh INDEX COUNT EDITION OUT [inkset render options]" >&2
  exit 1
fi
index=$1 count=$2 edition=$3 out=$4
shift 4
if ! [[ $index =~ ^[0-9]+$ && $count =~ ^[0-9]+$ ]] || ((count == 0 || index >= count)); then
  echo "shard.sh: INDEX from 0 to COUNT-1, COUNT from 1" >&2
  exit 1
fi
shopt -s nullglob
all=("$edition"/*.md "$edition"/*.json)
mapfile -t all < <(printf '%s\n' "${all[@]}" | LC_ALL=C sort)
mine=()
for ((n = index; n < ${#all[@]}; n += count)); do
  mine+=("${all[n]}")
done
((${#mine[@]})) || exit 0
# inkset names pages per article only when given several: one article is given its folder.
if ((${#mine[@]} == 1)); then
  stem=$(basename "${mine[0]}")
  exec "${INKSET:-inkset}" render "${mine[0]}" "$@" -o "$out/${stem%.*}"
fi
exec "${INKSET:-inkset}" render "${mine[@]}" "$@" -o "$out"
