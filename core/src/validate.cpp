#include "hashmap_mem/validate.hpp"

#include <cstring>

#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/header.hpp"
#include "hashmap_mem/layout.hpp"

namespace hashmap_mem {

const char* describe(ValidateError error) noexcept {
    switch (error) {
        case ValidateError::None: return "ok";
        case ValidateError::BlockShorterThanHeader: return "block is shorter than the 24-byte header";
        case ValidateError::BadSecretCode: return "secret code is not 0x3d (not a live map)";
        case ValidateError::CapacityNotPowerOfTwo: return "capacity is not a power of two in 1..32768";
        case ValidateError::KeySizeZero: return "key_size is 0";
        case ValidateError::LogicalLimitZero: return "logical_limit is 0";
        case ValidateError::LogicalLimitAboveCapacity: return "logical_limit is above capacity";
        case ValidateError::CapacityNotSmallestForLimit: return "capacity is not the smallest power of two >= logical_limit";
        case ValidateError::KeyOffsetZero: return "key_offset is 0: the key overlaps the status byte";
        case ValidateError::KeyRangePastBucket: return "key range runs past bucket_size";
        case ValidateError::ValueOverlapsKey: return "value range overlaps the key range or the status byte";
        case ValidateError::ValueRangePastBucket: return "value range runs past bucket_size";
        case ValidateError::TotalSizeOverflow: return "total_size overflows u32";
        case ValidateError::BlockShorterThanTotalSize: return "block is shorter than total_size";
        case ValidateError::BadStatusByte: return "status byte is not 0, 1 or 2";
        case ValidateError::ElementCountMismatch: return "element_count differs from the number of Occupied buckets";
        case ValidateError::DuplicateKey: return "two Occupied buckets hold equal keys";
        case ValidateError::KeyUnreachableEmptyBetween: return "Occupied key unreachable: an Empty bucket lies between its home and it";
        case ValidateError::KeyUnreachableTooFar: return "Occupied key unreachable: it lies 32 or more buckets from its home";
    }
    return "unknown validate error";
}

namespace {

ValidateResult fail(ValidateError error, std::uint32_t bucket = 0) noexcept { return ValidateResult{error, bucket}; }

ValidateError check_header(const MapHeader& h, std::size_t block_size) noexcept {
    const std::uint32_t capacity = h.capacity;
    if (h.padding_and_secret_code != SECRET_CODE) return ValidateError::BadSecretCode;
    if (capacity == 0 || (capacity & (capacity - 1)) != 0) return ValidateError::CapacityNotPowerOfTwo;
    if (h.key_size == 0) return ValidateError::KeySizeZero;
    if (h.logical_limit == 0) return ValidateError::LogicalLimitZero;
    if (h.logical_limit > capacity) return ValidateError::LogicalLimitAboveCapacity;
    if (capacity > 1 && h.logical_limit <= capacity / 2) return ValidateError::CapacityNotSmallestForLimit;
    if (h.key_offset == 0) return ValidateError::KeyOffsetZero;
    // 64-bit sums: u32 fields cannot overflow them.
    const std::uint64_t key_end = std::uint64_t{h.key_offset} + h.key_size;
    if (key_end > h.bucket_size) return ValidateError::KeyRangePastBucket;
    if (h.value_offset < key_end) return ValidateError::ValueOverlapsKey;
    if (std::uint64_t{h.value_offset} + h.value_size > h.bucket_size) return ValidateError::ValueRangePastBucket;
    const std::uint64_t size = total_size(capacity, h.bucket_size);
    if (size > UINT32_MAX) return ValidateError::TotalSizeOverflow;
    if (block_size < size) return ValidateError::BlockShorterThanTotalSize;
    return ValidateError::None;
}

}  // namespace

ValidateResult validate(const void* block, std::size_t block_size) noexcept {
    if (block_size < sizeof(MapHeader)) return fail(ValidateError::BlockShorterThanHeader);
    const MapHeader h = read_header(block);
    const ValidateError header_error = check_header(h, block_size);
    if (header_error != ValidateError::None) return fail(header_error);

    const auto* buckets = static_cast<const std::uint8_t*>(block) + MAP_BUCKETS_OFFSET;
    const std::uint32_t capacity = h.capacity;
    const std::uint32_t mask = capacity - 1;
    const std::uint32_t window = capacity < MAX_PROBE_DISTANCE ? capacity : MAX_PROBE_DISTANCE;
    auto bucket_at = [&](std::uint32_t index) { return buckets + std::size_t{index} * h.bucket_size; };
    const auto empty = static_cast<std::uint8_t>(BucketStatus::Empty);
    const auto occupied = static_cast<std::uint8_t>(BucketStatus::Occupied);

    std::uint32_t occupied_count = 0;
    for (std::uint32_t index = 0; index < capacity; ++index) {
        const std::uint8_t status = bucket_at(index)[0];
        if (status > occupied) return fail(ValidateError::BadStatusByte, index);
        occupied_count += status == occupied;
    }
    if (occupied_count != h.element_count) return fail(ValidateError::ElementCountMismatch);

    // Walk from each key's home to it, as lookup would. Equal keys share a home,
    // so a duplicate is met on the walk to the later one (if both are reachable).
    for (std::uint32_t index = 0; index < capacity; ++index) {
        const std::uint8_t* bucket = bucket_at(index);
        if (bucket[0] != occupied) continue;
        const std::uint8_t* key = bucket + h.key_offset;
        const std::uint32_t home = home_bucket(fxhash64(key, h.key_size), capacity);
        const std::uint32_t distance = (index - home) & mask;
        if (distance >= window) return fail(ValidateError::KeyUnreachableTooFar, index);
        for (std::uint32_t walk = home; walk != index; walk = (walk + 1) & mask) {
            const std::uint8_t* other = bucket_at(walk);
            if (other[0] == empty) return fail(ValidateError::KeyUnreachableEmptyBetween, index);
            if (other[0] == occupied && std::memcmp(other + h.key_offset, key, h.key_size) == 0) {
                return fail(ValidateError::DuplicateKey, index);
            }
        }
    }
    return ValidateResult{ValidateError::None, 0};
}

}  // namespace hashmap_mem
