#!/usr/bin/env bash
# Benchmarks hashmap-mem against absl::flat_hash_map and std::unordered_map:
# configures a Release build in $BUILD/bench (bench on, tests off), builds it
# and runs it; the output ends with one `ratio ...` line per workload.
# Run: `make bench` or `BUILD=build bash ci/bench.sh [SAMPLES] [MIN_OPS] [FILTER]`
# (FILTER: only workloads whose ratio line contains it, e.g. "cap=4096 fill=50 key=8 ").
# Timings are medians of thread CPU time per op: waiting for a core is not
# counted, but other load still disturbs caches, so compare ratios of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
JOBS="${JOBS:-$(nproc)}"
cmake -S . -B "$BUILD/bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DHASHMAP_MEM_BUILD_BENCH=ON -DHASHMAP_MEM_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD/bench" -j "$JOBS" --target hashmap_mem_bench
"$BUILD/bench/bench/hashmap_mem_bench" "$@"
