// The map operations (SPEC §5-8): init, get_or_reserve_entry, lookup, has,
// remove, overwrite, find_next_valid_entry.
//
// What the fast operations trust: `map_base` points at a map that `init` made
// or that `validate` accepted, with total_size readable and writable bytes, and
// `key` points at key_size readable bytes. Nothing is checked on these paths:
// an image from outside goes through `validate` first.
//
// None of them allocates, throws or resizes. Blocks may sit at any address.
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/header.hpp"
#include "hashmap_mem/layout.hpp"

namespace hashmap_mem {

// Trusts: `map_base` has config.total_size writable bytes and `config` came
// from a successful `layout`. Writes the header and every status byte; other
// bucket bytes are left as they were.
void init(void* map_base, const MapInit& config) noexcept;

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
        : buckets(static_cast<std::uint8_t*>(map_base) + MAP_BUCKETS_OFFSET),
          mask(std::uint32_t{header.capacity} - 1),
          window(header.capacity < MAX_PROBE_DISTANCE ? header.capacity : MAX_PROBE_DISTANCE),
          bucket_size(header.bucket_size),
          key_offset(header.key_offset) {}

    std::uint8_t* bucket(std::uint32_t index) const noexcept {
        return buckets + std::size_t{index} * bucket_size;
    }
};

// KeySize 0 means "key_size from the header"; 1, 2, 4, 8 and 16 get their own
// copies so hash and compare become a few whole-word operations.
template <std::size_t KeySize>
inline bool keys_equal(const std::uint8_t* a, const std::uint8_t* b, std::size_t key_size) noexcept {
    if constexpr (KeySize != 0) {
        return std::memcmp(a, b, KeySize) == 0;
    } else {
        return std::memcmp(a, b, key_size) == 0;
    }
}

template <std::size_t KeySize>
inline std::uint64_t hash_key(const std::uint8_t* key, std::size_t key_size) noexcept {
    return fxhash64(key, KeySize != 0 ? KeySize : key_size);
}

// Index of the Occupied bucket holding `key`, or NOT_FOUND. An Empty bucket
// ends the walk; a Tombstone is walked past.
template <std::size_t KeySize>
inline std::uint32_t find_index(const Probe& probe, const std::uint8_t* key, std::size_t key_size) noexcept {
    std::uint32_t index = static_cast<std::uint32_t>(hash_key<KeySize>(key, key_size) >> 48) & probe.mask;
    for (std::uint32_t step = 0; step < probe.window; ++step) {
        const std::uint8_t* bucket = probe.bucket(index);
        const std::uint8_t status = bucket[0];
        if (status == static_cast<std::uint8_t>(BucketStatus::Empty)) return NOT_FOUND;
        if (status == static_cast<std::uint8_t>(BucketStatus::Occupied) &&
            keys_equal<KeySize>(bucket + probe.key_offset, key, key_size)) {
            return index;
        }
        index = (index + 1) & probe.mask;
    }
    return NOT_FOUND;
}

inline void add_to_element_count(void* map_base, int delta) noexcept {
    std::uint16_t count;
    std::memcpy(&count, static_cast<std::uint8_t*>(map_base) + 2, sizeof count);
    count = static_cast<std::uint16_t>(count + delta);
    std::memcpy(static_cast<std::uint8_t*>(map_base) + 2, &count, sizeof count);
}

// The bucket for `key`: its own if present, else the first Tombstone of the
// window or the first Empty, marked `new_status` and holding the key. Null when
// the window has neither (nothing changes then). A PENDING bucket counts as
// Occupied, so an overwrite sees the keys it reserved.
template <std::size_t KeySize>
inline std::uint8_t* reserve_bucket(void* map_base, const MapHeader& header, const std::uint8_t* key,
                                    std::uint8_t new_status) noexcept {
    const Probe probe(map_base, header);
    const std::size_t key_size = header.key_size;
    std::uint32_t index = static_cast<std::uint32_t>(hash_key<KeySize>(key, key_size) >> 48) & probe.mask;
    std::uint8_t* first_tombstone = nullptr;
    std::uint8_t* target = nullptr;
    for (std::uint32_t step = 0; step < probe.window; ++step) {
        std::uint8_t* bucket = probe.bucket(index);
        const std::uint8_t status = bucket[0];
        if (status == static_cast<std::uint8_t>(BucketStatus::Empty)) {
            target = first_tombstone != nullptr ? first_tombstone : bucket;
            break;
        }
        if (status >= static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            if (keys_equal<KeySize>(bucket + probe.key_offset, key, key_size)) return bucket;
        } else if (first_tombstone == nullptr) {
            first_tombstone = bucket;
        }
        index = (index + 1) & probe.mask;
    }
    if (target == nullptr) {
        if (first_tombstone == nullptr) return nullptr;  // 32 Occupied in a row: full for this key
        target = first_tombstone;
    }
    target[0] = new_status;
    std::memcpy(target + probe.key_offset, key, key_size);
    add_to_element_count(map_base, +1);
    return target;
}

// A Tombstone whose next bucket is Empty can never be walked past to reach a
// key, so it becomes Empty, and so on backwards. Answers and placements stay
// the Rust crate's; only status bytes 1 -> 0 differ. Keeps clusters short
// under churn.
inline void reclaim_tombstones(const Probe& probe, std::uint32_t capacity, std::uint32_t index) noexcept {
    if (probe.bucket((index + 1) & probe.mask)[0] != static_cast<std::uint8_t>(BucketStatus::Empty)) return;
    for (std::uint32_t step = 0; step < capacity; ++step) {
        std::uint8_t* bucket = probe.bucket(index);
        if (bucket[0] != static_cast<std::uint8_t>(BucketStatus::Tombstone)) return;
        bucket[0] = static_cast<std::uint8_t>(BucketStatus::Empty);
        index = (index - 1) & probe.mask;
    }
}

