// The map's inline operations, as the harness calls them.
//
// In fuzz builds the harness's own files (executor, checker, decoder, script)
// are compiled without sanitizers and coverage: trusted test code, and
// instrumenting it cost ops_fuzzer more than half its speed (perf). The map
// must stay instrumented. So:
// - Those files never call an inline core function: it would leave an
//   uninstrumented copy in their object, and the linker keeps one copy for
//   every caller, maybe that one. harness/check_uninstrumented.sh fails the
//   build if one does.
// - The executor runs the ops a script asks for through map_ops_*
//   (map_ops.cpp: instrumented like the core), so the fuzzer sees exactly the
//   map code the input drove.
// - The checker verifies through map_* (map_calls.cpp: the same core source
//   compiled again in a namespace of its own, with ASan and UBSan but without
//   coverage): its verification walks are not the input's doing and would
//   only add noise to the fuzzer's coverage.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hashmap_mem::harness {

// find_next_valid_entry's answer.
struct MapEntry {
    std::uint32_t index;
    const std::uint8_t* key;
    const std::uint8_t* value;
};

// For the executor (map_ops.cpp).
std::uint8_t* map_ops_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept;
const std::uint8_t* map_ops_lookup(std::uint8_t* block, const void* key) noexcept;
bool map_ops_has(std::uint8_t* block, const void* key) noexcept;
bool map_ops_remove(std::uint8_t* block, const void* key) noexcept;
MapEntry map_ops_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept;
std::uint64_t map_ops_fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept;

// For the checker (map_calls.cpp).
const std::uint8_t* map_lookup(std::uint8_t* block, const void* key) noexcept;
std::uint8_t* map_get_or_reserve_entry(std::uint8_t* block, const void* key) noexcept;
MapEntry map_find_next_valid_entry(std::uint8_t* block, std::uint32_t start) noexcept;

}  // namespace hashmap_mem::harness
