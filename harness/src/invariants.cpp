#include "hashmap_mem_harness/invariants.hpp"

#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"

namespace hashmap_mem::harness {

namespace {

struct View {
    MapHeader h;
    const std::uint8_t* buckets;
    explicit View(const std::uint8_t* block) : h(read_header(block)), buckets(block + MAP_BUCKETS_OFFSET) {}
    const std::uint8_t* bucket(std::uint32_t i) const { return buckets + std::size_t{i} * h.bucket_size; }
    std::uint8_t status(std::uint32_t i) const { return bucket(i)[0]; }
    std::string key(std::uint32_t i) const { return Model::bytes(bucket(i) + h.key_offset, h.key_size); }
    std::string value(std::uint32_t i) const { return Model::bytes(bucket(i) + h.value_offset, h.value_size); }
    std::uint32_t window() const { return h.capacity < 32u ? h.capacity : 32u; }
    std::uint32_t home(const std::uint8_t* key) const {
        return static_cast<std::uint32_t>(fxhash64(key, h.key_size) >> 48) & (h.capacity - 1u);
    }
    std::uint32_t home(const std::string& key) const {
        return home(reinterpret_cast<const std::uint8_t*>(key.data()));
    }
};

constexpr std::uint8_t EMPTY = 0, TOMBSTONE = 1, OCCUPIED = 2;

bool same_bytes(const std::string& expected, const std::uint8_t* got, std::size_t size) {
    return expected.size() == size && (size == 0 || std::memcmp(expected.data(), got, size) == 0);
}

std::string at(std::uint32_t i) { return " (bucket " + std::to_string(i) + ")"; }
std::string hex(const std::string& s) { return to_hex(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

}  // namespace

std::vector<std::uint32_t> occupied_indices(const std::uint8_t* block) {
    const View v(block);
    std::vector<std::uint32_t> indices;
    for (std::uint32_t i = 0; i < v.h.capacity; ++i) {
        if (v.status(i) == OCCUPIED) indices.push_back(i);
    }
    return indices;
}

std::string check_structure(const std::uint8_t* block, const MapHeader& made) {
    const View v(block);
    const MapHeader& h = v.h;
    if (h.capacity != made.capacity || h.key_size != made.key_size || h.value_size != made.value_size ||
        h.value_offset != made.value_offset || h.bucket_size != made.bucket_size ||
        h.logical_limit != made.logical_limit || h.key_offset != made.key_offset ||
        h.padding_and_secret_code != made.padding_and_secret_code) {
        return "header layout fields changed";
    }
    std::uint32_t occupied = 0;
    for (std::uint32_t i = 0; i < h.capacity; ++i) {
        const std::uint8_t status = v.status(i);
        if (status != EMPTY && status != TOMBSTONE && status != OCCUPIED) {
            return "status byte " + std::to_string(status) + " is not 0, 1 or 2" + at(i);
        }
        if (status != OCCUPIED) continue;
        ++occupied;
        const std::uint8_t* key = v.bucket(i) + h.key_offset;
        const std::uint32_t home = v.home(key);
        const std::uint32_t distance = (i - home) & (h.capacity - 1u);
        if (distance >= v.window()) {
            return "key " + to_hex(key, h.key_size) + " lies " + std::to_string(distance) + " buckets from its home " +
                   std::to_string(home) + ", outside the window" + at(i);
        }
        // Equal keys share a home and both lie within the window from it, so
        // a duplicate of this key, if it comes first, is between home and i.
        for (std::uint32_t d = 0; d < distance; ++d) {
            const std::uint32_t j = (home + d) & (h.capacity - 1u);
            if (v.status(j) == EMPTY) {
                return "key " + to_hex(key, h.key_size) + " has Empty bucket " + std::to_string(j) +
                       " between its home " + std::to_string(home) + " and it" + at(i);
            }
            if (v.status(j) == OCCUPIED && std::memcmp(v.bucket(j) + h.key_offset, key, h.key_size) == 0) {
                return "key " + to_hex(key, h.key_size) + " is Occupied twice" + at(i);
            }
        }
    }
    if (occupied != h.element_count) {
        return "element_count " + std::to_string(h.element_count) + " but " + std::to_string(occupied) +
               " Occupied buckets";
    }
    return "";
}

std::string check_contents(std::uint8_t* block, const Model& model, const std::vector<std::string>& absent_probes) {
    const View v(block);
    std::size_t found = 0;
    std::string bucket_key;  // reused: assign() keeps its capacity, no allocation per bucket
    for (std::uint32_t i = 0; i < v.h.capacity; ++i) {
        if (v.status(i) != OCCUPIED) continue;
        bucket_key.assign(reinterpret_cast<const char*>(v.bucket(i) + v.h.key_offset), v.h.key_size);
        auto it = model.entries.find(bucket_key);
        if (it == model.entries.end()) return "map holds key " + hex(bucket_key) + " that the model does not" + at(i);
        if (!same_bytes(it->second, v.bucket(i) + v.h.value_offset, v.h.value_size)) {
            return "key " + hex(bucket_key) + " holds value " + hex(v.value(i)) + ", model has " + hex(it->second) + at(i);
        }
        ++found;
    }
    if (found != model.entries.size()) {
        return "map holds " + std::to_string(found) + " entries, model " + std::to_string(model.entries.size());
    }
    for (const auto& [key, value] : model.entries) {
        const std::uint8_t* got = lookup(block, key.data());
        if (got == nullptr) return "lookup misses key " + hex(key) + " that the map holds";
        if (!same_bytes(value, got, v.h.value_size)) return "lookup of " + hex(key) + " gives the wrong value";
        if (!has(block, key.data())) return "has misses key " + hex(key);
    }
    for (const std::string& key : absent_probes) {
        if (key.size() != v.h.key_size || model.entries.count(key) != 0) continue;
        if (lookup(block, key.data()) != nullptr) return "lookup finds key " + hex(key) + " that was never put or was removed";
        if (has(block, key.data())) return "has finds absent key " + hex(key);
    }
    return "";
}

std::string check_full_for_key(const std::uint8_t* block, const std::string& key) {
    const View v(block);
    const std::uint32_t home = v.home(key);
    for (std::uint32_t d = 0; d < v.window(); ++d) {
        const std::uint32_t j = (home + d) & (v.h.capacity - 1u);
        if (v.status(j) != OCCUPIED) {
            return "get_or_reserve_entry gave null for " + hex(key) + " but bucket " + std::to_string(j) +
                   " of its window (home " + std::to_string(home) + ") is not Occupied";
        }
        if (v.key(j) == key) return "get_or_reserve_entry gave null for " + hex(key) + ", which is present" + at(j);
    }
    return "";
}

std::string check_next(const std::uint8_t* block, std::uint64_t start, std::uint64_t answer) {
    const View v(block);
    std::uint64_t expected = 0xFFFF;
    for (std::uint64_t i = start; i < v.h.capacity; ++i) {
        if (v.status(static_cast<std::uint32_t>(i)) == OCCUPIED) {
            expected = i;
            break;
        }
    }
    if (answer != expected) {
        return "find_next_valid_entry from " + std::to_string(start) + " gave " + std::to_string(answer) +
               ", the first Occupied bucket is " + std::to_string(expected);
    }
    return "";
}

std::string check_scan(std::uint8_t* block, const std::vector<std::uint32_t>& occupied_before,
                       const std::vector<std::uint32_t>& visited) {
    for (std::size_t i = 1; i < visited.size(); ++i) {
        if (visited[i] <= visited[i - 1]) return "scan indices not strictly increasing at " + std::to_string(visited[i]);
    }
    if (visited != occupied_before) {
        return "scan visited " + std::to_string(visited.size()) + " buckets, " +
               std::to_string(occupied_before.size()) + " were Occupied when it began";
    }
    const std::uint32_t capacity = read_header(block).capacity;
    for (std::uint32_t start : {capacity, capacity + 1u, 0xFFFFu, 0x10000u}) {
        const Entry end = find_next_valid_entry(block, start);
        if (end.index != END_OF_SCAN || end.key != nullptr || end.value != nullptr) {
            return "find_next_valid_entry from " + std::to_string(start) + " (capacity " + std::to_string(capacity) +
                   ") did not end the scan";
        }
    }
    return "";
}

}  // namespace hashmap_mem::harness
