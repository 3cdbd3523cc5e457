// The three maps behind one small interface, so every workload runs the same
// code on each: hashmap-mem's raw API on a caller-owned block,
// absl::flat_hash_map (at hashmap-mem's load, and reserved to the capacity) and std::unordered_map.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "hashmap_mem/hashmap_mem.hpp"
#include "keys.hpp"

namespace hashmap_mem::bench {

using Value = std::uint64_t;

// The adapters' calls are inlined into the timed loops, as a VM's op handler
// inlines the HASHMAP_MEM_INLINE entry points: GCC 12 otherwise keeps
// HashmapMem::find out of line (all key sizes' walks behind the key_size
// switch make it large), and a call with the header spilled to the stack
// costs ~30 instructions per op that no VM pays.
#if defined(__GNUC__) || defined(__clang__)
#define BENCH_INLINE inline __attribute__((always_inline))
#else
#define BENCH_INLINE inline
#endif

// The block address with its origin hidden from the optimiser (no
// instruction): each op reads the header and dispatches on key_size, as a VM
// op does, instead of the compiler hoisting both out of the timed loop.
template <typename T>
BENCH_INLINE T* opaque(T* pointer) {
#if defined(__GNUC__) || defined(__clang__)
    asm("" : "+r"(pointer));
#endif
    return pointer;
}

template <typename Key>
class HashmapMem {
public:
    static constexpr const char* name = "hashmap_mem";

    explicit HashmapMem(std::uint16_t capacity) {
        const LayoutResult layout = hashmap_mem::layout(sizeof(Key), alignof(Key), sizeof(Value), alignof(Value), capacity);
        config_ = layout.map_init;
        block_ = std::make_unique<std::uint64_t[]>(config_.total_size / 8 + 1);
        clear();
    }
    void clear() { hashmap_mem::init(block_.get(), config_); }
    // False when the key's 32-bucket window is full (SPEC §5): the caller counts it.
    BENCH_INLINE bool insert(const Key& key, Value value) {
        std::uint8_t* slot = hashmap_mem::get_or_reserve_entry(opaque(block_.get()), &key);
        if (slot == nullptr) return false;
        std::memcpy(slot, &value, sizeof value);
        return true;
    }
    // The value, or 0 when absent (values are never 0 in the workloads).
    BENCH_INLINE Value find(const Key& key) const {
        const std::uint8_t* slot = hashmap_mem::lookup(static_cast<const void*>(opaque(block_.get())), &key);
        if (slot == nullptr) return 0;
        Value value;
        std::memcpy(&value, slot, sizeof value);
        return value;
    }
    BENCH_INLINE bool erase(const Key& key) { return hashmap_mem::remove(opaque(block_.get()), &key); }

private:
    MapInit config_{};
    std::unique_ptr<std::uint64_t[]> block_;  // 8-aligned, as the VM's heap
};

// How many elements absl::flat_hash_map is reserved for. Reserving the
// capacity, as a VM sizing a map would ask, gives absl the next 2^k - 1 slots
// holding that many at its 7/8 maximum load: twice hashmap-mem's buckets
// (reserve(4096): 8191 slots), so the "50%" and "80%" lines would run absl at
// 25% and 40% load. `absl` reserves 4/5 of the capacity instead: capacity - 1
// slots (4095 for 4096), the load hashmap-mem runs at; `absl_reserved` keeps
// reserve(capacity). make bench's vs_absl is the first, vs_absl_reserved the second.
enum class Reserve { EqualLoad, Capacity };

inline std::size_t reservation(Reserve reserve, std::uint16_t capacity) {
    return reserve == Reserve::EqualLoad ? std::size_t{capacity} * 4 / 5 : capacity;
}

template <typename Key, typename Map, Reserve Reservation>
class NodeOrFlat {
public:
    explicit NodeOrFlat(std::uint16_t capacity) : capacity_(capacity) { clear(); }
    void clear() {
        map_ = Map{};
        map_.reserve(reservation(Reservation, capacity_));
    }
    std::size_t slots() const { return map_.bucket_count(); }
    bool insert(const Key& key, Value value) {
        map_[key] = value;
        return true;
    }
    Value find(const Key& key) const {
        const auto it = map_.find(key);
        return it == map_.end() ? 0 : it->second;
    }
    bool erase(const Key& key) { return map_.erase(key) != 0; }

private:
    std::uint16_t capacity_;
    Map map_;
};

template <typename Key>
struct Absl : NodeOrFlat<Key, absl::flat_hash_map<Key, Value>, Reserve::EqualLoad> {
    static constexpr const char* name = "absl";
    using NodeOrFlat<Key, absl::flat_hash_map<Key, Value>, Reserve::EqualLoad>::NodeOrFlat;
};

template <typename Key>
struct AbslReserved : NodeOrFlat<Key, absl::flat_hash_map<Key, Value>, Reserve::Capacity> {
    static constexpr const char* name = "absl_reserved";
    using NodeOrFlat<Key, absl::flat_hash_map<Key, Value>, Reserve::Capacity>::NodeOrFlat;
};

template <typename Key>
using StdHash = std::conditional_t<std::is_same_v<Key, Key24>, Key24StdHash, std::hash<Key>>;

template <typename Key>
struct Std : NodeOrFlat<Key, std::unordered_map<Key, Value, StdHash<Key>>, Reserve::Capacity> {
    static constexpr const char* name = "std";
    using NodeOrFlat<Key, std::unordered_map<Key, Value, StdHash<Key>>, Reserve::Capacity>::NodeOrFlat;
};

}  // namespace hashmap_mem::bench
