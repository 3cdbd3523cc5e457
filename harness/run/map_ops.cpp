// The ops a script asks for, compiled like the core (coverage, ASan, UBSan):
// see map_calls.hpp.
#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/map.hpp"
#include "run/map_calls.hpp"

namespace hashmap_mem::harness {

std::uint8_t* map_ops_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept {
    return get_or_reserve_entry(block, key);
}

const std::uint8_t* map_ops_lookup(std::uint8_t* block, const void* key) noexcept { return lookup(block, key); }

bool map_ops_has(std::uint8_t* block, const void* key) noexcept { return has(block, key); }

bool map_ops_remove(std::uint8_t* block, const void* key) noexcept { return remove(block, key); }

MapEntry map_ops_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept {
    const Entry entry = find_next_valid_entry(block, start);
    return MapEntry{entry.index, entry.key, entry.value};
}

std::uint64_t map_ops_fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept { return fxhash64(bytes, size); }

}  // namespace hashmap_mem::harness
