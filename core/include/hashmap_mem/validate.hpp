// validate(block, block_size): whether an image from outside (a file, the
// network, another process) may be trusted by the fast operations (SPEC §10).
// Reads nothing outside [block, block + block_size), never writes, allocates
// nothing. An accepted image is safe for every operation, and every answer on
// it matches a std::unordered_map holding its entries.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>

#include "hashmap_mem/export.h"

namespace hashmap_mem {

enum class ValidateError : std::uint8_t {
    None = 0,
    BlockShorterThanHeader,
    BadSecretCode,
    CapacityNotPowerOfTwo,
    KeySizeZero,
    LogicalLimitZero,
    LogicalLimitAboveCapacity,
    CapacityNotSmallestForLimit,
    KeyOffsetZero,
    KeyRangePastBucket,
    ValueOverlapsKey,
    ValueRangePastBucket,
    TotalSizeOverflow,
    BlockShorterThanTotalSize,
    BadStatusByte,
    ElementCountMismatch,
    DuplicateKey,
    KeyUnreachableEmptyBetween,
    KeyUnreachableTooFar,
};

HASHMAP_MEM_API const char* describe(ValidateError error) noexcept;

struct ValidateResult {
    ValidateError error;
    std::uint32_t bucket;  // the bucket the problem is in, where there is one; else 0
    explicit operator bool() const noexcept { return error == ValidateError::None; }
};

HASHMAP_MEM_API ValidateResult validate(const void* block, std::size_t block_size) noexcept;

}  // namespace hashmap_mem
