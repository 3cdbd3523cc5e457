// The fuzz decoder's shared reader (fuzz_decoder.cpp): what the per-target
// formats (ops_input.cpp, overwrite_input.cpp, scan_input.cpp,
// image_input.cpp) read inputs with and write ops to. Internal to
// harness/fuzz_input/; the fuzz targets include fuzz_decoder.hpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "front_ends/front_end.hpp"
#include "script/op.hpp"
#include "script/op_kinds.hpp"

namespace hashmap_mem::harness::fuzz_input {

class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool done() const { return pos_ >= size_; }
    std::uint8_t peek() const { return pos_ < size_ ? data_[pos_] : 0; }
    std::size_t size() const { return size_; }
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::uint16_t u16() { return static_cast<std::uint16_t>(byte() | byte() << 8); }
    Bytes take(std::size_t count) {
        const std::size_t n = std::min(count, size_ - std::min(pos_, size_));
        Bytes out(data_ + pos_, data_ + pos_ + n);
        pos_ += n;
        return out;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

constexpr std::uint8_t KEY_SIZES[16] = {1, 2, 4, 8, 16, 1, 2, 4, 8, 3, 5, 7, 12, 20, 33, 40};
constexpr std::uint8_t VALUE_SIZES[8] = {0, 1, 4, 8, 0, 2, 16, 32};
constexpr std::uint8_t ALIGNMENTS[8] = {1, 1, 2, 4, 8, 16, 1, 4};
constexpr std::size_t POOL_SIZE = 64;
constexpr std::size_t CLUSTER_KEYS = 40;  // 33 fill one window; the rest probe past a full one
constexpr std::size_t NEAR_DUPLICATES = 52;  // pool indices 52..63: near-duplicates of cluster keys 0, 1, 2
// Invariants are checked after every op, at O(capacity) each: big maps get few ops.
constexpr std::size_t MAX_OPS = 256;
constexpr std::size_t MAX_OPS_BIG_MAP = 16;
constexpr std::uint32_t BIG_MAP = 1024;

// Which limits a target's layouts may have.
enum class Limits {
    UpTo32768,
    // ops_fuzzer: a map of 32768 buckets costs as much as a thousand small
    // inputs (megabytes allocated, zeroed, copied and printed by img); at 4
    // inputs in 256 they took 80% of ops_fuzzer's time (708 vs 3600 exec/s,
    // perf), and 1024-bucket maps with 100 scandels still half. Probing
    // behaves alike at 512; the other targets keep 32768.
    UpTo512,
};

std::uint64_t decode_limit(ByteReader& in, Limits limits = Limits::UpTo32768);
LayoutArgs decode_alignments(LayoutArgs l, std::uint8_t a);
LayoutArgs decode_layout(ByteReader& in, Limits limits = Limits::UpTo32768);
std::uint32_t capacity_of(std::uint64_t limit);
std::uint32_t decode_home(std::uint8_t b, std::uint32_t capacity);

// POOL_SIZE keys of key_size bytes, packed in one buffer (64 separate
// vectors cost a cache miss per keyed op: 3% of ops_fuzzer, perf).
struct KeyPool {
    std::size_t key_size = 0;
    Bytes bytes;
    const std::uint8_t* key(std::uint8_t index) const { return bytes.data() + index % POOL_SIZE * key_size; }
};

struct MapState {
    std::string id;
    LayoutArgs layout;
    std::uint32_t capacity = 1;
    const KeyPool* pool = nullptr;
    Bytes fill;  // the block's bytes before init
    FrontEnd front_end = FrontEnd::Raw;  // what the map's ops run through (`via` after new and load)
};

// Reads the map's fill byte after its home byte; its front end comes from
// the home byte (map_number 0 for a, 1 for b).
MapState make_map(ByteReader& in, std::string id, const LayoutArgs& layout, std::uint32_t pool_capacity,
                  std::uint32_t home, std::uint8_t home_byte, unsigned map_number = 0);

// Appends ops; each put gets a fresh value, so a stale copy is seen.
class Script {
public:
    using Sink = std::function<void(const Op&)>;
    std::vector<Op> ops;  // the ops, unless a sink takes them

    // About two input bytes per op: growing from 1 moved every Op 7 times,
    // a fixed 64 (11 KB) cost page faults for short inputs (perf).
    explicit Script(std::size_t input_size) { ops.reserve(std::min<std::size_t>(input_size / 2 + 3, 300)); }
    // Each op goes to `sink` as it is decoded, in one Op reused (its key and
    // value keep their capacity): no allocation per op. ops_fuzzer replaying
    // its corpus: 305 -> 255 us per input (in-process, ASan+UBSan).
    // `scratch` is that Op, kept by the caller across scripts (a new one per
    // fuzz input allocated its key and value anew).
    Script(Sink sink, Op& scratch) : sink_(std::move(sink)), current_(&scratch) {}

    void new_map(const MapState& m) {
        Op& op = begin(OpKind::New, m.id);
        op.layout = m.layout;
        op.fill = m.fill;
        end();
        via(m);
    }
    void via(const MapState& m) {
        if (m.front_end == FrontEnd::Raw) return;
        begin(OpKind::Via, m.id).number = static_cast<std::uint64_t>(m.front_end);
        end();
    }
    void layout(const LayoutArgs& layout) {
        begin(OpKind::Layout, "").layout = layout;
        end();
    }
    // The last op again on map `m` (a put keeps its value): two maps made
    // by the same ops are byte-identical copies. Needs a last op.
    void again_on(const MapState& m) {
        if (!sink_) {
            Op last = ops.back();
            ops.push_back(std::move(last));
        }
        Op& op = sink_ ? *current_ : ops.back();  // its kind, key, value and number stay
        op.map = m.id;
        op.source.clear();
        op.layout = {};
        op.fill.clear();
        end();
    }
    void keyed(OpKind kind, const MapState& m, std::uint8_t key_byte, std::uint64_t number = 0) {
        Op& op = begin(kind, m.id);
        const std::uint8_t* key = m.pool->key(key_byte);
        op.key.assign(key, key + m.pool->key_size);
        op.number = number;
        if (op_kind(kind).takes_value()) {
            op.value.resize(m.layout.value_size);
            for (std::size_t i = 0; i < op.value.size(); ++i) {
                op.value[i] = static_cast<std::uint8_t>(puts_ * 0x3b + i + 1);
            }
            ++puts_;
        }
        end();
    }
    void on_map(OpKind kind, const MapState& m, std::uint64_t number = 0) {
        begin(kind, m.id).number = number;
        end();
    }
    void ow(const MapState& target, const MapState& source) {
        begin(OpKind::Ow, target.id).source = source.id;
        end();
    }
    void load(const MapState& m, const Bytes& image) {
        begin(OpKind::Load, m.id).key = image;
        end();
        via(m);
    }

private:
    Op& begin(OpKind kind, const std::string& map) {
        Op& op = sink_ ? *current_ : ops.emplace_back();
        op.kind = kind;
        op.map = map;
        op.source.clear();
        op.key.clear();
        op.value.clear();
        op.layout = {};
        op.fill.clear();
        op.number = 0;
        return op;
    }
    void end() {
        if (sink_) sink_(*current_);
    }

    Sink sink_;
    Op* current_ = nullptr;
    std::uint32_t puts_ = 0;
};

std::uint64_t start_beyond(std::uint8_t b, std::uint32_t capacity);
std::size_t max_ops(std::uint32_t capacity);
// One op of ops_fuzzer's encoding on map m (also image_fuzzer's, after load).
void decode_map_op(ByteReader& in, Script& s, const MapState& m);

// One per target format, each in its own file.
void decode_ops(ByteReader& in, Script& s, bool front_ends = false);  // ops_input.cpp
void decode_overwrite(ByteReader& in, Script& s);                     // overwrite_input.cpp
void decode_scan(ByteReader& in, Script& s);                          // scan_input.cpp
void decode_image(ByteReader& in, Script& s);                         // image_input.cpp

}  // namespace hashmap_mem::harness::fuzz_input
