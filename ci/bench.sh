#!/usr/bin/env bash
# Benchmarks hashmap-mem against absl::flat_hash_map and std::unordered_map:
# configures a Release build in $BUILD/bench (bench on, tests off), builds it
# and runs it; the output ends with one `ratio ...` line per workload.
# Run: `make bench` or `BUILD=build bash ci/bench.sh [SAMPLES] [MIN_OPS]`.
# Timings are wall-clock medians: run on a quiet machine for stable numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
JOBS="${JOBS:-$(nproc)}"
cmake -S . -B "$BUILD/bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DHASHMAP_MEM_BUILD_BENCH=ON -DHASHMAP_MEM_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD/bench" -j "$JOBS" --target hashmap_mem_bench
"$BUILD/bench/bench/hashmap_mem_bench" "$@"
