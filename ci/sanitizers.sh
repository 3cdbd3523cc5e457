#!/usr/bin/env bash
# Runs the whole test suite under three checkers:
#   asan      clang, AddressSanitizer + UndefinedBehaviorSanitizer (`make test`, build/asan)
#   gcc       g++ with -D_GLIBCXX_ASSERTIONS (bounds-checked std::vector/string/array),
#             -O1 so -Wall's flow-based warnings run too (build/ci-gcc)
#   valgrind  from that unsanitized g++ build, under valgrind memcheck: the unit
#             tests (hashmap_mem_unit_tests), and malloc_every_op (every op on maps
#             in malloc'd blocks of garbage, marked undefined: a read of a byte the
#             map did not write is reported); any error or leak fails the run
# Run: bash ci/sanitizers.sh [asan] [gcc] [valgrind]   (default: all three, in that order)
#      .ci/run runs `make test` itself, then `ci/sanitizers.sh gcc valgrind`.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
JOBS=${JOBS:-$(nproc)}
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(asan gcc valgrind)

run_asan() {
  make --no-print-directory test BUILD="$BUILD" JOBS="$JOBS"
}

run_gcc() {
  cmake -S . -B "$BUILD/ci-gcc" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc \
    -DCMAKE_CXX_FLAGS="-O1 -g -D_GLIBCXX_ASSERTIONS" -DCMAKE_C_FLAGS="-O1 -g" >/dev/null
  cmake --build "$BUILD/ci-gcc" -j "$JOBS"
  (cd "$BUILD/ci-gcc" && ctest --output-on-failure -j "$JOBS")
}

run_valgrind() {
  local tests=$BUILD/ci-gcc/core/tests
  [ -x "$tests/hashmap_mem_unit_tests" ] && [ -x "$tests/malloc_every_op" ] || run_gcc
  # --error-exitcode turns any memcheck report into a failure; leaks count as errors.
  local memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
                  --track-origins=yes --quiet)
  "${memcheck[@]}" "$tests/hashmap_mem_unit_tests" --gtest_brief=1
  "${memcheck[@]}" "$tests/malloc_every_op"
}

for part in "${parts[@]}"; do
  start=$SECONDS
  echo "--- sanitizers: $part"
  case $part in
    asan) run_asan ;;
    gcc) run_gcc ;;
    valgrind) run_valgrind ;;
    *) echo "unknown part '$part' (asan, gcc, valgrind)"; exit 2 ;;
  esac
  echo "--- sanitizers: $part passed in $((SECONDS - start)) s"
done
