// Keys chosen by their home bucket, for tests and fuzz targets that need
// clusters: 33 keys with one home fill a 32-bucket window (the next put gets
// null), and a home near capacity - 1 makes the probe wrap to bucket 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "script/bytes.hpp"

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

// Near-duplicates, so that a compare that skips some of a key's bytes is
// seen: `key` with one byte changed (variant 0 the first, 1 the middle one at
// size / 2, 2 the last), or (variant 3) one whole word changed: the last full
// 8-byte word, or for shorter keys its first 4 bytes (all of a key under 4
// bytes). The result differs from `key` in exactly those bytes and has home
// `home` at `capacity` when one exists among the byte's 255 other values (the
// word is solved by running FxHash backwards, short words searched); else it
// is the first candidate, at any home. The same for the same arguments.
enum class NearDuplicate : std::uint8_t { FirstByte, MiddleByte, LastByte, Word };
inline constexpr std::size_t NEAR_DUPLICATE_KINDS = 4;
Bytes near_duplicate(const Bytes& key, NearDuplicate kind, std::uint32_t capacity, std::uint32_t home);

}  // namespace hashmap_mem::harness
