// The map operations (SPEC §5-8): init, get_or_reserve_entry, lookup, has,
// remove, overwrite, find_next_valid_entry.
//
// What the fast operations trust: `map_base` points at a map that `init` made
// or that `validate` accepted, with total_size readable and writable bytes, and
// `key` points at key_size readable bytes. Nothing is checked on these paths:
// an image from outside goes through `validate` first.
//
// None of them allocates, throws or resizes. Blocks may sit at any address.
//
// The machinery they are built of is in internal/ (not to be included on its
// own): compiler.hpp (HASHMAP_MEM_INLINE, opaque_key), key_compare.hpp (key
// compare per key size), probe.hpp (Probe, home_of, probe_distance) and
// walk.hpp (the 4-bucket group steps). This file holds the operations: their
// walks (find_index, reserve_bucket, reclaim_tombstones), the dispatch by key
// size and the public functions.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "hashmap_mem/export.h"
#include "hashmap_mem/fxhash.hpp"
#include "hashmap_mem/header.hpp"
#include "hashmap_mem/layout.hpp"
#include "hashmap_mem/internal/compiler.hpp"
#include "hashmap_mem/internal/key_compare.hpp"
#include "hashmap_mem/internal/probe.hpp"
#include "hashmap_mem/internal/walk.hpp"

