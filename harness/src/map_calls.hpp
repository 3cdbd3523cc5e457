// The map's operations as the checker calls them. In fuzz builds the
// checker's files are compiled without sanitizers and coverage (they are
// trusted test code, and instrumenting them cost ops_fuzzer half its speed),
// while the core must stay instrumented. An inline core function used in an
// uninstrumented file leaves an uninstrumented copy there, and the linker
// keeps one copy for every caller: it may be that one. So those files call
// the map only through these, defined in map_calls.cpp, which is built like
// the core; harness/check_uninstrumented.sh fails the build otherwise.
#pragma once

#include <cstddef>
#include <cstdint>

#include "hashmap_mem/header.hpp"
#include "hashmap_mem/map.hpp"

namespace hashmap_mem::harness {

const std::uint8_t* map_lookup(std::uint8_t* block, const void* key) noexcept;
std::uint8_t* map_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept;
Entry map_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept;
std::uint64_t map_fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept;

}  // namespace hashmap_mem::harness
