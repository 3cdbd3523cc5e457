// The three ways to call the map, on the same keys in the same run: the C++
// inline functions (hashmap_mem.hpp), the C API (hashmap_mem.h: one call into
// the library per op) and MapView<u64, u64> (inline, key size fixed at compile
// time). u64 keys and values, capacity 4096, 50% fill; median thread CPU ns
// per op of SAMPLES samples, key generation included. Run:
//   cmake --build build/bench --target hashmap_mem_front_end_bench && build/bench/bench/hashmap_mem_front_end_bench [SAMPLES]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "cpu_clock.hpp"
#include "hashmap_mem/hashmap_mem.h"
#include "hashmap_mem/hashmap_mem.hpp"
#include "hashmap_mem/map_view.hpp"
#include "keys.hpp"
#include "maps.hpp"

namespace hashmap_mem::bench {
namespace {

using View = MapView<std::uint64_t, std::uint64_t>;
constexpr std::uint16_t CAPACITY = 4096;
constexpr std::uint32_t LIVE = 2048;
constexpr std::uint64_t PASSES = 200;
volatile std::uint64_t result_sink;

struct Cpp {
    static std::uint64_t get(void* map, std::uint64_t key) {
        const std::uint8_t* slot = lookup(static_cast<const void*>(opaque(map)), &key);
        std::uint64_t value = 0;
        if (slot != nullptr) std::memcpy(&value, slot, sizeof value);
        return value;
    }
};
struct C {
    static std::uint64_t get(void* map, std::uint64_t key) {
        const std::uint8_t* slot = hashmap_mem_lookup(opaque(map), &key);
        std::uint64_t value = 0;
        if (slot != nullptr) std::memcpy(&value, slot, sizeof value);
        return value;
    }
};
struct ViewCall {
    static std::uint64_t get(void* map, std::uint64_t key) {
        const View* view = opaque(static_cast<View*>(map));  // the view object, as a VM would keep it
        const std::uint64_t* value = view->find(key);
        return value == nullptr ? 0 : *value;
    }
};

// ns per lookup of one pass kind (hits: the live keys; misses: never inserted).
template <typename Call>
double lookups(void* map, std::uint64_t stream) {
    std::uint64_t check = 0;
    const std::int64_t start = cpu_now_ns();
    for (std::uint64_t pass = 0; pass < PASSES; ++pass) {
        for (std::uint32_t i = 0; i < LIVE; ++i) check += Call::get(map, make_key<std::uint64_t>(stream + i));
    }
    const std::int64_t elapsed = cpu_now_ns() - start;
    result_sink = check;
    return static_cast<double>(elapsed) / static_cast<double>(PASSES * LIVE);
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

}  // namespace
}  // namespace hashmap_mem::bench

int main(int argc, char** argv) {
    using namespace hashmap_mem::bench;
    const int samples = argc > 1 ? std::atoi(argv[1]) : 9;
    std::vector<std::uint64_t> block(View::bytes_for(CAPACITY) / 8 + 1);
    View view = *View::create(block.data(), block.size() * 8, CAPACITY);
    for (std::uint32_t i = 0; i < LIVE; ++i) view.insert_or_assign(make_key<std::uint64_t>(LIVE_STREAM + i), i + 1);
    void* map = view.data();
    std::printf("# u64 -> u64, cap %u, %u entries; median of %d samples, thread CPU ns per lookup\n", CAPACITY, LIVE,
                samples);
    for (const auto& [name, stream] : {std::pair{"hit", LIVE_STREAM}, std::pair{"miss", MISS_STREAM}}) {
        std::vector<double> cpp, c, typed;
        for (int s = 0; s < samples; ++s) {  // interleaved: load on the machine hits all three alike
            cpp.push_back(lookups<Cpp>(map, stream));
            c.push_back(lookups<C>(map, stream));
            typed.push_back(lookups<ViewCall>(&view, stream));
        }
        std::printf("front_end %s cpp_inline_ns=%.2f c_api_ns=%.2f map_view_ns=%.2f\n", name, median(cpp), median(c),
                    median(typed));
    }
    return 0;
}