namespace hashmap_mem {

// Trusts: `map_base` has config.total_size writable bytes (any contents, any
// alignment) and `config` came from a successful `layout`. Writes all of them:
// the header, then zero over every bucket (status Empty, key, value, padding).
// So whatever the block held (never written, garbage, an old map), no later
// operation reads a byte the map did not write, and the image is the Rust
// crate's in zero-filled memory.
HASHMAP_MEM_API void init(void* map_base, const MapInit& config) noexcept;

namespace detail {

// find_index's walk from `index`, `step` buckets into the window. Out of
// line, taking the map by its buckets' address, so that the inlined fast path
// does not write a Probe to the stack for the call.
template <std::size_t KeySize>
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
std::uint32_t find_index_from(std::uint8_t* buckets, const std::uint8_t* key, std::size_t key_size, std::uint32_t index,
                                     std::uint32_t step) noexcept {
    const Probe probe(buckets - MAP_BUCKETS_OFFSET);
    if constexpr (GROUPED<KeySize>) {
        if (long_walks_likely(probe)) {
            for (; step + 4 <= probe.window && index + 3 <= probe.mask; step += 4, index += 4) {
                const std::uint32_t stop = scan_group<KeySize>(probe, index, key);
                if (stop != 0) return (stop & STOP_MATCH) != 0 ? index + (stop & 3) : NOT_FOUND;
            }
        } else {
            for (; step + 4 <= probe.window && index + 3 <= probe.mask; step += 4, index += 4) {
                const std::uint32_t bits = read_group<KeySize>(probe, index, key);
                if ((bits & 0xf) != 0) {
                    const std::uint32_t k = lowest_bit_index(bits);
                    return (bits >> (k + 4) & 1) != 0 ? index + k : NOT_FOUND;
                }
            }
        }
        index &= probe.mask;  // the last group may end at the last bucket
    }
    for (; step < probe.window; ++step) {
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

// Index of the Occupied bucket holding `key`, or NOT_FOUND. An Empty bucket
// ends the walk; a Tombstone is walked past.
// Why groups: bucket by bucket, the exit (Empty or match) is a data-dependent
// branch per bucket: cachegrind, cap 4096, 50% fill, per op of the bench loop:
// hit 102 instructions / 0.50 mispredicts, miss 106 / 1.09. With the home
// check and then a 4-bucket group: hit 91 / 0.36, miss 130 / 0.22; bench
// (medians of interleaved runs, loaded machine): miss 22.8 -> 17.7 ns, hit
// unchanged within noise. Groups alone (no home check) made hits slower
// (111 / 0.05, but +2-3 ns): the value load waits for the whole group.
template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint32_t find_index(const Probe& probe, const std::uint8_t* key, std::size_t key_size,
                                            std::uint32_t home) noexcept {
    if constexpr (GROUPED<KeySize>) {
        // The key in its home bucket (74% of hits at cap 4096, 50% fill): one
        // branch, so the value load can start before the group is read.
        // Key first, then status, two branches: the second is all but always
        // taken (an equal key sits in a Tombstone or Empty bucket rarely). The
        // branch-free (key ^ K) | (status ^ 2) took 9 instructions, this 4:
        // cachegrind per op 66.3 -> 62.1 (hit), 98.5 -> 95.4 (miss) at cap
        // 4096, 50% fill, mispredicts unchanged; hit 5.14 -> 4.78 ns.
        const std::uint8_t* bucket = probe.bucket(home);
        if (key_difference<KeySize>(bucket + probe.key_offset, key) == 0 &&
            bucket[0] == static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            return home;
        }
        if (home + 3 <= probe.mask) {
            const std::uint32_t bits = read_group<KeySize>(probe, home, key);
            if ((bits & 0xf) != 0) {  // a stop bit
                const std::uint32_t k = lowest_bit_index(bits);
                return (bits >> (k + 4) & 1) != 0 ? home + k : NOT_FOUND;
            }
            return find_index_from<KeySize>(probe.buckets, key, key_size, home + 4, 4);
        }
    }
    return find_index_from<KeySize>(probe.buckets, key, key_size, home, 0);
}

template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint32_t find_index(const Probe& probe, const std::uint8_t* key, std::size_t key_size) noexcept {
    return find_index<KeySize>(probe, key, key_size, home_of<KeySize>(probe, key, key_size));
}

inline void add_to_element_count(void* map_base, int delta) noexcept {
    std::uint16_t count;
    std::memcpy(&count, static_cast<std::uint8_t*>(map_base) + 2, sizeof count);
    count = static_cast<std::uint16_t>(count + delta);
    std::memcpy(static_cast<std::uint8_t*>(map_base) + 2, &count, sizeof count);
}

// reserve_bucket's walk answers an index, with PRESENT set when the key is
// there already, or NOT_FOUND when the window is full for the key.
inline constexpr std::uint32_t PRESENT = 1U << 16;

// The answer of a group with a stop bit, for a walk that met no Tombstone
// before the group.
inline std::uint32_t settle_group(std::uint32_t bits, std::uint32_t index) noexcept {
    const std::uint32_t k = lowest_bit_index(bits);
    if ((bits >> (k + 4) & 1) != 0) return (index + k) | PRESENT;
    return index + lowest_bit_index((bits | bits >> 8) & 0xf);  // a Tombstone before the Empty, or the Empty
}

// reserve_bucket's walk from `index`, `step` buckets into the window; out of
// line for the reason find_index_from is.
template <std::size_t KeySize>
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
std::uint32_t reserve_walk_from(std::uint8_t* buckets, const std::uint8_t* key, std::size_t key_size, std::uint32_t index,
                                std::uint32_t step, std::uint32_t first_tombstone) noexcept {
    const Probe probe(buckets - MAP_BUCKETS_OFFSET);
    if constexpr (GROUPED<KeySize>) {
        for (; first_tombstone == NOT_FOUND && step + 4 <= probe.window && index + 3 <= probe.mask; step += 4, index += 4) {
            const std::uint32_t bits = read_group<KeySize>(probe, index, key);
            if ((bits & 0xf) != 0) return settle_group(bits, index);
            if ((bits >> 8) != 0) first_tombstone = index + lowest_bit_index(bits >> 8);
        }
        // The bucket is chosen (the first Tombstone); what is left is to prove the key absent.
        for (; step + 4 <= probe.window && index + 3 <= probe.mask; step += 4, index += 4) {
            const std::uint32_t stop = scan_group<KeySize>(probe, index, key);
            if (stop != 0) return (stop & STOP_MATCH) != 0 ? (index + (stop & 3)) | PRESENT : first_tombstone;
        }
        index &= probe.mask;  // the last group may end at the last bucket
    }
    for (; step < probe.window; ++step) {
        const std::uint8_t* bucket = probe.bucket(index);
        const std::uint8_t status = bucket[0];
        if (status == static_cast<std::uint8_t>(BucketStatus::Empty)) return first_tombstone != NOT_FOUND ? first_tombstone : index;
        if (status >= static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            if (keys_equal<KeySize>(bucket + probe.key_offset, key, key_size)) return index | PRESENT;
        } else if (first_tombstone == NOT_FOUND) {
            first_tombstone = index;
        }
        index = (index + 1) & probe.mask;
    }
    return first_tombstone;  // NOT_FOUND: 32 Occupied in a row, full for this key
}

// The bucket for `key`: its own if present, else the first Tombstone of the
// window or the first Empty, marked `new_status` and holding the key. Null when
// the window has neither (nothing changes then). A PENDING bucket counts as
// Occupied, so an overwrite sees the keys it reserved.
// Why bucket by bucket first: inserts end within 4 buckets (an Empty home for
// most), and there a predicted branch lets the store's address be known early;
// the walk by groups (reserve_walk_from) measured 2-5 ns slower on inserts.
// Past 4 buckets (churn, 80% fill) the groups win: churn at cap 4096, 80%
// fill 234 -> 170 ns (median of 3 interleaved runs; 50% fill unchanged).
template <std::size_t KeySize>
HASHMAP_MEM_INLINE std::uint8_t* reserve_bucket(void* map_base, const Probe& probe, std::size_t key_size,
                                                const std::uint8_t* key, std::uint8_t new_status) noexcept {
    std::uint32_t index = home_of<KeySize>(probe, key, key_size);
    std::uint32_t first_tombstone = NOT_FOUND;
    std::uint32_t found = NOT_FOUND;
    std::uint32_t step = 0;
    for (; step < 4 && step < probe.window; ++step) {
        const std::uint8_t* bucket = probe.bucket(index);
        const std::uint8_t status = bucket[0];
        if (status == static_cast<std::uint8_t>(BucketStatus::Empty)) {
            found = first_tombstone != NOT_FOUND ? first_tombstone : index;
            break;
        }
        if (status >= static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            if (keys_equal<KeySize>(bucket + probe.key_offset, key, key_size)) {
                found = index | PRESENT;
                break;
            }
        } else if (first_tombstone == NOT_FOUND) {
            first_tombstone = index;
        }
        index = (index + 1) & probe.mask;
    }
    if (found == NOT_FOUND) {
        found = step < probe.window ? reserve_walk_from<KeySize>(probe.buckets, key, key_size, index, step, first_tombstone)
                                    : first_tombstone;
        if (found == NOT_FOUND) return nullptr;  // 32 Occupied in a row: full for this key
    }
    std::uint8_t* target = probe.bucket(found & ~PRESENT);
    if ((found & PRESENT) != 0) return target;
    target[0] = new_status;
    std::memcpy(target + probe.key_offset, key, KeySize != 0 ? KeySize : key_size);
    add_to_element_count(map_base, +1);
    return target;
}

// Tombstone reclamation (SPEC §5), generalised. An insert lands on the first
// non-Occupied bucket of its window whether that is a Tombstone or an Empty,
// so turning a Tombstone Empty changes no placement; it changes no answer as
// long as no key's walk (home .. its bucket) crosses it. So every Tombstone
// that no walk crosses may turn Empty. SPEC's rule (next bucket Empty, then
// backwards) is the case where the walk ahead is empty.
// Why: with SPEC's rule alone, churn (remove a random key, insert a new one)
// at cap 4096, 50% fill ends with 2048 Tombstones and no Empty bucket: every
// miss and insert walks all 32 buckets (677 instructions, 210 ns CPU per churn
// op). Here only Tombstones some walk needs remain: 616 of them, a miss walks
// 5.1 buckets, a churn op takes 435 instructions, ~110 ns.
//
// Offsets are relative to the removed bucket `index`; a key at offset j with
// walk length d crosses offsets j - d .. j. The look-ahead answers the lowest
// offset the walks of the keys ahead cross (1 if none), for the keys before
// the first Empty ahead. It answers `floor` (nothing to free) when it meets no
// Empty in its span (see look_ahead_span; keeps a capacity-1 map's lone Tombstone, as SPEC's rule
// does) or as soon as walks cross all of the removed walk (offsets floor .. 0).
// Why stop there: the look-ahead used to go on to the Empty first. Cachegrind
// per churn op, cap 4096, 50% fill: 442 -> 394 instructions, 7.2 -> 6.3
// mispredicts. A 4-bucket branch-free look-ahead: 503 instructions, 5.2
// mispredicts, and no faster in the bench (92 vs 90 ns), so it was dropped.
//
// Why only while the map is less than half full: past half, the look-ahead
// rarely meets an Empty (at 80% fill churn leaves none) and its data-dependent
// exits cost more than the Tombstones it frees save. Churn at cap 4096 (ns per
// op, medians of 3 interleaved runs; look-ahead over the window / next bucket
// only, SPEC's case): fill 50% 76.7 / 63.4, 55% 84.7 / 63.3, 60% 99.7 / 64.4,
// 65% 137.1 / 65.3, 70% 125.2 / 68.7, 80% 107.5 / 70.9. What the look-ahead
// buys is the state churn leaves: misses after 4 x capacity churn ops take
// 18.7 / 24.9 ns at 50% fill, but the same within noise from 55% on (23.4 /
// 23.7), so at half full or more the look-ahead is the next bucket alone.
inline std::uint32_t look_ahead_span(const Probe& probe) noexcept {
    const std::uint32_t count = read_element_count(probe.buckets - MAP_BUCKETS_OFFSET);
    const std::uint32_t capacity = probe.mask + 1;
    return count * 2 < capacity ? probe.window : 2;  // capacity 1: count is 0 after the remove
}

template <std::size_t KeySize>
inline std::int32_t reach_from_ahead(const Probe& probe, std::size_t key_size, std::uint32_t index, std::int32_t floor) noexcept {
    constexpr auto empty = static_cast<std::uint8_t>(BucketStatus::Empty);
    constexpr auto tombstone = static_cast<std::uint8_t>(BucketStatus::Tombstone);
    std::int32_t reach = 1;
    const std::uint32_t span = look_ahead_span(probe);
    for (std::uint32_t j = 1; j < span; ++j) {
        const std::uint32_t at = (index + j) & probe.mask;
        const std::uint8_t status = probe.bucket(at)[0];
        if (status == empty) return reach;
        if (status != tombstone) {
            const auto start = static_cast<std::int32_t>(j) - static_cast<std::int32_t>(probe_distance<KeySize>(probe, at, key_size));
            if (start < reach) reach = start;
            if (reach <= floor) return floor;
        }
    }
    return floor;
}

// `index` was just made a Tombstone; its key's walk was `distance` long. Walks
// back over that walk, emptying Tombstones no remaining walk crosses, and on
// past it while it meets such Tombstones.
template <std::size_t KeySize>
inline void reclaim_tombstones(const Probe& probe, std::size_t key_size, std::uint32_t index,
                               std::uint32_t distance) noexcept {
    constexpr auto empty = static_cast<std::uint8_t>(BucketStatus::Empty);
    constexpr auto tombstone = static_cast<std::uint8_t>(BucketStatus::Tombstone);
    const auto floor = -static_cast<std::int32_t>(distance);
    std::int32_t reach = reach_from_ahead<KeySize>(probe, key_size, index, floor);
    if (reach <= floor) return;
    // No bound needed: the look-ahead met an Empty bucket j ahead, which this
    // walk reaches at back = capacity - j and stops at.
    for (std::uint32_t back = 0;; ++back) {
        const std::uint32_t at = (index - back) & probe.mask;
        std::uint8_t* bucket = probe.bucket(at);
        const auto offset = -static_cast<std::int32_t>(back);
        if (bucket[0] == empty) return;
        if (bucket[0] == tombstone && offset < reach) {
            bucket[0] = empty;
            continue;
        }
        if (back >= distance) return;  // past the removed walk: only a run of free Tombstones goes on
        if (bucket[0] != tombstone) {
            const auto start = offset - static_cast<std::int32_t>(probe_distance<KeySize>(probe, at, key_size));
            if (start < reach) reach = start;
        }
    }
}

template <std::size_t KeySize>
inline bool remove_key(void* map_base, std::size_t key_size, const std::uint8_t* key) noexcept {
    const Probe probe(map_base);
    const std::uint32_t home = home_of<KeySize>(probe, key, key_size);
    const std::uint32_t index = find_index<KeySize>(probe, key, key_size, home);
    if (index == NOT_FOUND) return false;
    probe.bucket(index)[0] = static_cast<std::uint8_t>(BucketStatus::Tombstone);
    add_to_element_count(map_base, -1);
    reclaim_tombstones<KeySize>(probe, key_size, index, (index - home) & probe.mask);
    return true;
}

// The public operations, one copy per key size. Each reads the header
// fields it needs one by one (see read_header_field), never the whole header.
template <std::size_t KeySize>
struct ReserveEntry {
    static HASHMAP_MEM_INLINE std::uint8_t* run(void* map_base, std::uint32_t key_size, const std::uint8_t* key) noexcept {
        std::uint8_t* bucket = reserve_bucket<KeySize>(map_base, Probe(map_base), key_size, key,
                                                       static_cast<std::uint8_t>(BucketStatus::Occupied));
        return bucket == nullptr ? nullptr : bucket + read_value_offset(map_base);
    }
};

template <std::size_t KeySize>
struct Lookup {
    static HASHMAP_MEM_INLINE std::uint8_t* run(void* map_base, std::uint32_t key_size, const std::uint8_t* key) noexcept {
        const Probe probe(map_base);
        const std::uint32_t index = find_index<KeySize>(probe, key, key_size);
        return index == NOT_FOUND ? nullptr : probe.bucket(index) + read_value_offset(map_base);
    }
};

template <std::size_t KeySize>
struct Remove {
    static HASHMAP_MEM_INLINE bool run(void* map_base, std::uint32_t key_size, const std::uint8_t* key) noexcept {
        return remove_key<KeySize>(map_base, key_size, key);
    }
};

// Op<KeySize>::run(args...) with the specialised key size. A class template,
// not a generic lambda: GCC 12 would not inline the lambda (a call per lookup).
template <template <std::size_t> class Op, typename... Args>
HASHMAP_MEM_INLINE auto dispatch_key_size(std::uint32_t key_size, const Args&... args) noexcept {
    // 8-byte keys (u64, i64, handles) first: a compare and a predicted branch
    // instead of the switch's jump table, 4 instructions less per op.
    if (key_size == 8) return Op<8>::run(args...);
    switch (key_size) {
        case 1: return Op<1>::run(args...);
        case 2: return Op<2>::run(args...);
        case 4: return Op<4>::run(args...);
        case 16: return Op<16>::run(args...);
        case 24: return Op<24>::run(args...);
        case 32: return Op<32>::run(args...);
        default: return Op<0>::run(args...);
    }
}

// The Op<KeySize> dispatch_key_size runs for keys of N bytes (keep the two
// lists equal): a caller that knows its key size at compile time (MapView)
// calls that Op directly, the same code without the switch. A constant, not
// a constexpr function: it is never run, so coverage has nothing to count.
template <std::size_t N>
inline constexpr std::size_t SPECIALISED_KEY_SIZE =
    N == 1 || N == 2 || N == 4 || N == 8 || N == 16 || N == 24 || N == 32 ? N : 0;

}  // namespace detail

// Address of key's value, reserving a bucket for it if absent (status
// Occupied, key copied, element_count + 1; the value bytes are the caller's to
// write). Null when the key is absent and its 32-bucket window holds no Empty
// or Tombstone: the map is full for this key and nothing changed.
// Does not compare element_count with logical_limit (as the Rust crate).
HASHMAP_MEM_INLINE std::uint8_t* get_or_reserve_entry(void* map_base, const void* key) noexcept {
    const std::uint32_t key_size = read_key_size(map_base);
    const std::uint8_t* key_bytes = detail::opaque_key(key);
    return detail::dispatch_key_size<detail::ReserveEntry>(key_size, map_base, key_size, key_bytes);
}

// Address of key's value, or null if absent.
HASHMAP_MEM_INLINE std::uint8_t* lookup(void* map_base, const void* key) noexcept {
    const std::uint32_t key_size = read_key_size(map_base);
    const std::uint8_t* key_bytes = detail::opaque_key(key);
    return detail::dispatch_key_size<detail::Lookup>(key_size, map_base, key_size, key_bytes);
}

HASHMAP_MEM_INLINE const std::uint8_t* lookup(const void* map_base, const void* key) noexcept {
    return lookup(const_cast<void*>(map_base), key);  // reads only
}

HASHMAP_MEM_INLINE bool has(const void* map_base, const void* key) noexcept { return lookup(map_base, key) != nullptr; }

// Removes key; true if it was there. Its bucket becomes a Tombstone (or Empty,
// with the Tombstones before it, when the next bucket is Empty). Nothing moves,
// so a running find_next_valid_entry scan is not disturbed.
HASHMAP_MEM_INLINE bool remove(void* map_base, const void* key) noexcept {
    const std::uint32_t key_size = read_key_size(map_base);
    const std::uint8_t* key_bytes = detail::opaque_key(key);
    return detail::dispatch_key_size<detail::Remove>(key_size, map_base, key_size, key_bytes);
}

enum class OverwriteResult : std::uint8_t {
    Ok = 0,
    TargetLimitTooSmall,  // target.logical_limit < source.element_count
    LayoutMismatch,       // key_size, value_size or bucket_size differ
    TargetFull,           // a source key found its target window full
};

HASHMAP_MEM_API const char* describe(OverwriteResult result) noexcept;

// Copies every entry of source into target (source's value wins for keys in
// both), walking source buckets in index order as the Rust crate does, so a
// success leaves the Rust crate's target image. All or nothing: on any failure
// target holds exactly the entries and values it held (Tombstones may remain
// where keys were reserved); source is never written. overwrite(m, m) is Ok
// and changes nothing. Trusts: both are live maps; blocks do not partly overlap.
HASHMAP_MEM_API OverwriteResult overwrite(void* target_base, const void* source_base) noexcept;

struct Entry {
    const std::uint8_t* key;  // null at the end
    std::uint8_t* value;      // null at the end
    std::uint16_t index;      // 0xFFFF at the end
};

inline constexpr std::uint16_t END_OF_SCAN = 0xFFFF;

// First Occupied bucket at index >= start, or {null, null, 0xFFFF}. A full
// scan starts at 0 and restarts at index + 1.
inline Entry find_next_valid_entry(void* map_base, std::uint32_t start) noexcept {
    const detail::Probe probe(map_base);
    for (std::uint32_t index = start; index <= probe.mask; ++index) {
        std::uint8_t* bucket = probe.bucket(index);
        if (bucket[0] == static_cast<std::uint8_t>(BucketStatus::Occupied)) {
            return Entry{bucket + probe.key_offset, bucket + read_value_offset(map_base), static_cast<std::uint16_t>(index)};
        }
    }
    return Entry{nullptr, nullptr, END_OF_SCAN};
}

}  // namespace hashmap_mem
