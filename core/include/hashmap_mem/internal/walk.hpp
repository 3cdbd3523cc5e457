// Internal to hashmap-mem; include "hashmap_mem/map.hpp". The group walk's
// steps: one bucket as walk bits (bucket_bits), 4 buckets at a time without a
// branch (read_group) or with predicted ones (scan_group), the first set bit
// (lowest_bit_index), and which of the two a lookup walks on with
// (long_walks_likely). The lookup and insert walks of map.hpp are built of
// these steps; what an answer means is theirs.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>

#include "hashmap_mem/header.hpp"
#include "hashmap_mem/internal/compiler.hpp"
#include "hashmap_mem/internal/key_compare.hpp"
#include "hashmap_mem/internal/probe.hpp"

namespace hashmap_mem {
namespace detail {

// Key sizes whose compare is a few whole-word loads: their walks test 4
// buckets at a time (see read_group).
template <std::size_t KeySize>
inline constexpr bool GROUPED = KeySize != 0;

// What one bucket means to a walk, by (status, key equal), indexed by
// status * 2 + equal: bit 0 "stop" (Empty, or Occupied with the key), bit 4
// "match" (Occupied with the key), bit 8 Tombstone. PENDING (3) counts as
// Occupied, as reserve_bucket must count it (lookups never meet it). Corrupt
// statuses are 0 (walked past). 512 entries: any status byte indexes it.
inline constexpr std::uint16_t BUCKET_BITS[512] = {
    0x001, 0x001,  // Empty, whatever its stale key
    0x100, 0x100,  // Tombstone
    0x000, 0x011,  // Occupied: key differs, key equal
    0x000, 0x011,  // PENDING: key differs, key equal
};                 // the rest 0

template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint32_t bucket_bits(const Probe& probe, const std::uint8_t* bucket, const std::uint8_t* key) noexcept {
    const std::uint32_t equal = key_difference<KeySize>(bucket + probe.key_offset, key) == 0 ? 1 : 0;
    return BUCKET_BITS[std::uint32_t{bucket[0]} * 2 + equal];
}

// Buckets index .. index+3 (the caller makes sure they do not wrap) as three
// 4-bit masks in one word, bit k of each for bucket index+k: stop (bits 0-3),
// match (4-7) and Tombstone (8-11). No branch: 7 instructions per bucket.
template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint32_t read_group(const Probe& probe, std::uint32_t index, const std::uint8_t* key) noexcept {
    const std::uint8_t* b0 = probe.bucket(index);
    const std::uint8_t* b1 = b0 + probe.bucket_size;
    const std::uint8_t* b2 = b1 + probe.bucket_size;
    const std::uint8_t* b3 = b2 + probe.bucket_size;
    std::uint32_t bits = bucket_bits<KeySize>(probe, b3, key);
    bits = bits * 2 + bucket_bits<KeySize>(probe, b2, key);
    bits = bits * 2 + bucket_bits<KeySize>(probe, b1, key);
    return bits * 2 + bucket_bits<KeySize>(probe, b0, key);
}

inline std::uint32_t lowest_bit_index(std::uint32_t bits) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<std::uint32_t>(__builtin_ctz(bits));
#else
    std::uint32_t n = 0;
    while ((bits & 1) == 0) bits >>= 1, ++n;
    return n;
#endif
}

// The first bucket of index .. index+3 (the caller makes sure they do not
// wrap) that ends a walk which needs no Tombstone: an Empty one (answers
// STOP_EMPTY + k) or an Occupied one holding the key (STOP_MATCH + k); 0 if
// none does. Two branches per bucket, both predicted: on long walks (80%
// fill) neither is taken until the walk's last bucket.
// Why not read_group there: its table lookup per bucket puts the walk's end
// behind a chain of loads and adds; here the loads run ahead under predicted
// branches. Cap 32768, 80% fill (medians of 3 interleaved runs; cachegrind per
// op): miss 23.99 -> 21.14 ns (181 -> 177 instructions, 1.12 -> 1.07
// mispredicts); churn, whose insert walks the whole window past its first
// Tombstone, 82.5 -> 81.8 ns (4.41 -> 4.21 mispredicts), 4096/80 72.2 -> 68.8.
inline constexpr std::uint32_t STOP_EMPTY = 0x10;
inline constexpr std::uint32_t STOP_MATCH = 0x20;

template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint32_t scan_group(const Probe& probe, std::uint32_t index, const std::uint8_t* key) noexcept {
    const std::uint8_t* bucket = probe.bucket(index);
    for (std::uint32_t k = 0; k < 4; ++k, bucket += probe.bucket_size) {
        const std::uint8_t status = bucket[0];
        if (__builtin_expect(status == static_cast<std::uint8_t>(BucketStatus::Empty), 0)) return STOP_EMPTY + k;
        if (__builtin_expect(key_difference<KeySize>(bucket + probe.key_offset, key) == 0, 0) &&
            (status & 0xfe) == static_cast<std::uint8_t>(BucketStatus::Occupied)) {  // Occupied or PENDING
            return STOP_MATCH + k;
        }
    }
    return 0;
}

// More than 5/8 full: walks past the first group are long, and a lookup walks
// on by scan_group. Below, by read_group: most walks that get past 4 buckets
// end in the next 4, and there one predicted group exit beats four bucket
// exits. Misses, ns (medians of 3 interleaved runs), read_group / scan_group:
// cap 4096 fill 50% 8.46 / 8.98, 55% 10.37 / 10.26, 65% 18.68 / 13.62, 75%
// 21.15 / 18.37, 80% 23.48 / 20.07; cap 32768 65% 17.48 / 15.43, 80% 26.21 /
// 22.80; mispredicts per miss at cap 4096, 50% 0.22 / 0.32.
inline bool long_walks_likely(const Probe& probe) noexcept {
    const std::uint32_t count = read_element_count(probe.buckets - MAP_BUCKETS_OFFSET);
    return count * 8 > (probe.mask + 1) * 5;
}

}  // namespace detail
}  // namespace hashmap_mem
