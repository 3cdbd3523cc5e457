// Benchmark keys: splitmix64 random keys of 4, 8 and 24 bytes, made from a
// counter inside the timed loops (the reference numbers include key
// generation), plus the std and absl hashers the 24-byte key needs.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <utility>

namespace hashmap_mem::bench {

inline std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

struct Key24 {
    std::uint64_t a, b, c;
    bool operator==(const Key24& other) const noexcept { return a == other.a && b == other.b && c == other.c; }
    template <typename H>
    friend H AbslHashValue(H state, const Key24& key) {
        return H::combine(std::move(state), key.a, key.b, key.c);
    }
};

struct Key24StdHash {
    std::size_t operator()(const Key24& key) const noexcept {
        std::size_t h = std::hash<std::uint64_t>{}(key.a);
        h ^= std::hash<std::uint64_t>{}(key.b) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h ^= std::hash<std::uint64_t>{}(key.c) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        return h;
    }
};

// Key number `n` of a stream; different streams give disjoint keys for 8 and
// 24 bytes (splitmix64 is a bijection). 4-byte live and churn keys may repeat,
// as any 32-bit random keys do, identically for all three maps; miss keys
// never equal them.
template <typename Key>
inline Key make_key(std::uint64_t n) noexcept {
    if constexpr (std::is_same_v<Key, std::uint32_t>) {
        // Top bit set only on the miss stream: 2.7M random 32-bit misses
        // against 2048 live keys would otherwise hit ~1 live key per run.
        const std::uint32_t low = static_cast<std::uint32_t>(splitmix64(n)) & 0x7fffffffU;
        return (n >> 40) == 1 ? low | 0x80000000U : low;
    } else if constexpr (std::is_same_v<Key, std::uint64_t>) {
        return splitmix64(n);
    } else {
        static_assert(std::is_same_v<Key, Key24>);
        const std::uint64_t a = splitmix64(n);
        return Key24{a, splitmix64(a), splitmix64(a ^ 0x5bd1e995ULL)};
    }
}

// Streams of key numbers: live keys, keys never inserted (misses), keys that
// churn brings in.
inline constexpr std::uint64_t LIVE_STREAM = 0;
inline constexpr std::uint64_t MISS_STREAM = 1ULL << 40;
inline constexpr std::uint64_t CHURN_STREAM = 2ULL << 40;

}  // namespace hashmap_mem::bench
