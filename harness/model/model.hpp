// The reference a map is checked against: its layout numbers and a
// std::unordered_map from key bytes to value bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hashmap_mem/header.hpp"
#include "script/bytes.hpp"

namespace hashmap_mem::harness {

// std::hash<std::string> counts as slow in libstdc++ (GCC 12+), so find() in
// a table of up to 20 entries compares the key with every entry instead of
// hashing: unequal compares that libFuzzer's memcmp hook records one by one
// (about a fifth of ops_fuzzer's time, perf). A hasher of our own is "fast".
//
// Not noexcept on purpose: libstdc++ then keeps each node's hash, so a find
// compares hashes before keys and never rehashes the nodes it walks past
// (the model's hashing was 7% of ops_fuzzer's time, perf).
struct KeyHash {
    std::size_t operator()(const std::string& key) const { return std::hash<std::string_view>{}(key); }
};
struct KeyEqual {
    bool operator()(const std::string& a, const std::string& b) const noexcept {
        return a.size() == b.size() && bytes_equal(a.data(), b.data(), a.size());
    }
};

struct Model {
    using Entries = std::unordered_map<std::string, std::string, KeyHash, KeyEqual>;

    MapHeader header{};  // layout fields as made; element_count is not tracked here
    Entries entries;     // read it directly; change it through put, erase and clear

    Model() = default;
    explicit Model(const MapHeader& made, Entries initial = {}) : header(made), entries(std::move(initial)) {}
    Model(const Model& other) : header(other.header), entries(other.entries) {}
    Model& operator=(const Model& other) {
        header = other.header;
        entries = other.entries;
        return *this;
    }
    Model(Model&&) = default;
    Model& operator=(Model&&) = default;

    // put, erase and clear recycle the nodes (and their strings' buffers): a
    // fuzz input makes about 11 entries of 2-3 allocations each, and under
    // ASan those were 15% of ops_fuzzer's time (perf).
    void put(const std::string& key, const char* value, std::size_t value_size);
    void put(const std::string& key, const std::string& value) { put(key, value.data(), value.size()); }
    bool erase(const std::string& key);
    void clear();

    static std::string bytes(const std::uint8_t* data, std::size_t size) {
        return std::string(reinterpret_cast<const char*>(data), size);
    }
    bool operator==(const Model& other) const { return entries == other.entries; }

private:
    std::vector<Entries::node_type> spare_;
};

// The entries of a live map, read bucket by bucket (no lookup), for seeding a
// model from an image that validate accepted.
Model model_from_image(const std::uint8_t* block);

}  // namespace hashmap_mem::harness
