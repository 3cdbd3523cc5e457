#!/usr/bin/env bash
# MemorySanitizer stage: builds the core library (core/src/*.cpp) and the
# malloc-based driver core/tests/malloc_every_op.cpp with clang-14
# -fsanitize=memory -fsanitize-memory-track-origins, nothing else (no
# GoogleTest, no rapidcheck, no harness: MSan sees only code compiled with it,
# and Debian's libstdc++ is not; the two use no out-of-line libstdc++ code),
# and runs the driver: every op, every key size, maps in blocks from malloc
# whose garbage MSan knows to be uninitialised. Any MSan report fails.
# Run: bash ci/msan.sh          (build in $BUILD/msan, default build/msan)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
CXX=${MSAN_CXX:-clang++-14}
out=$BUILD/msan
mkdir -p "$out"
flags=(-std=c++17 -O1 -g -fsanitize=memory -fsanitize-memory-track-origins -fno-omit-frame-pointer
       -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Icore/include)

start=$SECONDS
objects=()
for src in core/src/*.cpp core/tests/malloc_every_op.cpp; do
  obj=$out/$(basename "$src" .cpp).o
  "$CXX" "${flags[@]}" -c "$src" -o "$obj"
  objects+=("$obj")
done
"$CXX" -fsanitize=memory -fsanitize-memory-track-origins "${objects[@]}" -o "$out/malloc_every_op"
echo "--- msan: built $out/malloc_every_op in $((SECONDS - start)) s"

# halt_on_error is MSan's default: the first report ends the run with exit 1.
MSAN_OPTIONS=halt_on_error=1:print_stats=0 "$out/malloc_every_op"
echo "--- msan: malloc_every_op clean in $((SECONDS - start)) s"
