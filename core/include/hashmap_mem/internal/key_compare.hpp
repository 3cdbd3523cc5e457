// Internal to hashmap-mem; include "hashmap_mem/map.hpp". Key compare per
// key size: key_difference (whole-word key sizes, no branch) and keys_equal
// (any key size, whole words then the tail). Every walk compares keys with
// these; one place, so the copies for 1, 2, 4, 8, 16, 24 and 32 bytes and the
// generic one stay alike.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "hashmap_mem/fxhash.hpp"

namespace hashmap_mem {
namespace detail {

// KeySize 0 means "key_size from the header"; 1, 2, 4, 8, 16, 24 and 32 get
// their own copies so hash and compare become a few whole-word operations.
// Whole words are XORed and ORed: one branch per compare, not one per word.
// key_difference: zero iff the keys are equal (whole-word key sizes only).
template <std::size_t KeySize>
inline std::uint64_t key_difference(const std::uint8_t* a, const std::uint8_t* b) noexcept {
    if constexpr (KeySize == 1 || KeySize == 2 || KeySize == 4) {
        using Word = std::conditional_t<KeySize == 1, std::uint8_t, std::conditional_t<KeySize == 2, std::uint16_t, std::uint32_t>>;
        return static_cast<Word>(load<Word>(a) ^ load<Word>(b));
    } else {
        static_assert(KeySize != 0 && KeySize % 8 == 0, "whole words");
        std::uint64_t diff = 0;
        for (std::size_t at = 0; at < KeySize; at += 8) diff |= load<std::uint64_t>(a + at) ^ load<std::uint64_t>(b + at);
        return diff;
    }
}

template <std::size_t KeySize>
inline bool keys_equal(const std::uint8_t* a, const std::uint8_t* b, std::size_t key_size) noexcept {
    if constexpr (KeySize == 1 || KeySize == 2 || KeySize == 4 || (KeySize != 0 && KeySize % 8 == 0)) {
        return key_difference<KeySize>(a, b) == 0;
    } else {
        // Whole words, then the tail byte by byte; no memcmp call: libFuzzer
        // hooks every unequal memcmp, which made 40-byte keys cost ops_fuzzer
        // 42% of its time in the hook (perf).
        const std::size_t size = KeySize != 0 ? KeySize : key_size;
        std::uint64_t diff = 0;
        std::size_t at = 0;
        for (; at + 8 <= size; at += 8) diff |= load<std::uint64_t>(a + at) ^ load<std::uint64_t>(b + at);
        for (; at < size; ++at) diff |= static_cast<std::uint64_t>(a[at] ^ b[at]);
        return diff == 0;
    }
}

}  // namespace detail
}  // namespace hashmap_mem
