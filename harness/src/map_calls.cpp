// Built like the core (sanitizers, coverage): see map_calls.hpp.
#include "map_calls.hpp"

#include "hashmap_mem/fxhash.hpp"

namespace hashmap_mem::harness {

const std::uint8_t* map_lookup(std::uint8_t* block, const void* key) noexcept { return lookup(block, key); }

std::uint8_t* map_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept {
    return get_or_reserve_entry(block, key);
}

Entry map_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept {
    return find_next_valid_entry(block, start);
}

std::uint64_t map_fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept { return fxhash64(bytes, size); }

}  // namespace hashmap_mem::harness
