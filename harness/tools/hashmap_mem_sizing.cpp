// hashmap-mem-sizing: how often an insert is refused because its key's
// 32-bucket window is full, by how full the map is. The logical limit is no
// promise: get_or_reserve_entry never compares the count with it, and an
// insert fails when the 32 buckets from its key's home are all Occupied,
// however many entries the map holds. docs/sizing.md quotes this table.
//
//   hashmap-mem-sizing [--trials N]   one markdown table on stdout: per
//                                     capacity and fill, the share of inserts
//                                     refused, the mean refused per map and
//                                     the maps that refused any, over N maps
//                                     of random 8-byte keys (splitmix64, seeds
//                                     1..N; default 100), and the refused of
//                                     keys 0..n-1 as u32. Deterministic: the
//                                     same table on every machine.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "hashmap_mem/hashmap_mem.hpp"
#include "keys/splitmix.hpp"

namespace {

namespace hm = hashmap_mem;

struct Refusals {
    std::size_t refused = 0;  // inserts that got null
    bool any = false;
};

// A fresh map of `capacity` buckets (limit = capacity) and 8-byte values;
// inserts `keys` keys made by next_key(i, bytes); counts the nulls.
template <typename NextKey>
Refusals fill_map(std::uint32_t key_size, std::uint32_t capacity, std::size_t keys, NextKey next_key) {
    const hm::LayoutResult made = hm::layout(key_size, key_size, 8, 8, capacity);
    std::vector<std::uint64_t> block(made.map_init.total_size / 8 + 1);
    hm::init(block.data(), made.map_init);
    Refusals out;
    std::uint8_t key[8];
    for (std::size_t i = 0; i < keys; ++i) {
        next_key(i, key);
        if (hm::get_or_reserve_entry(block.data(), key) == nullptr) ++out.refused;
    }
    out.any = out.refused != 0;
    return out;
}

bool parse_count(const char* text, std::size_t& out) {
    const char* end = text + std::strlen(text);
    const auto [stop, error] = std::from_chars(text, end, out);
    return error == std::errc() && stop == end && text != end && out >= 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t trials = 100;
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::printf("usage: hashmap-mem-sizing [--trials N]\n"
                    "Inserts refused (32-bucket window full) by fill, as a markdown table.\n");
        return 0;
    }
    if (argc != 1 && !(argc == 3 && std::strcmp(argv[1], "--trials") == 0 && parse_count(argv[2], trials))) {
        std::fprintf(stderr, "hashmap-mem-sizing: bad arguments (usage: hashmap-mem-sizing [--trials N], N >= 1)\n");
        return 2;
    }
    constexpr std::uint32_t CAPACITIES[] = {128, 1024, 32768};
    constexpr double FILLS[] = {0.25, 0.5, 0.625, 0.75, 0.875, 0.9375, 0.977, 1.0};
    std::printf("hashmap-mem-sizing --trials %zu: inserts refused because the key's 32-bucket window was full\n\n",
                trials);
    std::printf("| capacity | keys inserted | fill | random keys: refused | refused per map | maps refusing any "
                "| keys 0..n-1: refused |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const std::uint32_t capacity : CAPACITIES) {
        for (const double fill : FILLS) {
            const auto keys = static_cast<std::size_t>(fill * capacity + 0.5);
            std::size_t refused = 0, maps_refusing = 0;
            for (std::size_t seed = 1; seed <= trials; ++seed) {
                std::uint64_t state = seed;
                const Refusals r = fill_map(8, capacity, keys, [&](std::size_t, std::uint8_t* key) {
                    const std::uint64_t k = hashmap_mem::harness::splitmix(state);  // a bijection: no repeats
                    std::memcpy(key, &k, 8);
                });
                refused += r.refused;
                maps_refusing += r.any ? 1 : 0;
            }
            const Refusals sequential = fill_map(4, capacity, keys, [](std::size_t i, std::uint8_t* key) {
                const auto k = static_cast<std::uint32_t>(i);
                std::memcpy(key, &k, 4);
            });
            std::printf("| %u | %zu | %.1f%% | %.3f%% | %.2f | %zu of %zu | %zu |\n", capacity, keys, fill * 100,
                        100.0 * static_cast<double>(refused) / static_cast<double>(keys * trials),
                        static_cast<double>(refused) / static_cast<double>(trials), maps_refusing, trials,
                        sequential.refused);
        }
    }
    return 0;
}