template <std::size_t KeySize>
inline bool remove_key(void* map_base, const MapHeader& header, const std::uint8_t* key) noexcept {
    const Probe probe(map_base, header);
    const std::uint32_t index = find_index<KeySize>(probe, key, header.key_size);
    if (index == NOT_FOUND) return false;
    probe.bucket(index)[0] = static_cast<std::uint8_t>(BucketStatus::Tombstone);
    add_to_element_count(map_base, -1);
    reclaim_tombstones(probe, header.capacity, index);
    return true;
}

// Calls fn.template operator()<KeySize>() with the specialised key size.
template <typename Fn>
inline decltype(auto) dispatch_key_size(std::uint32_t key_size, Fn&& fn) {
    switch (key_size) {
        case 1: return fn(std::integral_constant<std::size_t, 1>{});
        case 2: return fn(std::integral_constant<std::size_t, 2>{});
        case 4: return fn(std::integral_constant<std::size_t, 4>{});
        case 8: return fn(std::integral_constant<std::size_t, 8>{});
        case 16: return fn(std::integral_constant<std::size_t, 16>{});
        default: return fn(std::integral_constant<std::size_t, 0>{});
    }
}

}  // namespace detail

// Address of key's value, reserving a bucket for it if absent (status
// Occupied, key copied, element_count + 1; the value bytes are the caller's to
// write). Null when the key is absent and its 32-bucket window holds no Empty
// or Tombstone: the map is full for this key and nothing changed.
// Does not compare element_count with logical_limit (as the Rust crate).
inline std::uint8_t* get_or_reserve_entry(void* map_base, const void* key) noexcept {
    const MapHeader header = read_header(map_base);
    const auto* key_bytes = static_cast<const std::uint8_t*>(key);
    return detail::dispatch_key_size(header.key_size, [&](auto key_size) -> std::uint8_t* {
        std::uint8_t* bucket = detail::reserve_bucket<decltype(key_size)::value>(
            map_base, header, key_bytes, static_cast<std::uint8_t>(BucketStatus::Occupied));
        return bucket == nullptr ? nullptr : bucket + header.value_offset;
    });
}

// Address of key's value, or null if absent.
inline std::uint8_t* lookup(void* map_base, const void* key) noexcept {
    const MapHeader header = read_header(map_base);
    const auto* key_bytes = static_cast<const std::uint8_t*>(key);
    return detail::dispatch_key_size(header.key_size, [&](auto key_size) -> std::uint8_t* {
        const detail::Probe probe(map_base, header);
        const std::uint32_t index = detail::find_index<decltype(key_size)::value>(probe, key_bytes, header.key_size);
        return index == detail::NOT_FOUND ? nullptr : probe.bucket(index) + header.value_offset;
    });
}

inline const std::uint8_t* lookup(const void* map_base, const void* key) noexcept {
    return lookup(const_cast<void*>(map_base), key);  // reads only
}

inline bool has(const void* map_base, const void* key) noexcept { return lookup(map_base, key) != nullptr; }

// Removes key; true if it was there. Its bucket becomes a Tombstone (or Empty,
// with the Tombstones before it, when the next bucket is Empty). Nothing moves,
// so a running find_next_valid_entry scan is not disturbed.
inline bool remove(void* map_base, const void* key) noexcept {
    const MapHeader header = read_header(map_base);
    const auto* key_bytes = static_cast<const std::uint8_t*>(key);
    return detail::dispatch_key_size(header.key_size, [&](auto key_size) {
        return detail::remove_key<decltype(key_size)::value>(map_base, header, key_bytes);
    });
}

enum class OverwriteResult : std::uint8_t {
    Ok = 0,
    TargetLimitTooSmall,  // target.logical_limit < source.element_count
    LayoutMismatch,       // key_size, value_size or bucket_size differ
    TargetFull,           // a source key found its target window full
};

const char* describe(OverwriteResult result) noexcept;

// Copies every entry of source into target (source's value wins for keys in
// both), walking source buckets in index order as the Rust crate does, so a
// success leaves the Rust crate's target image. All or nothing: on any failure
// target holds exactly the entries and values it held (Tombstones may remain
// where keys were reserved); source is never written. overwrite(m, m) is Ok
// and changes nothing. Trusts: both are live maps; blocks do not partly overlap.
OverwriteResult overwrite(void* target_base, const void* source_base) noexcept;

struct Entry {
    const std::uint8_t* key;  // null at the end
    std::uint8_t* value;      // null at the end
    std::uint16_t index;      // 0xFFFF at the end
};

inline constexpr std::uint16_t END_OF_SCAN = 0xFFFF;

// First Occupied bucket at index >= start, or {null, null, 0xFFFF}. A full
// scan starts at 0 and restarts at index + 1.
inline Entry find_next_valid_entry(void* map_base, std::uint32_t start) noexcept {
    const MapHeader header = read_header(map_base);
    const detail::Probe probe(map_base, header);
    for (std::uint32_t index = start; index < header.capacity; ++index) {
        std::uint8_t* bucket = probe.bucket(index);
        if (bucket[0] == static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            return Entry{bucket + header.key_offset, bucket + header.value_offset, static_cast<std::uint16_t>(index)};
        }
    }
    return Entry{nullptr, nullptr, END_OF_SCAN};
}

}  // namespace hashmap_mem
