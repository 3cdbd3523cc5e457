#include "hashmap_mem_harness/checked_executor.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"
#include "hashmap_mem_harness/invariants.hpp"
#include "hashmap_mem_harness/script.hpp"

namespace hashmap_mem::harness {

namespace {

constexpr std::size_t RECENT_KEYS = 16;

bool is_error(const std::string& result) { return result.rfind("error", 0) == 0; }

// Whether `hex` is to_hex(bytes) (lowercase, "." when empty), without building it.
bool hex_spells(const std::string& hex, const std::string& bytes) {
    if (bytes.empty()) return hex == ".";
    if (hex.size() != 2 * bytes.size()) return false;
    static const char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (hex[2 * i] != digits[byte >> 4] || hex[2 * i + 1] != digits[byte & 15]) return false;
    }
    return true;
}

std::string wrong_answer(const std::string& what, const std::string& got, const std::string& expected) {
    return what + " answered '" + got + "', expected '" + expected + "'";
}

Bytes copy_of(const Block* block) { return block == nullptr ? Bytes{} : Bytes(block->data(), block->data() + block->size()); }

// Whether SPEC §3 accepts these layout arguments, derived here from the
// formulas rather than by calling layout().
bool layout_is_valid(const LayoutArgs& a) {
    auto power_of_two_to_128 = [](std::uint64_t x) { return x >= 1 && x <= 128 && (x & (x - 1)) == 0; };
    if (a.key_size == 0 || a.key_size > UINT32_MAX || a.value_size > UINT32_MAX) return false;
    if (!power_of_two_to_128(a.key_alignment) || !power_of_two_to_128(a.value_alignment)) return false;
    if (a.logical_limit == 0 || a.logical_limit > 32768) return false;
    auto align_up = [](std::uint64_t x, std::uint64_t m) { return (x + m - 1) / m * m; };
    const std::uint64_t value_offset = align_up(align_up(1, a.key_alignment) + a.key_size, a.value_alignment);
    const std::uint64_t bucket_size =
        align_up(value_offset + a.value_size, std::max(a.key_alignment, a.value_alignment));
    std::uint64_t capacity = 1;
    while (capacity < a.logical_limit) capacity *= 2;
    return value_offset <= UINT32_MAX && bucket_size <= UINT32_MAX && 24 + capacity * bucket_size <= UINT32_MAX;
}

// The leading decimal numbers of a scan result ("3 17 40", or "3 17 put 1"),
// without a stream (an istringstream per scan was 4% of ops_fuzzer, perf).
std::vector<std::uint32_t> parse_indices(const std::string& result) {
    std::vector<std::uint32_t> indices;
    std::size_t at = 0;
    while (at < result.size() && result[at] >= '0' && result[at] <= '9') {
        std::uint32_t index = 0;
        for (; at < result.size() && result[at] >= '0' && result[at] <= '9'; ++at) {
            index = index * 10 + static_cast<std::uint32_t>(result[at] - '0');
        }
        indices.push_back(index);
        if (at < result.size() && result[at] == ' ') ++at;
    }
    return indices;
}

// The Rust crate's overwrite, step by step through the public API, on a copy
// of target: the image a success must equal, or the proof that a failure was
// due (some reservation is null while its window is full).
struct RustOverwrite {
    Bytes image;
    std::string why_null;  // empty when every reservation succeeded
    bool null_seen = false;
};

RustOverwrite replay_rust_overwrite(const Bytes& target_before, const Bytes& source) {
    RustOverwrite out{target_before, "", false};
    const MapHeader s = read_header(source.data());
    for (std::uint32_t i = 0; i < s.capacity; ++i) {
        const std::uint8_t* bucket = source.data() + MAP_BUCKETS_OFFSET + std::size_t{i} * s.bucket_size;
        if (bucket[0] != static_cast<std::uint8_t>(BucketStatus::Occupied)) continue;
        std::uint8_t* value = get_or_reserve_entry(out.image.data(), bucket + s.key_offset);
        if (value == nullptr) {
            out.null_seen = true;
            out.why_null = check_full_for_key(out.image.data(), Model::bytes(bucket + s.key_offset, s.key_size));
            return out;
        }
        if (s.value_size != 0) std::memcpy(value, bucket + s.value_offset, s.value_size);
    }
    return out;
}

// Equal but for status bytes where one image reclaimed a Tombstone (0 vs 1).
std::string compare_images(const Bytes& got, const Bytes& expected) {
    if (got.size() != expected.size()) return "image sizes differ";
    const MapHeader h = read_header(expected.data());
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] == expected[i]) continue;
        const bool status_byte = i >= MAP_BUCKETS_OFFSET && (i - MAP_BUCKETS_OFFSET) % h.bucket_size == 0;
        if (status_byte && got[i] <= 1 && expected[i] <= 1) continue;
        return "byte " + std::to_string(i) + " is " + std::to_string(got[i]) + ", the Rust crate's overwrite gives " +
               std::to_string(expected[i]);
    }
    return "";
}

}  // namespace

