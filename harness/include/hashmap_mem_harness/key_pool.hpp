// Keys chosen by their home bucket, for tests and fuzz targets that need
// clusters: 33 keys with one home fill a 32-bucket window (the next put gets
// null), and a home near capacity - 1 makes the probe wrap to bucket 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hashmap_mem_harness/bytes.hpp"

namespace hashmap_mem::harness {

// The home bucket of SPEC §4: top 16 bits of FxHash64, masked by capacity - 1.
std::uint32_t home_bucket(const Bytes& key, std::uint32_t capacity);

// Up to `count` distinct keys of `key_size` bytes whose home is `home` in a
// map of `capacity` buckets, the same for the same arguments (`seed` varies
// them). Keys of 8 bytes or more are made by running FxHash backwards through
// their last full 8-byte word, so any count is quick at any capacity; shorter
// keys are searched for (at most 2^18 tries), so a 1-byte key at capacity
// 32768 may find none.
std::vector<Bytes> keys_with_home(std::uint32_t key_size, std::uint32_t capacity, std::uint32_t home,
                                  std::size_t count, std::uint64_t seed);

}  // namespace hashmap_mem::harness
