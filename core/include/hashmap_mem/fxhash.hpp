// FxHash64 as FxHasher64::write computes it in the `fxhash` 0.2.1 that
// crates.io ships (SPEC §4): 8-byte words, one 4-byte word, then each
// remaining byte alone. The home bucket is taken from its top 16 bits.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hashmap_mem {

namespace detail {
inline constexpr std::uint64_t FX_SEED = 0x517cc1b727220a95ULL;

inline std::uint64_t fx_step(std::uint64_t hash, std::uint64_t word) noexcept {
    return ((hash << 5 | hash >> 59) ^ word) * FX_SEED;
}

template <typename T>
inline T load(const std::uint8_t* bytes) noexcept {
    T value;
    std::memcpy(&value, bytes, sizeof value);  // keys are unaligned in buckets
    return value;
}
}  // namespace detail

// Hash of `size` bytes. Reads exactly those bytes.
inline std::uint64_t fxhash64(const std::uint8_t* bytes, std::size_t size) noexcept {
    std::uint64_t hash = 0;
    while (size >= 8) {
        hash = detail::fx_step(hash, detail::load<std::uint64_t>(bytes));
        bytes += 8;
        size -= 8;
    }
    if (size >= 4) {
        hash = detail::fx_step(hash, detail::load<std::uint32_t>(bytes));
        bytes += 4;
        size -= 4;
    }
    // The released 0.2.1 steps each of the last 0-3 bytes on its own; the u16
    // step of fxhash's unreleased master never shipped (issue 20).
    for (; size > 0; ++bytes, --size) hash = detail::fx_step(hash, *bytes);
    return hash;
}

// FxHash mixes its low bits badly, so the home bucket comes from the top 16.
inline std::uint32_t home_bucket(std::uint64_t hash, std::uint32_t capacity) noexcept {
    return static_cast<std::uint32_t>(hash >> 48) & (capacity - 1);
}

}  // namespace hashmap_mem
