#!/usr/bin/env bash
# Builds and runs the whole test suite: a GCC Release build and a clang build under ctest (with
# api_docs, which fails on an undocumented public declaration), the GCC build's ABI against the
# last release's (scripts/abi-check.sh), an install used four ways (scripts/test-install.sh),
# the suite built with AddressSanitizer and UndefinedBehaviorSanitizer, the four-thread test
# under ThreadSanitizer, an aarch64 build under qemu-user (scripts/cross-test.sh --quick: unit
# tests, and sample pages compared byte for byte with the host's), valgrind on the
# end-to-end test, and a short run of every fuzz target. Every build treats warnings as errors
# (INK_DEVELOPER). INK_FUZZ_SECONDS (default 30) sets each fuzz run's length; 0 skips fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
# deps.sh installs every optional test dependency: a test that would skip for want of one
# (python_binding without Pillow) fails instead.
export INK_REQUIRE_ALL=1
bash scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

# Release (-O3) is what packagers build and where GCC warns most; -g only names lines in
# valgrind's reports below, and changes no code.
echo "== GCC Release: build and test"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g -DINK_DEVELOPER=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== ABI against the last release (scripts/abi-check.sh)"
bash scripts/abi-check.sh build

echo "== clang (-O2): build and test"
CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINK_DEVELOPER=ON >/dev/null
cmake --build build-clang -j"$jobs"
# The PDF samples (label pdf) are the same files from either compiler: GCC's run covers them.
ctest --test-dir build-clang --output-on-failure -j"$jobs" -LE pdf

echo "== install, moved prefix, examples/minimal linked four ways"
bash scripts/test-install.sh build

echo "== out of memory at every allocation of a whole render (test_oom, stride 1)"
INK_OOM_STRIDE=1 ./build/tests/test_oom

echo "== sanitizers (ASan + UBSan)"
# -O1, as fuzzing builds use: the checks are the same, and the suite takes some 40 % less CPU
# than at -O0 (test_pager: 137 s against 227 s), which keeps CI within its time.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DINK_SANITIZE=ON \
  -DINK_DEVELOPER=ON >/dev/null
cmake --build build-asan -j"$jobs"
# Under the sanitizers, 100 random articles rather than 500 and the PDF writer through
# test_pdf alone (the every-sample PDF run is cairo's time, not ours): the stage stays
# within CI's time. The fuzz corpus replay, the samples and the make-up tests run with
# INKSET_MOVE_ON_GROW=1: every push onto a growable array moves it, so that a pointer held
# into one across a call that grows it is a use after free ASan reports (lib/core/moveongrow.c).
moved='^(replay_|makeup_|golden_|test_e2e$)'
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
PROPERTY_ARTICLES=100 ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE pdf -E "$moved"
INKSET_MOVE_ON_GROW=1 ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE pdf -R "$moved"
unset ASAN_OPTIONS UBSAN_OPTIONS

echo "== ThreadSanitizer: four threads sharing a fontset and a template (test_threads)"
stage_start=$SECONDS
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS=-fsanitize=thread \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DINK_WITH_PDF=OFF -DINK_DEVELOPER=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target test_threads
# Three runs: the threads race for faces and patterns differently each time. tests/tsan.supp
# says why HarfBuzz's own atomics need a suppression.
for run in 1 2 3; do
  TSAN_OPTIONS="halt_on_error=1:exitcode=66:suppressions=$PWD/tests/tsan.supp" \
    INKSET_FONT_DIR="$PWD/fonts" ./build-tsan/tests/test_threads
done
echo "-- $((SECONDS - stage_start)) s"

echo "== aarch64 under qemu-user: unit tests, and sample pages byte for byte against the host"
stage_start=$SECONDS
INK_HOST_BUILD=build bash scripts/cross-test.sh arm64 --quick
echo "-- $((SECONDS - stage_start)) s"

echo "== valgrind (end to end)"
valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
  --quiet ./build/tests/test_e2e

fuzz_seconds=${INK_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ] && ls tests/fuzz/fuzz_*.c >/dev/null 2>&1; then
  echo "== fuzzing, ${fuzz_seconds}s per target"
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINK_BUILD_FUZZERS=ON \
    -DINK_BUILD_TESTS=OFF -DINK_DEVELOPER=ON >/dev/null
  cmake --build build-fuzz -j"$jobs"
  for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    corpus=tests/fuzz/corpus/${name#fuzz_}
    dict=tests/fuzz/${name#fuzz_}.dict
    work=$(mktemp -d)
    # A fixed seed: the same inputs on every run, so that CI does not turn red at random;
    # long runs with fresh seeds are for finding bugs (docs/reliability.md).
    args=(-seed=1 -max_total_time="$fuzz_seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1
          -artifact_prefix="$work/")
    [ -f "$dict" ] && args+=(-dict="$dict")
    echo "-- $name"
    rc=0
    INKSET_FONT_DIR="$PWD/fonts" ./build-fuzz/tests/fuzz/"$name" "${args[@]}" "$work" "$corpus" \
      >"$work/log" 2>&1 || rc=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|DONE" "$work/log" || true
    if [ "$rc" != 0 ]; then
      tail -n 60 "$work/log"
      echo "fuzz: $name failed (exit $rc); inputs kept in $work" >&2
      exit 1
    fi
    rm -rf "$work"
  done
fi
echo "== all tests passed"
