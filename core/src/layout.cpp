#include "hashmap_mem/layout.hpp"

#include "hashmap_mem/header.hpp"

namespace hashmap_mem {

const char* describe(LayoutError error) noexcept {
    switch (error) {
        case LayoutError::None: return "ok";
        case LayoutError::KeySizeZero: return "key_size 0: keys need at least one byte";
        case LayoutError::KeyAlignmentZero: return "key_alignment 0 is not a power of two in 1..128";
        case LayoutError::KeyAlignmentNotPowerOfTwo: return "key_alignment is not a power of two";
        case LayoutError::KeyAlignmentTooLarge: return "key_alignment is above 128";
        case LayoutError::ValueAlignmentZero: return "value_alignment 0 is not a power of two in 1..128";
        case LayoutError::ValueAlignmentNotPowerOfTwo: return "value_alignment is not a power of two";
        case LayoutError::ValueAlignmentTooLarge: return "value_alignment is above 128";
        case LayoutError::LogicalLimitZero: return "logical_limit 0: a map holds at least one entry";
        case LayoutError::LogicalLimitTooLarge: return "logical_limit is above 32768";
        case LayoutError::ValueOffsetOverflow: return "value_offset overflows u32 (key_size too large)";
        case LayoutError::BucketSizeOverflow: return "bucket_size overflows u32 (value_size too large)";
        case LayoutError::TotalSizeOverflow: return "total_size overflows u32 (buckets too large for the capacity)";
    }
    return "unknown layout error";
}

namespace {

// x != 0: check_alignment rejects 0 first, with its own message.
constexpr bool is_power_of_two(std::uint64_t x) noexcept { return (x & (x - 1)) == 0; }

constexpr std::uint64_t align_up(std::uint64_t x, std::uint64_t alignment) noexcept {
    return (x + alignment - 1) & ~(alignment - 1);
}

LayoutError check_alignment(std::uint32_t alignment, LayoutError zero, LayoutError not_power,
                            LayoutError too_large) noexcept {
    if (alignment == 0) return zero;
    if (!is_power_of_two(alignment)) return not_power;
    if (alignment > MAX_ALIGNMENT) return too_large;
    return LayoutError::None;
}

}  // namespace

BucketLayoutResult calculate_bucket_layout(std::uint32_t key_size, std::uint32_t key_alignment,
                                           std::uint32_t value_size,
                                           std::uint32_t value_alignment) noexcept {
    BucketLayoutResult result{};
    if (key_size == 0) {
        result.error = LayoutError::KeySizeZero;
        return result;
    }
    result.error = check_alignment(key_alignment, LayoutError::KeyAlignmentZero,
                                   LayoutError::KeyAlignmentNotPowerOfTwo, LayoutError::KeyAlignmentTooLarge);
    if (result.error != LayoutError::None) return result;
    result.error = check_alignment(value_alignment, LayoutError::ValueAlignmentZero,
                                   LayoutError::ValueAlignmentNotPowerOfTwo, LayoutError::ValueAlignmentTooLarge);
    if (result.error != LayoutError::None) return result;

    // 64-bit arithmetic: no input can overflow it, so each check below is exact.
    const std::uint64_t key_offset = align_up(1, key_alignment);  // after the status byte
    const std::uint64_t value_offset = align_up(key_offset + key_size, value_alignment);
    const std::uint64_t content_alignment = key_alignment > value_alignment ? key_alignment : value_alignment;
    const std::uint64_t bucket_size = align_up(value_offset + value_size, content_alignment);
    if (value_offset > UINT32_MAX) {
        result.error = LayoutError::ValueOffsetOverflow;
    } else if (bucket_size > UINT32_MAX) {
        result.error = LayoutError::BucketSizeOverflow;
    } else {
        result.bucket_layout.bucket_size = static_cast<std::uint32_t>(bucket_size);
        result.bucket_layout.key_offset = static_cast<std::uint8_t>(key_offset);
        result.bucket_layout.value_offset = static_cast<std::uint32_t>(value_offset);
    }
    return result;
}

LayoutResult layout(std::uint32_t key_size, std::uint32_t key_alignment, std::uint32_t value_size,
                    std::uint32_t value_alignment, std::uint32_t logical_limit) noexcept {
    LayoutResult result{};
    const BucketLayoutResult bucket = calculate_bucket_layout(key_size, key_alignment, value_size, value_alignment);
    if (!bucket) {
        result.error = bucket.error;
        return result;
    }
    if (logical_limit == 0) {
        result.error = LayoutError::LogicalLimitZero;
        return result;
    }
    if (logical_limit > MAX_CAPACITY) {
        result.error = LayoutError::LogicalLimitTooLarge;
        return result;
    }
    std::uint32_t capacity = 1;
    while (capacity < logical_limit) capacity <<= 1;
    const std::uint64_t size = total_size(capacity, bucket.bucket_layout.bucket_size);
    if (size > UINT32_MAX) {
        result.error = LayoutError::TotalSizeOverflow;
        return result;
    }
    result.bucket_layout = bucket.bucket_layout;
    result.map_init = MapInit{key_size,
                              static_cast<std::uint8_t>(key_alignment),
                              value_size,
                              static_cast<std::uint8_t>(value_alignment),
                              static_cast<std::uint16_t>(capacity),
                              static_cast<std::uint16_t>(logical_limit),
                              static_cast<std::uint32_t>(size)};
    return result;
}

}  // namespace hashmap_mem