const Model* CheckedExecutor::model(const std::string& id) const {
    auto it = models_.find(id);
    return it == models_.end() ? nullptr : &it->second;
}

// A ring of the last RECENT_KEYS distinct keys: the oldest slot is reused
// (assign keeps its capacity), so a full ring allocates nothing.
void CheckedExecutor::remember_key(const std::string& id, const Bytes& key) {
    RecentKeys& recent = recent_keys_[id];
    auto& keys = recent.keys;
    for (const std::string& k : keys) {
        if (k.size() == key.size() && bytes_equal(k.data(), key.data(), k.size())) return;
    }
    const char* bytes = reinterpret_cast<const char*>(key.data());
    if (keys.size() < RECENT_KEYS) {
        keys.emplace_back(bytes, key.size());
    } else {
        keys[recent.oldest].assign(bytes, key.size());
        recent.oldest = (recent.oldest + 1) % RECENT_KEYS;
    }
}

std::string failure_report(const std::string& failure, const std::vector<Op>& ops) {
    return "invariant broken: " + failure + "\n# replay: hashmap-mem-script --model < this-script\n" + print(ops);
}

std::string CheckedExecutor::report(const std::string& failure) const { return failure_report(failure, history_); }

StepResult CheckedExecutor::execute(const Op& op) {
    if (options_.keep_history) history_.push_back(op);
    static const Bytes none;
    const Bytes* target_before = &none;
    const Bytes* source_before = &none;
    std::vector<std::uint32_t> occupied_before;
    if (const Block* block = real_.find(op.map)) {
        if (op.kind == OpKind::Ow || op.kind == OpKind::ScanDel) target_before = &image_before(op.map, *block, target_scratch_);
        if (op.kind == OpKind::Scan || op.kind == OpKind::ScanDel || op.kind == OpKind::ScanPut) {
            occupied_before = occupied_indices(block->data());
        }
    }
    if (op.kind == OpKind::Ow) {
        if (const Block* source = real_.find(op.source)) source_before = &image_before(op.source, *source, source_scratch_);
    }

    StepResult step;
    step.result = real_.execute(op);
    step.failure = check_answer(op, step.result, *target_before, *source_before, occupied_before);
    if (step.failure.empty() && !op.map.empty()) step.failure = check_after(op);
    if (!step.failure.empty()) checked_images_.clear();  // the premise of check_change is gone
    return step;
}

// The map's image now: its last checked image when that still is its image
// (between ops, unless a check failed), else a copy in `scratch`. Saves a copy
// of the block per scandel (6% of ops_fuzzer, perf).
const Bytes& CheckedExecutor::image_before(const std::string& id, const Block& block, Bytes& scratch) {
    const auto checked = checked_images_.find(id);
    if (checked != checked_images_.end() && checked->second.size() == block.size() &&
        std::memcmp(checked->second.data(), block.data(), block.size()) == 0) {
        return checked->second;
    }
    scratch.assign(block.data(), block.data() + block.size());
    return scratch;
}

std::string CheckedExecutor::check_after(const Op& op) {
    const auto model = models_.find(op.map);
    const Block* block = real_.find(op.map);
    if (model == models_.end() || block == nullptr) return "";
    Bytes& checked = checked_images_[op.map];
    if (checked.size() == block->size()) {
        const bool reads_only = op.kind == OpKind::Get || op.kind == OpKind::Has || op.kind == OpKind::Next ||
                                op.kind == OpKind::Check || op.kind == OpKind::Img || op.kind == OpKind::Scan;
        if (reads_only && std::memcmp(checked.data(), block->data(), block->size()) == 0) return "";
        const bool on_one_key = op.kind == OpKind::Put || op.kind == OpKind::Get || op.kind == OpKind::Has ||
                                op.kind == OpKind::Del;
        if (options_.incremental && on_one_key) {
            // 8: a put changes one bucket, a del one plus the Tombstones it reclaims.
            const std::optional<std::string> failure =
                check_change(const_cast<Block*>(block)->data(), checked.data(), model->second, op.key, recent_keys_[op.map].keys, 8);
            if (failure) {
                if (!failure->empty()) return "map " + op.map + ": " + *failure;
                checked.assign(block->data(), block->data() + block->size());
                return "";
            }
        }
    }
    std::string failure = check_map(op.map);
    if (failure.empty()) checked.assign(block->data(), block->data() + block->size());  // keeps its capacity
    return failure;
}

