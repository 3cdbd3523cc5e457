#include "keys/key_pool.hpp"

#include <algorithm>
#include <cstring>

#include "oracle/spec_hash.hpp"
#include "keys/splitmix.hpp"

namespace hashmap_mem::harness {

namespace {

constexpr std::size_t SEARCH_TRIES = std::size_t{1} << 18;

// SPEC_FX_MULTIPLIER is odd, so it has an inverse mod 2^64 (Newton's iteration
// doubles the correct low bits each round: 5 rounds reach 64).
constexpr std::uint64_t inverse_multiplier() {
    std::uint64_t inverse = SPEC_FX_MULTIPLIER;
    for (int i = 0; i < 5; ++i) inverse *= 2 - SPEC_FX_MULTIPLIER * inverse;
    return inverse;
}
static_assert(SPEC_FX_MULTIPLIER * inverse_multiplier() == 1, "FxHash multiplier inverse");

std::uint64_t rotate_right5(std::uint64_t x) { return x >> 5 | x << 59; }

// The state before step(word) that ends in `after`.
std::uint64_t unstep(std::uint64_t after, std::uint64_t word) {
    return rotate_right5((after * inverse_multiplier()) ^ word);
}

// Rewrites the last full 8-byte word of `key` so that its FxHash64 is `wanted`.
void force_hash(Bytes& key, std::uint64_t wanted) {
    const std::size_t words = key.size() / 8;
    std::size_t tail = words * 8;
    std::uint64_t after_last_word = wanted;
    // Undo the tail steps (one 4-byte word, then each last byte), last first.
    std::vector<std::pair<std::size_t, std::size_t>> steps;  // (offset, width)
    if (key.size() - tail >= 4) {
        steps.emplace_back(tail, 4);
        tail += 4;
    }
    for (; tail < key.size(); ++tail) steps.emplace_back(tail, 1);
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        std::uint64_t word = 0;
        std::memcpy(&word, key.data() + it->first, it->second);  // little-endian host, as SPEC §1
        after_last_word = unstep(after_last_word, word);
    }
    const std::uint64_t before_last_word = spec_fxhash64(key.data(), (words - 1) * 8);
    // step(h, w) = (rotl(h, 5) ^ w) * M  =>  w = after * M^-1 ^ rotl(h, 5)
    const std::uint64_t word =
        (after_last_word * inverse_multiplier()) ^ (before_last_word << 5 | before_last_word >> 59);
    std::memcpy(key.data() + (words - 1) * 8, &word, 8);
}

}  // namespace

std::uint32_t home_bucket(const Bytes& key, std::uint32_t capacity) {
    return spec_home(spec_fxhash64(key.data(), key.size()), capacity);
}

std::vector<Bytes> keys_with_home(std::uint32_t key_size, std::uint32_t capacity, std::uint32_t home,
                                  std::size_t count, std::uint64_t seed) {
    std::vector<Bytes> keys;
    if (key_size == 0 || capacity == 0 || home >= capacity) return keys;
    std::uint64_t state = seed ^ (std::uint64_t{key_size} << 32 | home);
    auto random_key = [&] {
        Bytes key(key_size);
        for (auto& byte : key) byte = static_cast<std::uint8_t>(splitmix(state));
        return key;
    };
    auto add = [&](Bytes key) {
        if (home_bucket(key, capacity) == home && std::find(keys.begin(), keys.end(), key) == keys.end()) {
            keys.push_back(std::move(key));
        }
    };
    if (key_size >= 8) {
        // Top 16 bits: `home` in the bits the mask keeps, random above it.
        for (std::size_t tries = 0; keys.size() < count && tries < 4 * count; ++tries) {
            const std::uint64_t top = (splitmix(state) >> 48 & ~std::uint64_t{capacity - 1u}) | home;
            const std::uint64_t wanted = top << 48 | (splitmix(state) & 0xFFFFFFFFFFFFULL);
            Bytes key = random_key();
            force_hash(key, wanted);
            add(std::move(key));
        }
        return keys;
    }
    // Short keys: try candidates in one buffer (no allocation per try); keys
    // of 1 or 2 bytes are all tried, from a seeded start.
    Bytes key(key_size);
    const std::uint64_t all_keys = key_size <= 2 ? std::uint64_t{1} << (8 * key_size) : 0;
    const std::uint64_t start = splitmix(state);
    for (std::uint64_t tries = 0; keys.size() < count && tries < SEARCH_TRIES; ++tries) {
        if (all_keys != 0 && tries == all_keys) break;
        std::uint64_t bits = all_keys != 0 ? (start + tries) % all_keys : splitmix(state);
        for (auto& byte : key) {
            byte = static_cast<std::uint8_t>(bits);
            bits >>= 8;
        }
        if (home_bucket(key, capacity) == home) add(key);
    }
    return keys;
}

Bytes near_duplicate(const Bytes& key, NearDuplicate kind, std::uint32_t capacity, std::uint32_t home) {
    if (key.empty() || capacity == 0) return key;
    const std::size_t size = key.size();
    std::uint64_t state = spec_fxhash64(key.data(), size) ^ static_cast<std::uint64_t>(kind);
    Bytes candidate = key;
    if (kind == NearDuplicate::Word && size >= 8) {
        // The last full word solved for the home; its low 48 hash bits random.
        Bytes first;
        for (int tries = 0; tries < 16; ++tries) {
            const std::uint64_t top = (splitmix(state) >> 48 & ~std::uint64_t{capacity - 1u}) | (home & (capacity - 1u));
            force_hash(candidate, top << 48 | (splitmix(state) & 0xFFFFFFFFFFFFULL));
            if (candidate == key) continue;
            if (home_bucket(candidate, capacity) == home) return candidate;
            if (first.empty()) first = candidate;
        }
        return first.empty() ? candidate : first;
    }
    if (kind == NearDuplicate::Word) {
        // The first min(size, 4) bytes: tries random values for them.
        const std::size_t width = std::min<std::size_t>(size, 4);
        Bytes first;
        for (int tries = 0; tries < 4096; ++tries) {
            std::uint64_t bits = splitmix(state);
            for (std::size_t i = 0; i < width; ++i, bits >>= 8) candidate[i] = static_cast<std::uint8_t>(bits);
            if (width > 1 && (candidate[0] == key[0] || candidate[width - 1] == key[width - 1])) continue;  // all of the word
            if (candidate == key) continue;
            if (home_bucket(candidate, capacity) == home) return candidate;
            if (first.empty()) first = candidate;
        }
        return first.empty() ? candidate : first;
    }
    const std::size_t at = kind == NearDuplicate::FirstByte ? 0 : kind == NearDuplicate::MiddleByte ? size / 2 : size - 1;
    // A start that depends on the kind: a 1-byte key's three byte variants differ.
    const unsigned start = 1u + static_cast<unsigned>(kind) * 85u;
    for (unsigned step = 0; step < 255; ++step) {
        candidate[at] = static_cast<std::uint8_t>(key[at] + 1u + (start + step - 1u) % 255u);
        if (home_bucket(candidate, capacity) == home) return candidate;
    }
    candidate[at] = static_cast<std::uint8_t>(key[at] + start);
    return candidate;
}

}  // namespace hashmap_mem::harness
