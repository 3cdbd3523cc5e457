// Layout (SPEC §3): where key and value sit in a bucket, how many buckets a
// logical limit needs, and how many bytes the block takes. Unlike the Rust
// crate, every invalid input is rejected with an error naming it, and nothing
// is written.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstdint>

#include "hashmap_mem/export.h"

namespace hashmap_mem {

struct BucketLayout {
    std::uint32_t bucket_size;
    std::uint8_t key_offset;
    std::uint32_t value_offset;
};

struct MapInit {
    std::uint32_t key_size;
    std::uint8_t key_alignment;
    std::uint32_t value_size;
    std::uint8_t value_alignment;
    std::uint16_t capacity;
    std::uint16_t logical_limit;
    std::uint32_t total_size;
};

enum class LayoutError : std::uint8_t {
    None = 0,
    KeySizeZero,
    KeyAlignmentZero,
    KeyAlignmentNotPowerOfTwo,
    KeyAlignmentTooLarge,
    ValueAlignmentZero,
    ValueAlignmentNotPowerOfTwo,
    ValueAlignmentTooLarge,
    LogicalLimitZero,
    LogicalLimitTooLarge,
    ValueOffsetOverflow,
    BucketSizeOverflow,
    TotalSizeOverflow,
};

// A sentence naming the problem, e.g. "key_alignment 0 is not a power of two
// in 1..128". Static storage; never null.
HASHMAP_MEM_API const char* describe(LayoutError error) noexcept;

struct BucketLayoutResult {
    LayoutError error;
    BucketLayout bucket_layout;  // all zero unless error == None
    explicit operator bool() const noexcept { return error == LayoutError::None; }
};

struct LayoutResult {
    LayoutError error;
    BucketLayout bucket_layout;  // all zero unless error == None
    MapInit map_init;            // all zero unless error == None
    explicit operator bool() const noexcept { return error == LayoutError::None; }
};

// Alignments are powers of two in 1..128. Above 8 they are recorded but not
// honoured in memory: buckets start at offset 24, a multiple of 8 only, so a
// typed wrapper must refuse over-aligned key or value types.
inline constexpr std::uint32_t MAX_ALIGNMENT = 128;
static_assert(MAX_ALIGNMENT <= 255, "key_offset = align_up(1, key_alignment) must fit the header's u8");

HASHMAP_MEM_API BucketLayoutResult calculate_bucket_layout(std::uint32_t key_size, std::uint32_t key_alignment,
                                                           std::uint32_t value_size,
                                                           std::uint32_t value_alignment) noexcept;

// 24 + capacity * bucket_size, computed without overflow; a live map's is at
// most UINT32_MAX (layout and validate check it).
constexpr std::uint64_t total_size(std::uint32_t capacity, std::uint32_t bucket_size) noexcept {
    return 24 + std::uint64_t{capacity} * bucket_size;
}

// logical_limit in 1..32768; capacity = smallest power of two >= logical_limit.
HASHMAP_MEM_API LayoutResult layout(std::uint32_t key_size, std::uint32_t key_alignment, std::uint32_t value_size,
                                    std::uint32_t value_alignment, std::uint32_t logical_limit) noexcept;

}  // namespace hashmap_mem