std::string CheckedExecutor::finish() {
    for (const auto& entry : models_) {
        std::string failure = check_map(entry.first);
        if (!failure.empty()) return failure;
    }
    return "";
}

std::string CheckedExecutor::check_map(const std::string& id) {
    auto it = models_.find(id);
    Block* block = const_cast<Block*>(real_.find(id));
    if (it == models_.end() || block == nullptr) return "";
    std::string failure = check_structure(block->data(), it->second.header);
    if (failure.empty()) failure = check_contents(block->data(), it->second, recent_keys_[id].keys);
    return failure.empty() ? "" : "map " + id + ": " + failure;
}

std::string CheckedExecutor::check_answer(const Op& op, const std::string& result, const Bytes& target_before,
                                          const Bytes& source_before,
                                          const std::vector<std::uint32_t>& occupied_before) {
    const auto line = [&op] { return print(op); };  // printed only for a failure (it allocates)
    if (op.kind == OpKind::Hash) return "";
    if (op.kind == OpKind::Layout) {
        return is_error(result) == !layout_is_valid(op.layout) ? "" : line() + ": layout validity disagrees with SPEC §3 (" + result + ")";
    }
    if (op.kind == OpKind::New) {
        const bool valid = layout_is_valid(op.layout);
        if (is_error(result)) return valid ? line() + ": a valid layout was refused: " + result : "";
        if (!valid) return line() + ": an invalid layout was accepted";
        const MapHeader h = read_header(real_.find(op.map)->data());
        if (h.key_size != op.layout.key_size || h.value_size != op.layout.value_size ||
            h.logical_limit != op.layout.logical_limit || h.capacity < op.layout.logical_limit ||
            (h.capacity & (h.capacity - 1)) != 0 || h.element_count != 0 || h.padding_and_secret_code != SECRET_CODE) {
            return line() + ": init wrote a header that does not match the layout";
        }
        models_[op.map] = Model{h, {}};
        recent_keys_.erase(op.map);
        return "";
    }
    if (op.kind == OpKind::Load) {
        if (result == "ok") {
            models_[op.map] = model_from_image(real_.find(op.map)->data());
            recent_keys_.erase(op.map);
        }
        return "";
    }

    Block* block = real_.find(op.map);
    auto model_it = models_.find(op.map);
    if (block == nullptr || model_it == models_.end()) {
        return is_error(result) ? "" : line() + ": ran on a map that does not exist";
    }
    Model& model = model_it->second;
    const std::string key = Model::bytes(op.key.data(), op.key.size());
    const bool key_fits = op.key.size() == model.header.key_size;
    auto present = model.entries.find(key);

    switch (op.kind) {
        case OpKind::Put: {
            if (!key_fits || op.value.size() != model.header.value_size) {
                return is_error(result) ? "" : line() + ": a key or value of the wrong length was accepted";
            }
            remember_key(op.map, op.key);
            if (result == "1") {
                model.entries[key] = Model::bytes(op.value.data(), op.value.size());
                return "";
            }
            if (result != "0") return wrong_answer(line(), result, "1");
            if (present != model.entries.end()) return line() + ": get_or_reserve_entry gave null for a present key";
            return check_full_for_key(block->data(), key);
        }
        case OpKind::Get:
        case OpKind::Has:
        case OpKind::Del: {
            if (!key_fits) return is_error(result) ? "" : line() + ": a key of the wrong length was accepted";
            remember_key(op.map, op.key);
            const bool in_model = present != model.entries.end();
            bool right = false;
            if (op.kind == OpKind::Get) {
                right = in_model ? hex_spells(result, present->second) : result == "none";
            } else {
                right = result == (in_model ? "1" : "0");
            }
            if (right) {
                if (op.kind == OpKind::Del && in_model) model.entries.erase(present);
                return "";
            }
            std::string expected = in_model ? "1" : "0";
            if (op.kind == OpKind::Get) {
                expected = in_model ? to_hex(reinterpret_cast<const std::uint8_t*>(present->second.data()),
                                             present->second.size())
                                    : "none";
            }
            return wrong_answer(line(), result, expected);
        }
        case OpKind::Ow: {
            const Block* source = real_.find(op.source);
            auto source_model = models_.find(op.source);
            if (source == nullptr || source_model == models_.end()) {
                return is_error(result) ? "" : line() + ": ran with a source that does not exist";
            }
            if (copy_of(source) != source_before) return line() + ": overwrite wrote to its source";
            const MapHeader t = read_header(target_before.data());
            const MapHeader s = read_header(source_before.data());
            if (op.map == op.source) {
                if (result != "1") return wrong_answer(line(), result, "1");
                return copy_of(block) == target_before ? "" : line() + ": overwrite(m, m) changed m";
            }
            const bool limit_fails = t.logical_limit < s.element_count;
            const bool layout_fails =
                t.key_size != s.key_size || t.value_size != s.value_size || t.bucket_size != s.bucket_size;
            if (limit_fails || layout_fails) {
                if (result != "0") return wrong_answer(line(), result, "0") + (limit_fails ? " (limit)" : " (layouts differ)");
                return copy_of(block) == target_before ? "" : line() + ": a refused overwrite changed target";
            }
            const RustOverwrite rust = replay_rust_overwrite(target_before, source_before);
            if (result == "1") {
                if (rust.null_seen) return line() + ": succeeded where a reservation must fail";
                const std::string differs = compare_images(copy_of(block), rust.image);
                if (!differs.empty()) return line() + ": " + differs;
                for (const auto& [k, v] : source_model->second.entries) model.entries[k] = v;
                return "";
            }
            if (result != "0") return wrong_answer(line(), result, "0 or 1");
            if (!rust.null_seen) return line() + ": failed, but every source key has room in target";
            if (!rust.why_null.empty()) return line() + ": " + rust.why_null;
            return "";  // model unchanged: check_contents proves nothing was lost or added
        }
        case OpKind::Next: {
            if (is_error(result)) return line() + ": " + result;
            return check_next(block->data(), op.number, std::stoull(result));
        }
        case OpKind::Check: return result == "ok" ? "" : line() + ": validate refused a live map: " + result;
        case OpKind::Scan:
        case OpKind::ScanDel: {
            const std::vector<std::uint32_t> visited = parse_indices(result);
            std::string failure = check_scan(block->data(), occupied_before, visited);
            if (!failure.empty()) return line() + ": " + failure;
            if (op.kind == OpKind::ScanDel && op.number != 0) {
                const MapHeader h = read_header(target_before.data());
                for (std::size_t i = op.number - 1; i < visited.size(); i += op.number) {
                    const std::uint8_t* bucket = target_before.data() + MAP_BUCKETS_OFFSET + std::size_t{visited[i]} * h.bucket_size;
                    model.entries.erase(Model::bytes(bucket + h.key_offset, h.key_size));
                }
            }
            return "";
        }
        case OpKind::ScanPut: {
            if (!key_fits || op.value.size() != model.header.value_size) {
                return is_error(result) ? "" : line() + ": a key or value of the wrong length was accepted";
            }
            remember_key(op.map, op.key);
            const std::vector<std::uint32_t> visited = parse_indices(result);
            const std::string put = result.substr(result.rfind(' ') + 1);
            // What the scan must visit: the entries there when it began, and a
            // bucket the put added iff it lies after the entry the put followed
            // (find_next_valid_entry returns the first Occupied at >= start).
            std::vector<std::uint32_t> expected = occupied_before;
            if (occupied_before.size() < op.number) {
                if (put != "-") return wrong_answer(line(), result, "no put: fewer entries than EVERY");
            } else if (put == "0") {
                if (present != model.entries.end()) return line() + ": get_or_reserve_entry gave null for a present key";
                const std::string full = check_full_for_key(block->data(), key);
                if (!full.empty()) return line() + ": " + full;
            } else if (put == "1") {
                const bool was_present = present != model.entries.end();
                model.entries[key] = Model::bytes(op.value.data(), op.value.size());
                const std::uint32_t cursor = occupied_before[op.number - 1];
                for (std::uint32_t index : occupied_indices(block->data())) {
                    if (was_present || index <= cursor ||
                        std::binary_search(occupied_before.begin(), occupied_before.end(), index)) {
                        continue;
                    }
                    expected.insert(std::upper_bound(expected.begin(), expected.end(), index), index);
                }
            } else {
                return wrong_answer(line(), result, "indices then put 1, 0 or -");
            }
            const std::string failure = check_scan(block->data(), expected, visited);
            return failure.empty() ? "" : line() + ": " + failure;
        }
        case OpKind::Img:
        case OpKind::Hash:
        case OpKind::Layout:
        case OpKind::New:
        case OpKind::Load: return "";
    }
    return "";
}

}  // namespace hashmap_mem::harness
