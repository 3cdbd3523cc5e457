// Internal to hashmap-mem; include "hashmap_mem/map.hpp". The probe: the
// numbers every walk reads from the header once per call (Probe), where a
// key's walk starts (hash_key, home_of) and how far a stored key's walk is
// (probe_distance), and the walks' sentinels (NOT_FOUND, PENDING). Lookup,
// insert, remove and overwrite all walk from here.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>

#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/header.hpp"

namespace hashmap_mem {
namespace detail {

inline constexpr std::uint32_t NOT_FOUND = UINT32_MAX;
// Status of a bucket reserved by a running overwrite; never seen outside it.
inline constexpr std::uint8_t PENDING = 3;

// The numbers every probe needs, read once per call.
struct Probe {
    std::uint8_t* buckets;
    std::uint32_t mask;
    std::uint32_t window;
    std::uint32_t bucket_size;
    std::uint32_t key_offset;

    explicit Probe(void* map_base, const MapHeader& header) noexcept
        : Probe(map_base, header.capacity, header.bucket_size, header.key_offset) {}

    // From the map's header, field by field (see read_header_field): the map
    // operations build their Probe this way.
    explicit Probe(void* map_base) noexcept
        : Probe(map_base, read_capacity(map_base), read_bucket_size(map_base), read_key_offset(map_base)) {}

    Probe(void* map_base, std::uint32_t capacity, std::uint32_t bucket_size_, std::uint32_t key_offset_) noexcept
        : buckets(static_cast<std::uint8_t*>(map_base) + MAP_BUCKETS_OFFSET),
          mask(capacity - 1),
          window(capacity < MAX_PROBE_DISTANCE ? capacity : MAX_PROBE_DISTANCE),
          bucket_size(bucket_size_),
          key_offset(key_offset_) {}

    std::uint8_t* bucket(std::uint32_t index) const noexcept {
        return buckets + std::size_t{index} * bucket_size;
    }
};

template <std::size_t KeySize>
inline std::uint64_t hash_key(const std::uint8_t* key, std::size_t key_size) noexcept {
    return fxhash64(key, KeySize != 0 ? KeySize : key_size);
}

template <std::size_t KeySize>
inline std::uint32_t home_of(const Probe& probe, const std::uint8_t* key, std::size_t key_size) noexcept {
    return static_cast<std::uint32_t>(hash_key<KeySize>(key, key_size) >> 48) & probe.mask;
}

// How far lookup walks from the key's home to reach bucket `index`.
template <std::size_t KeySize>
inline std::uint32_t probe_distance(const Probe& probe, std::uint32_t index, std::size_t key_size) noexcept {
    const std::uint64_t hash = hash_key<KeySize>(probe.bucket(index) + probe.key_offset, key_size);
    return (index - (static_cast<std::uint32_t>(hash >> 48) & probe.mask)) & probe.mask;
}

}  // namespace detail
}  // namespace hashmap_mem
