// Cost of init per bucket (Google Benchmark): capacity 4096 and 32768,
// buckets of 16 bytes (u32 key, u64 value) and 48 (u64 key, 32-byte value).
// init runs once per map, not per op: this bounds what a VM pays to create or
// clear a map. `per_bucket` is CPU time / capacity.
// Run: BUILD=build bash ci/bench.sh builds it too; then
//      build/bench/bench/hashmap_mem_init_bench [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>

#include "hashmap_mem/hashmap_mem.hpp"

namespace {

void BM_Init(benchmark::State& state) {
    const auto capacity = static_cast<std::uint32_t>(state.range(0));
    const bool wide = state.range(1) == 48;
    const hashmap_mem::LayoutResult r = wide ? hashmap_mem::layout(8, 8, 32, 8, capacity) : hashmap_mem::layout(4, 4, 8, 8, capacity);
    if (!r || r.bucket_layout.bucket_size != state.range(1)) {
        state.SkipWithError("unexpected layout");
        return;
    }
    const auto block = std::make_unique<std::uint8_t[]>(r.map_init.total_size);
    for (auto _ : state) {
        hashmap_mem::init(block.get(), r.map_init);
        benchmark::DoNotOptimize(block.get());
        benchmark::ClobberMemory();
    }
    state.counters["per_bucket"] = benchmark::Counter(
        static_cast<double>(capacity), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.counters["bytes"] = static_cast<double>(r.map_init.total_size);
}

BENCHMARK(BM_Init)->ArgsProduct({{4096, 32768}, {16, 48}})->MeasureProcessCPUTime()->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
