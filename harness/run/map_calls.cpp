// The core's source compiled a second time, as namespace checker_copy (see
// map_calls.hpp): the checker's calls run the same code as the executor's,
// under ASan and UBSan, without adding to the fuzzer's coverage.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#define hashmap_mem hashmap_mem_checker_copy
#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/map.hpp"
#undef hashmap_mem

#include "run/map_calls.hpp"

namespace hashmap_mem::harness {

namespace core = ::hashmap_mem_checker_copy;

const std::uint8_t* map_lookup(std::uint8_t* block, const void* key) noexcept { return core::lookup(block, key); }

std::uint8_t* map_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept {
    return core::get_or_reserve_entry(block, key);
}

MapEntry map_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept {
    const core::Entry entry = core::find_next_valid_entry(block, start);
    return MapEntry{entry.index, entry.key, entry.value};
}


}  // namespace hashmap_mem::harness
