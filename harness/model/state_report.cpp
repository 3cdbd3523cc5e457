#include "model/state_report.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"
#include "front_ends/front_end.hpp"
#include "oracle/spec_hash.hpp"
#include "script/op_kinds.hpp"
#include "script/bytes.hpp"

namespace hashmap_mem::harness {

namespace {

constexpr std::uint8_t EMPTY = 0, TOMBSTONE = 1, OCCUPIED = 2;
constexpr std::uint32_t WINDOW = 32;

StateReport* written = nullptr;
std::string written_path;

void write_at_exit() {
    if (written == nullptr) return;
    if (std::FILE* f = std::fopen(written_path.c_str(), "w")) {
        const std::string text = written->json();
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
}

std::uint8_t status(const std::uint8_t* block, const MapHeader& h, std::uint32_t i) {
    return block[MAP_BUCKETS_OFFSET + std::size_t{i} * h.bucket_size];
}

// Buckets a lookup of `key` visits now (1 = its home), and whether they run
// past the last bucket: up to the bucket holding it, an Empty one or the window's end.
std::uint32_t walk(const std::uint8_t* block, const MapHeader& h, const Bytes& key, bool& wraps) {
    const std::uint32_t home = spec_home(spec_fxhash64(key.data(), key.size()), h.capacity);
    const std::uint32_t window = h.capacity < WINDOW ? h.capacity : WINDOW;
    std::uint32_t d = 0;
    while (d < window) {
        const std::uint32_t i = (home + d) & (h.capacity - 1u);
        const std::uint8_t s = status(block, h, i);
        ++d;
        if (s == EMPTY) break;
        const std::uint8_t* stored = block + MAP_BUCKETS_OFFSET + std::size_t{i} * h.bucket_size + h.key_offset;
        if (s == OCCUPIED && std::memcmp(stored, key.data(), h.key_size) == 0) break;
    }
    wraps = home + d > h.capacity;
    return d;
}

// A map whose header the checker would accept enough to walk it.
bool walkable(const Block* block) {
    if (block == nullptr || block->size() < MAP_BUCKETS_OFFSET) return false;
    const MapHeader h = read_header(block->data());
    return h.capacity != 0 && (h.capacity & (h.capacity - 1u)) == 0 && h.bucket_size != 0 &&
           MAP_BUCKETS_OFFSET + std::size_t{h.capacity} * h.bucket_size <= block->size();
}

std::string quoted(const std::string& text) {
    std::string q = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + "\"";
}

void add_group(std::string& out, const char* name, const std::vector<std::pair<std::string, std::uint64_t>>& rows) {
    out += out.back() == '{' ? "\n  " : ",\n  ";
    out += quoted(name) + ": {";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out += (i == 0 ? "" : ", ") + quoted(rows[i].first) + ": " + std::to_string(rows[i].second);
    }
    out += "}";
}

}  // namespace

StateReport* StateReport::from_environment(const char* target) {
    const char* path = std::getenv("HASHMAP_MEM_STATE_REPORT");
    if (path == nullptr || *path == '\0') return nullptr;
    if (written == nullptr) {
        written = new StateReport();  // lives until exit, written then
        written->target_ = target;
        written_path = path;
        std::atexit(write_at_exit);
    }
    return written;
}

StateReport::MapSeen& StateReport::seen(const std::string& id) {
    for (MapSeen& m : maps_) {
        if (m.id == id) return m;
    }
    MapSeen& m = maps_.emplace_back();
    m.id = id;
    return m;
}

void StateReport::finish(MapSeen& m) {
    if (!m.live) return;
    ++fill_[m.max_fill];
    if (m.max_tombstone_run >= 4) ++tombstone_runs_;
    m = MapSeen{m.id};
}

void StateReport::end_input() {
    ++inputs_;
    for (MapSeen& m : maps_) finish(m);
}

void StateReport::observe_map(MapSeen& m, const Block& block) {
    const MapHeader h = read_header(block.data());
    std::uint32_t tombstones = 0, run = 0, longest = 0;
    // Twice round, so a run through the last bucket to bucket 0 counts whole.
    for (std::uint32_t n = 0; n < 2u * h.capacity && longest < h.capacity; ++n) {
        const bool t = status(block.data(), h, n & (h.capacity - 1u)) == TOMBSTONE;
        if (n < h.capacity) tombstones += t;
        run = t ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    if (longest > m.max_tombstone_run) m.max_tombstone_run = longest;
    const unsigned fill = static_cast<unsigned>(std::uint64_t{h.element_count} * 10u / h.capacity);
    if (fill > m.max_fill) m.max_fill = fill > 10 ? 10 : fill;
    m.tombstones = tombstones;
    m.elements = h.element_count;
}

void StateReport::before(const Op& op, const Executor& real) {
    overwrite_expected_ = -1;
    if (op.kind != OpKind::Ow) return;
    const Block* target = real.find(op.map);
    const Block* source = real.find(op.source);
    if (!walkable(target) || !walkable(source)) return;
    // The reason the executor's flag does not give: the same overwrite on a copy.
    Bytes copy(target->data(), target->data() + target->size());
    overwrite_expected_ = static_cast<int>(overwrite(copy.data(), source->data()));
    // All or nothing: buckets reserved before a source key found its window
    // full go back (as Tombstones holding the new keys, the crate's image), so
    // a refusal that changed the image rolled reservations back.
    overwrite_rolls_back_ = overwrite_expected_ == static_cast<int>(OverwriteResult::TargetFull) &&
                            !bytes_equal(copy.data(), target->data(), copy.size());
}

void StateReport::after(const Op& op, const Answer& answer, const Executor& real) {
    ++ops_;
    const bool ok = answer.kind != Answer::Kind::Error;
    if (op.kind == OpKind::Load) {
        ++validate_[static_cast<std::size_t>(validate(op.key.data(), op.key.size()).error)];
    }
    const Block* block = real.find(op.map);
    if (op.kind == OpKind::New || op.kind == OpKind::Load) {
        MapSeen& m = seen(op.map);
        finish(m);
        if (!ok || !walkable(block)) return;
        m.live = true;
        const MapHeader h = read_header(block->data());
        ++key_sizes_[h.key_size];
        ++value_sizes_[h.value_size];
        observe_map(m, *block);
        return;
    }
    if (!walkable(block)) return;
    MapSeen& m = seen(op.map);
    if (!m.live) return;
    if (op.kind == OpKind::Via) {
        if (ok) m.front_end = static_cast<std::uint8_t>(op.number);
        return;
    }
    ++front_end_[m.front_end];
    const MapHeader h = read_header(block->data());
    const std::uint32_t tombstones_before = m.tombstones, elements_before = m.elements;
    if (op_kind(op.kind).keyed()) {
        if (op.key.size() == h.key_size) {
            bool wraps = false;
            const std::uint32_t length = walk(block->data(), h, op.key, wraps);
            if (length > longest_walk_) longest_walk_ = length;
            ++walk_[length <= 1 ? 0 : length <= 8 ? 1 : length <= 16 ? 2 : length < WINDOW ? 3 : 4];
            wraps_ += wraps;
            const bool refused = op.kind == OpKind::Put ? answer.kind == Answer::Kind::Flag && !answer.flag
                                                        : answer.kind == Answer::Kind::Indices && answer.put == '0';
            windows_full_ += refused;
        }
    } else if (op.kind == OpKind::Check) {
        ++validate_[static_cast<std::size_t>(validate(block->data(), block->size()).error)];
    } else if (op.kind == OpKind::Ow) {
        if (overwrite_expected_ >= 0) ++overwrite_[static_cast<std::size_t>(overwrite_expected_)];
        rolled_back_ += overwrite_rolls_back_;
    }
    observe_map(m, *block);
    if (op.kind == OpKind::Del || op.kind == OpKind::ScanDel) {
        // A removal leaves a Tombstone per removed key unless it reclaims.
        const std::int64_t reclaimed = std::int64_t{tombstones_before} + (std::int64_t{elements_before} - m.elements) -
                                       std::int64_t{m.tombstones};
        if (elements_before > m.elements && reclaimed > 0) {
            ++reclaiming_dels_;
            reclaimed_ += static_cast<std::uint64_t>(reclaimed);
        }
    }
}

std::string StateReport::json() const {
    std::string out = "{\"target\": \"" + target_ + "\", \"inputs\": " + std::to_string(inputs_) +
                      ", \"ops\": " + std::to_string(ops_) + ",\n \"groups\": {";
    std::vector<std::pair<std::string, std::uint64_t>> rows;
    for (unsigned i = 0; i < 10; ++i) rows.emplace_back(std::to_string(i * 10) + "-" + std::to_string(i * 10 + 9) + "%", fill_[i]);
    rows.emplace_back("100%", fill_[10]);
    add_group(out, "maps by fullest fill (element_count / capacity)", rows);
    add_group(out, "keyed ops by walk length (buckets)",
              {{"1", walk_[0]}, {"2-8", walk_[1]}, {"9-16", walk_[2]}, {"17-31", walk_[3]}, {"32 (window)", walk_[4]}});
    add_group(out, "events", {{"longest walk (buckets)", longest_walk_},
                              {"windows found full (insert refused)", windows_full_},
                              {"walks wrapping past the last bucket", wraps_},
                              {"maps with a Tombstone run >= 4", tombstone_runs_},
                              {"removals that reclaimed", reclaiming_dels_},
                              {"Tombstones reclaimed", reclaimed_}});
    rows.clear();
    for (std::size_t i = 0; i < overwrite_.size(); ++i) {
        rows.emplace_back(describe(static_cast<OverwriteResult>(i)), overwrite_[i]);
    }
    rows.emplace_back("refused after reserving buckets: rolled back", rolled_back_);
    add_group(out, "overwrite answers", rows);
    rows.clear();
    for (std::size_t i = 0; i < validate_.size(); ++i) rows.emplace_back(describe(static_cast<ValidateError>(i)), validate_[i]);
    add_group(out, "validate answers (load, check)", rows);
    add_group(out, "ops by front end", {{"raw", front_end_[0]}, {"c", front_end_[1]}, {"view", front_end_[2]}});
    const auto sizes = [](const std::map<std::uint32_t, std::uint64_t>& seen, std::vector<std::uint32_t> listed) {
        std::vector<std::pair<std::string, std::uint64_t>> r;
        std::uint64_t other = 0;
        for (const auto& [size, n] : seen) {
            bool in = false;
            for (std::uint32_t l : listed) in |= l == size;
            if (!in) other += n;
        }
        for (std::uint32_t l : listed) {
            const auto it = seen.find(l);
            r.emplace_back(std::to_string(l), it == seen.end() ? 0 : it->second);
        }
        r.emplace_back("other", other);
        return r;
    };
    // The decoders' size tables (fuzz_input/input_reading.hpp), so a size never made shows.
    add_group(out, "maps by key size", sizes(key_sizes_, {1, 2, 3, 4, 5, 7, 8, 12, 16, 20, 33, 40}));
    add_group(out, "maps by value size", sizes(value_sizes_, {0, 1, 2, 4, 8, 16, 32}));
    out += "}}\n";
    return out;
}

}  // namespace hashmap_mem::harness
