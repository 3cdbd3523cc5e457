#include "model/invariants.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"
#include "oracle/spec_hash.hpp"
#include "run/map_calls.hpp"

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
        return spec_home(spec_fxhash64(key, h.key_size), h.capacity);
    }
    std::uint32_t home(const std::string& key) const {
        return home(reinterpret_cast<const std::uint8_t*>(key.data()));
    }
};

constexpr std::uint8_t EMPTY = 0, TOMBSTONE = 1, OCCUPIED = 2;

bool same_bytes(const std::string& expected, const std::uint8_t* got, std::size_t size) {
    return expected.size() == size && bytes_equal(expected.data(), got, size);
}

std::string at(std::uint32_t i) { return " (bucket " + std::to_string(i) + ")"; }
std::string hex(const std::string& s) { return to_hex(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

}  // namespace

void occupied_indices(const std::uint8_t* block, std::vector<std::uint32_t>& indices) {
    const View v(block);
    indices.clear();
    for (std::uint32_t i = 0; i < v.h.capacity; ++i) {
        if (v.status(i) == OCCUPIED) indices.push_back(i);
    }
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
    // Full hashes, so that the duplicate check below compares words and calls
    // memcmp (hooked by libFuzzer when unequal) only for equal hashes.
    thread_local std::vector<std::uint64_t> hashes;
    hashes.assign(h.capacity, 0);
    for (std::uint32_t i = 0; i < h.capacity; ++i) {
        if (v.status(i) == OCCUPIED) hashes[i] = spec_fxhash64(v.bucket(i) + h.key_offset, h.key_size);
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
        const std::uint32_t home = static_cast<std::uint32_t>(hashes[i] >> 48) & (h.capacity - 1u);
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
            if (v.status(j) == OCCUPIED && hashes[j] == hashes[i] && bytes_equal(v.bucket(j) + h.key_offset, key, h.key_size)) {
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
    thread_local std::string bucket_key;  // assign() keeps its capacity: no allocation per bucket or per map
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
    // lookup only: has is lookup != null by definition (map.hpp), and has ops
    // check it against the model; a second walk per key cost 11% (perf).
    for (const auto& [key, value] : model.entries) {
        const std::uint8_t* got = map_lookup(block, key.data());
        if (got == nullptr) return "lookup misses key " + hex(key) + " that the map holds";
        if (!same_bytes(value, got, v.h.value_size)) return "lookup of " + hex(key) + " gives the wrong value";
    }
    for (const std::string& key : absent_probes) {
        if (key.size() != v.h.key_size || model.entries.count(key) != 0) continue;
        if (map_lookup(block, key.data()) != nullptr) return "lookup finds key " + hex(key) + " that was never put or was removed";
    }
    return "";
}

ByteRange bucket_bytes_differing(const std::uint8_t* block, const std::uint8_t* before) {
    const MapHeader h = read_header(before);
    const std::size_t size = std::size_t{h.capacity} * h.bucket_size;
    ByteRange differs = differing_range(block + MAP_BUCKETS_OFFSET, before + MAP_BUCKETS_OFFSET, size);
    differs.first += MAP_BUCKETS_OFFSET;
    differs.end += MAP_BUCKETS_OFFSET;
    return differs;
}

std::optional<std::string> check_change(std::uint8_t* block, const std::uint8_t* before, const Model& model,
                                        const Bytes& key, const std::vector<std::string>& absent_probes,
                                        std::size_t max_changed) {
    return check_change(block, before, bucket_bytes_differing(block, before), model, key, absent_probes, max_changed);
}

std::optional<std::string> check_change(std::uint8_t* block, const std::uint8_t* before, ByteRange differs,
                                        const Model& model, const Bytes& key,
                                        const std::vector<std::string>& absent_probes, std::size_t max_changed) {
    const View v(block);
    const View was(before);
    const MapHeader& h = v.h;
    const MapHeader& made = model.header;
    if (h.capacity != made.capacity || h.key_size != made.key_size || h.value_size != made.value_size ||
        h.value_offset != made.value_offset || h.bucket_size != made.bucket_size ||
        h.logical_limit != made.logical_limit || h.key_offset != made.key_offset ||
        h.padding_and_secret_code != made.padding_and_secret_code) {
        return std::string("header layout fields changed");
    }
    const std::uint32_t mask = h.capacity - 1u;
    thread_local std::vector<std::uint32_t> changed;
    changed.clear();
    std::int64_t occupied = was.h.element_count;  // premise: before's count was right
    // Only the buckets in the differing range are compared one by one.
    const std::size_t first = std::max<std::size_t>(differs.first, MAP_BUCKETS_OFFSET);
    const std::size_t last = std::max(differs.end, first);
    const auto first_bucket = static_cast<std::uint32_t>((first - MAP_BUCKETS_OFFSET) / h.bucket_size);
    const auto end_bucket = static_cast<std::uint32_t>(std::min<std::size_t>(
        h.capacity, (last - MAP_BUCKETS_OFFSET + h.bucket_size - 1) / h.bucket_size));
    for (std::uint32_t i = first_bucket; i < end_bucket; ++i) {
        if (bytes_equal(v.bucket(i), was.bucket(i), h.bucket_size)) continue;
        if (changed.size() == max_changed) return std::nullopt;
        changed.push_back(i);
        const std::uint8_t status = v.status(i);
        if (status != EMPTY && status != TOMBSTONE && status != OCCUPIED) {
            return "status byte " + std::to_string(status) + " is not 0, 1 or 2" + at(i);
        }
        occupied += (status == OCCUPIED) - (was.status(i) == OCCUPIED);
    }
    if (occupied != h.element_count) {
        return "element_count " + std::to_string(h.element_count) + " but " + std::to_string(occupied) + " Occupied buckets";
    }
    if (model.entries.size() != h.element_count) {
        return "map holds " + std::to_string(h.element_count) + " entries, model " + std::to_string(model.entries.size());
    }

    // Each key a changed bucket held or holds, and `key`: in the model iff
    // exactly one Occupied bucket of its window holds it, with the model's
    // value, and lookup finds that bucket.
    thread_local std::string k;
    auto check_key = [&](const std::uint8_t* bytes) -> std::string {
        k.assign(reinterpret_cast<const char*>(bytes), h.key_size);
        const auto in_model = model.entries.find(k);
        const std::uint32_t home = v.home(bytes);
        const std::uint8_t* holder = nullptr;
        for (std::uint32_t d = 0; d < v.window(); ++d) {
            const std::uint32_t j = (home + d) & mask;
            if (v.status(j) != OCCUPIED || !bytes_equal(v.bucket(j) + h.key_offset, bytes, h.key_size)) continue;
            if (holder != nullptr) return "key " + hex(k) + " is Occupied twice" + at(j);
            holder = v.bucket(j);
        }
        if (in_model == model.entries.end()) {
            if (holder != nullptr) return "map holds key " + hex(k) + " that the model does not";
            if (map_lookup(block, bytes) != nullptr) return "lookup finds key " + hex(k) + " that was never put or was removed";
            return "";
        }
        if (holder == nullptr) return "map lacks key " + hex(k) + " that the model holds";
        if (!same_bytes(in_model->second, holder + h.value_offset, h.value_size)) {
            return "key " + hex(k) + " holds value " + to_hex(holder + h.value_offset, h.value_size) + ", model has " +
                   hex(in_model->second);
        }
        if (map_lookup(block, bytes) != holder + h.value_offset) return "lookup of " + hex(k) + " does not give its bucket";
        return "";
    };
    if (key.size() == h.key_size) {  // (has_key below)
        std::string failure = check_key(key.data());
        if (!failure.empty()) return failure;
    }
    const bool has_key = key.size() == h.key_size;
    for (const std::uint32_t c : changed) {
        for (const View* image : {&was, &v}) {
            if (image->status(c) != OCCUPIED) continue;
            const std::uint8_t* bytes = image->bucket(c) + h.key_offset;
            if (has_key && bytes_equal(bytes, key.data(), h.key_size)) continue;  // checked above
            std::string failure = check_key(bytes);
            if (!failure.empty()) return failure;
        }
    }

    // Keys whose walk (home .. bucket) crosses a changed bucket c: they lie
    // from c on, before the next Empty bucket (a walk crossing c and an
    // Empty past it was broken before the op, against the premise). Only a
    // status change away from Occupied or Tombstone can break such a walk:
    // no walk crossed a bucket that was Empty (premise), and a bucket whose
    // status stayed is walked alike. Otherwise only c's own key is checked.
    // (Most changes are puts into Empty buckets: one key instead of a
    // cluster saved about 10% of ops_fuzzer's time.)
    // A key is looked up once, and not at all in a changed bucket (check_key
    // did): a del with reclaims crosses the same cluster from each bucket.
    thread_local std::vector<std::uint32_t> looked_up;
    looked_up.assign(changed.begin(), changed.end());
    for (const std::uint32_t c : changed) {
        const bool walks_through_c_changed = was.status(c) != EMPTY && was.status(c) != v.status(c);
        const std::uint32_t reach = walks_through_c_changed ? v.window() : 1u;
        for (std::uint32_t offset = 0; offset < reach; ++offset) {
            const std::uint32_t p = (c + offset) & mask;
            if (v.status(p) == EMPTY) {
                if (offset == 0) continue;  // c itself became Empty: the keys after it
                break;
            }
            if (v.status(p) != OCCUPIED) continue;
            const std::uint8_t* bytes = v.bucket(p) + h.key_offset;
            const std::uint32_t home = v.home(bytes);
            const std::uint32_t distance = (p - home) & mask;
            if (distance >= v.window()) {
                return "key " + to_hex(bytes, h.key_size) + " lies " + std::to_string(distance) +
                       " buckets from its home " + std::to_string(home) + ", outside the window" + at(p);
            }
            if (distance < offset) continue;  // its walk starts after c
            for (std::uint32_t d = 0; d < distance; ++d) {
                const std::uint32_t j = (home + d) & mask;
                if (v.status(j) == EMPTY) {
                    return "key " + to_hex(bytes, h.key_size) + " has Empty bucket " + std::to_string(j) +
                           " between its home " + std::to_string(home) + " and it" + at(p);
                }
            }
            if (std::find(looked_up.begin(), looked_up.end(), p) != looked_up.end()) continue;
            looked_up.push_back(p);
            if (map_lookup(block, bytes) != v.bucket(p) + h.value_offset) {
                return "lookup of " + to_hex(bytes, h.key_size) + " does not give its bucket" + at(p);
            }
        }
    }

    // Absent keys whose walk may cross a changed bucket stay absent: a bucket
    // whose status changed (a walk through a bucket that kept its status
    // meets another key, as before). The op's key was checked above.
    // (Cheapest first: the window test is a hash, the model test runs
    // uninstrumented; lookup, the instrumented map, only for absent probes.
    // Probes were ~15% of ops_fuzzer's time.)
    thread_local std::vector<std::uint32_t> restatused;  // changed buckets whose status changed
    restatused.clear();
    for (const std::uint32_t c : changed) {
        if (was.status(c) != v.status(c)) restatused.push_back(c);
    }
    for (const std::string& probe : absent_probes) {
        if (restatused.empty()) break;
        if (probe.size() != h.key_size || (has_key && bytes_equal(probe.data(), key.data(), h.key_size))) continue;
        const std::uint32_t home = v.home(probe);
        bool window_changed = false;
        for (const std::uint32_t c : restatused) window_changed |= ((c - home) & mask) < v.window();
        if (!window_changed || model.entries.count(probe) != 0) continue;
        if (map_lookup(block, probe.data()) != nullptr) {
            return "lookup finds key " + hex(probe) + " that was never put or was removed";
        }
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
        if (same_bytes(key, v.bucket(j) + v.h.key_offset, v.h.key_size)) return "get_or_reserve_entry gave null for " + hex(key) + ", which is present" + at(j);
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
        const MapEntry end = map_find_next_valid_entry(block, start);
        if (end.index != END_OF_SCAN || end.key != nullptr || end.value != nullptr) {
            return "find_next_valid_entry from " + std::to_string(start) + " (capacity " + std::to_string(capacity) +
                   ") did not end the scan";
        }
    }
    return "";
}

}  // namespace hashmap_mem::harness
