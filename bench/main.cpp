// hashmap-mem vs absl::flat_hash_map (twice: at hashmap-mem's load, and
// reserved to the capacity) vs std::unordered_map, same keys, same run. For
// each workload the four maps are set up side by side and timed in turn,
// SAMPLES times; the median ns/op of each is reported. The last lines are one
// `ratio ...` line per workload: vs_absl at equal load, vs_absl_reserved (each
// the median of the samples' ratios).
// Run: `make bench`, or build/bench/bench/hashmap_mem_bench [SAMPLES] [MIN_OPS]
// [FILTER] [ONLY] (defaults 9 and 300000 ops per sample; FILTER keeps the workloads
// whose ratio-line label, e.g. "workload=hit cap=4096 fill=50 key=8 ", contains it;
// ONLY, one of hashmap_mem, absl, absl_reserved, std, runs that map alone:
// ci/cachegrind.sh counts one map's instructions per op with it). maps.hpp
// says why absl is measured at two reservations.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "maps.hpp"
#include "workloads.hpp"

namespace hashmap_mem::bench {
namespace {

struct Config {
    Workload workload;
    std::uint16_t capacity;
    int fill_percent;
    int key_bytes;
};

struct Result {
    Config config;
    double ns[4];                  // hashmap_mem, absl (equal load), absl_reserved, std
    double vs[3];                  // hashmap_mem / absl, absl_reserved, std: median of the samples' ratios
    std::uint64_t setup_nulls = 0;  // hashmap-mem refused inserts while filling the map
    std::uint64_t nulls = 0;        // ... and during the timed inserts (all samples)
    std::uint64_t inserts = 0;      // timed inserts (insert and churn workloads)
    std::uint64_t unexpected = 0;  // wrong answers: must stay 0
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// 80% of 4096 is 3276 (integer), as a VM sizing a map would compute it.
std::uint32_t live_count(const Config& config) {
    return static_cast<std::uint32_t>(std::uint32_t{config.capacity} * static_cast<std::uint32_t>(config.fill_percent) / 100);
}

// Which maps run: bit 0 hashmap-mem, bit 1 absl, bit 2 absl_reserved, bit 3
// std (a map left out is never set up and times 0).
template <typename Key>
Result measure(const Config& config, int samples, std::uint64_t min_ops, std::int64_t overhead, unsigned maps) {
    const std::uint32_t live = live_count(config);
    std::optional<Runner<HashmapMem<Key>, Key>> mem;
    std::optional<Runner<Absl<Key>, Key>> absl;
    std::optional<Runner<AbslReserved<Key>, Key>> absl_reserved;
    std::optional<Runner<Std<Key>, Key>> std_map;
    if ((maps & 1) != 0) mem.emplace(config.workload, config.capacity, live, overhead);
    if ((maps & 2) != 0) absl.emplace(config.workload, config.capacity, live, overhead);
    if ((maps & 4) != 0) absl_reserved.emplace(config.workload, config.capacity, live, overhead);
    if ((maps & 8) != 0) std_map.emplace(config.workload, config.capacity, live, overhead);
    Result result{config, {0, 0, 0, 0}, {0, 0, 0}};
    result.setup_nulls = mem ? mem->setup_nulls() : 0;
    const bool inserts = config.workload == Workload::Insert || config.workload == Workload::Churn;
    std::vector<double> times[4];
    for (int sample = 0; sample < samples; ++sample) {
        const Sample a = mem ? mem->run(min_ops) : Sample{};
        const Sample b = absl ? absl->run(min_ops) : Sample{};
        const Sample r = absl_reserved ? absl_reserved->run(min_ops) : Sample{};
        const Sample c = std_map ? std_map->run(min_ops) : Sample{};
        times[0].push_back(a.ns_per_op);
        times[1].push_back(b.ns_per_op);
        times[2].push_back(r.ns_per_op);
        times[3].push_back(c.ns_per_op);
        result.nulls += a.nulls;
        if (inserts) result.inserts += (min_ops + live - 1) / live * live;
        result.unexpected += a.unexpected + b.unexpected + r.unexpected + c.unexpected + b.nulls + r.nulls + c.nulls;
    }
    for (int i = 0; i < 4; ++i) result.ns[i] = median(times[i]);
    // Each sample's ratio, then their median: the maps of one sample ran
    // back to back. This VM's clock state flips (every map's ns by ~1.6x at
    // once), and a flip inside a workload's samples can leave one map's median
    // in each state: 4096/50 24-byte insert gave 0.90 in one run of five
    // (10.70 / 11.93 ns), 0.67-0.72 in the others; as a median of ratios 0.71.
    for (int other = 1; other < 4; ++other) {
        std::vector<double> ratios;
        for (std::size_t sample = 0; sample < times[0].size(); ++sample) {
            if (times[other][sample] > 0) ratios.push_back(times[0][sample] / times[other][sample]);
        }
        result.vs[other - 1] = ratios.empty() ? 0 : median(ratios);
    }
    return result;
}

Result measure_any(const Config& config, int samples, std::uint64_t min_ops, std::int64_t overhead, unsigned maps) {
    switch (config.key_bytes) {
        case 4: return measure<std::uint32_t>(config, samples, min_ops, overhead, maps);
        case 24: return measure<Key24>(config, samples, min_ops, overhead, maps);
        default: return measure<std::uint64_t>(config, samples, min_ops, overhead, maps);
    }
}

// "workload=hit cap=4096 fill=50 key=8 ": the start of a ratio line.
std::string label(const Config& config) {
    char text[96];
    std::snprintf(text, sizeof text, "workload=%s cap=%u fill=%d key=%d ", workload_name(config.workload),
                  unsigned{config.capacity}, config.fill_percent, config.key_bytes);
    return text;
}

std::vector<Config> all_configs() {
    std::vector<Config> configs;
    const Workload workloads[] = {Workload::Insert, Workload::Hit, Workload::Miss, Workload::Churn};
    for (const std::uint16_t capacity : {std::uint16_t{1024}, std::uint16_t{4096}, std::uint16_t{32768}}) {
        for (const int fill : {50, 80}) {
            for (const Workload w : workloads) configs.push_back({w, capacity, fill, 8});
        }
    }
    for (const int key_bytes : {4, 24}) {
        for (const Workload w : workloads) configs.push_back({w, 4096, 50, key_bytes});
    }
    return configs;
}

}  // namespace
}  // namespace hashmap_mem::bench

int main(int argc, char** argv) {
    using namespace hashmap_mem::bench;
    const int samples = argc > 1 ? std::atoi(argv[1]) : 9;
    const std::uint64_t min_ops = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 300000;
    const std::string filter = argc > 3 ? argv[3] : "";
    const std::string only = argc > 4 ? argv[4] : "";
    const unsigned maps = only.empty()                ? 15U
                          : only == "hashmap_mem"     ? 1U
                          : only == "absl"            ? 2U
                          : only == "absl_reserved"   ? 4U
                          : only == "std"             ? 8U
                                                      : 0U;
    if (maps == 0) {
        std::fprintf(stderr, "ONLY is '%s': expected hashmap_mem, absl, absl_reserved or std\n", only.c_str());
        return 2;
    }
    std::printf("# %d samples of >= %llu ops per map and workload; median CPU ns/op (key generation included)\n", samples,
                static_cast<unsigned long long>(min_ops));
    std::printf("# absl: reserve(4/5 capacity) = %zu slots at 4096, hashmap-mem's load (vs_absl); absl_reserved: "
                "reserve(capacity) = %zu slots at 4096, half that load (vs_absl_reserved)\n",
                Absl<std::uint64_t>(4096).slots(), AbslReserved<std::uint64_t>(4096).slots());
    const std::int64_t overhead = measure_clock_overhead_ns();
    std::printf("# clock: thread CPU time, %lld ns per reading subtracted from each insert round\n",
                static_cast<long long>(overhead));
    std::vector<Result> results;
    bool wrong = false;
    for (const Config& config : all_configs()) {
        if (label(config).find(filter) == std::string::npos) continue;
        const Result r = measure_any(config, samples, min_ops, overhead, maps);
        results.push_back(r);
        std::printf("%-6s cap=%-5u fill=%d key=%-2d  hashmap_mem %7.2f  absl %7.2f  absl_reserved %7.2f  std %7.2f ns/op",
                    workload_name(config.workload), unsigned{config.capacity}, config.fill_percent, config.key_bytes,
                    r.ns[0], r.ns[1], r.ns[2], r.ns[3]);
        if (r.setup_nulls != 0) {
            std::printf("  [hashmap_mem fill: %llu of %u keys refused, window full]",
                        static_cast<unsigned long long>(r.setup_nulls), live_count(config));
        }
        if (r.nulls != 0) {
            std::printf("  [hashmap_mem: %llu of %llu timed inserts refused, window full]",
                        static_cast<unsigned long long>(r.nulls), static_cast<unsigned long long>(r.inserts));
        }
        std::printf("\n");
        std::fflush(stdout);
        if (r.unexpected != 0) {
            std::printf("WRONG ANSWERS: %llu\n", static_cast<unsigned long long>(r.unexpected));
            wrong = true;
        }
    }
    for (const Result& r : results) {
        std::printf("ratio %shashmap_mem_ns=%.2f absl_ns=%.2f absl_reserved_ns=%.2f std_ns=%.2f vs_absl=%.2f "
                    "vs_absl_reserved=%.2f vs_std=%.2f\n",
                    label(r.config).c_str(), r.ns[0], r.ns[1], r.ns[2], r.ns[3], r.vs[0], r.vs[1], r.vs[2]);
    }
    return wrong ? 1 : 0;
}
