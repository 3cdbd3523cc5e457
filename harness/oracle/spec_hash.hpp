// FxHash64 and the home bucket, written here from SPEC §4 for the checker
// and the key pool: the checker derives the homes it checks placements
// against without calling the code it checks (the core's hash is checked
// against the Rust crate by the fxhash64 conformance vectors), and in fuzz
// builds this runs uninstrumented (a home per probe and per cluster key was
// 3% of ops_fuzzer through the instrumented core).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hashmap_mem::harness {

inline constexpr std::uint64_t SPEC_FX_MULTIPLIER = 0x517cc1b727220a95ULL;

inline std::uint64_t spec_fx_step(std::uint64_t hash, std::uint64_t word) noexcept {
    return ((hash << 5 | hash >> 59) ^ word) * SPEC_FX_MULTIPLIER;
}

// FxHash64 of `size` bytes: 8-byte words, one 4-byte word, then each of the
// last 0-3 bytes alone (host order), as the crates.io fxhash 0.2.1 does.
inline std::uint64_t spec_fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept {
    std::uint64_t hash = 0;
    for (; size >= 8; bytes += 8, size -= 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes, 8);
        hash = spec_fx_step(hash, word);
    }
    if (size >= 4) {
        std::uint32_t word;
        std::memcpy(&word, bytes, 4);
        hash = spec_fx_step(hash, word);
        bytes += 4;
        size -= 4;
    }
    while (size-- > 0) hash = spec_fx_step(hash, *bytes++);
    return hash;
}

// The top 16 bits, masked to the capacity (a power of two).
inline std::uint32_t spec_home(std::uint64_t hash, std::uint32_t capacity) noexcept {
    return static_cast<std::uint32_t>(hash >> 48) & (capacity - 1u);
}

}  // namespace hashmap_mem::harness
