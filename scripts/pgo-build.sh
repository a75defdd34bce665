#!/usr/bin/env bash
# A Release build of inkset optimised with a profile (cmake/pgo.cmake, GCC):
#
#   scripts/pgo-build.sh [BUILD [CMAKE_OPTION...]]    # BUILD defaults to build-pgo
#
# 1. configures BUILD with -DINK_PGO=GENERATE and builds the CLI with counters;
# 2. trains: every sample article (examples/articles/*.md) on every bundled template, its
#    PNG pages and layout JSON, as `inkset render` makes them;
# 3. configures BUILD with -DINK_PGO=USE and builds everything again with the counts.
# Extra arguments go to both configure steps (-DINK_BUILD_TESTS=OFF, say). The pages a
# program so built makes are the same bytes as any other build's (docs/packaging.md).
# PGO_LEAVE_OUT: articles (paths, space-separated) the training does not render: the
# benchmark leaves out the article it measures, so that its figure is of typical work.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD=${1:-build-pgo}
shift || true
JOBS=${JOBS:-2}
TEMPLATES=(kiosk-10.3 kiosk-7.5 reader-6 print-a4)

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DINK_PGO=GENERATE "$@"
cmake --build "$BUILD" -j"$JOBS" --target inkset_cli
# Only the training's counts: not those of an earlier training or of the tools the build ran.
find "$BUILD" -name '*.gcda' -delete

OUT=$(mktemp -d "${TMPDIR:-/tmp}/inkset-pgo.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
n=0
for md in examples/articles/*.md; do
  case " ${PGO_LEAVE_OUT:-} " in *" $md "*) continue ;; esac
  for t in "${TEMPLATES[@]}"; do
    # An article that reports a fault (exit 3, say) has still run the code: only a crash stops.
    "$BUILD/inkset" render "$md" -t "$t" -o "$OUT/pages" --layout-json "$OUT/layout.json" \
      >/dev/null 2>&1 || [ $? -lt 128 ] || { echo "pgo-build: $md on $t crashed" >&2; exit 1; }
    n=$((n + 1))
  done
done
echo "pgo-build: trained on $n renders" >&2

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DINK_PGO=USE "$@"
cmake --build "$BUILD" -j"$JOBS"
