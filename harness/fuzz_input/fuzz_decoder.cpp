// Byte formats of the four fuzz targets (see fuzz_decoder.hpp). Every read
// past the end gives 0, so any bytes decode, and a prefix of an input means a
// prefix of its script.
//
//   layout (4 bytes, 6 for limits above 64):
//     key_size    b < 192 ? {1,2,4,8,16,1,2,4,8,3,5,7,12,20,33,40}[b % 16] : 1 + (b - 192) % 40
//     value_size  b < 192 ? {0,1,4,8,0,2,16,32}[b % 8] : (b - 192) % 33
//     alignments  key {1,1,2,4,8,16,1,4}[b & 7], value the same table at (b >> 3) & 7
//     limit       b < 240 ? 1 + b % 64 : b < 252 ? 1 + u16 % 1024 : 1 + u16 % 32768
//                 (ops_fuzzer: b < 240 ? 1 + b % 64 : 1 + u16 % 512, and at most 64 ops
//                 on a map above 64 buckets)
//   ops_fuzzer, first byte >= 248: a raw layout instead, five u32 each read
//     by decode_raw_u32 (a byte < 224 picks an edge value, else 4 raw bytes),
//     given to `layout` and, if the core must refuse it or it is small, `new`
//   home byte: the cluster's home bucket, odd bytes within 16 of capacity - 1;
//     its top 3 bits the front end (decode_front_end: raw, C API or MapView;
//     frontend_fuzzer, ops_fuzzer's format otherwise: top bit MapView, else C)
//   fill byte (after each map's home byte): what the block holds before init
//     (decode_fill: zeros, 0xff, 0x01, 0x02, random, or a pool key's bucket
//     repeated with status Occupied, Empty or Tombstone)
//   op: one byte, kind = b >> 5, arg = b & 31; ops on keys read one more byte,
//     the key's index in the pool (byte % 64: 0..39 the cluster, 40..51 spread,
//     52..63 near-duplicates of cluster keys 0, 1, 2: first, middle, last byte, a word)
//   overwrite_fuzzer: a mode byte for b's layout (limit, identical, mirrored
//     copy of a, other alignments, any); image_fuzzer: a mode byte (raw
//     bytes, a planted cluster, a map made by ops with random edits, or with
//     edits to the edges of validate's rules) before the layout
#include "fuzz_input/fuzz_decoder.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>

#include "hashmap_mem/hashmap_mem.hpp"
#include "run/checked_executor.hpp"
#include "run/executor.hpp"
#include "front_ends/front_end.hpp"
#include "keys/key_pool.hpp"
#include "oracle/reference.hpp"
#include "keys/splitmix.hpp"

namespace hashmap_mem::harness {

namespace {

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

std::uint64_t decode_limit(ByteReader& in, Limits limits = Limits::UpTo32768) {
    const std::uint8_t b = in.byte();
    if (b < 240) return 1u + b % 64u;  // capacities 1..64: 15 inputs in 16
    if (limits == Limits::UpTo512) return 1u + in.u16() % 512u;
    if (b < 252) return 1u + in.u16() % 1024u;
    return 1u + in.u16() % 32768u;
}

LayoutArgs decode_alignments(LayoutArgs l, std::uint8_t a) {
    l.key_alignment = ALIGNMENTS[a & 7];
    l.value_alignment = ALIGNMENTS[(a >> 3) & 7];
    return l;
}

LayoutArgs decode_layout(ByteReader& in, Limits limits = Limits::UpTo32768) {
    LayoutArgs l;
    const std::uint8_t k = in.byte();
    l.key_size = k < 192 ? KEY_SIZES[k % 16] : 1u + (k - 192u) % 40u;
    const std::uint8_t v = in.byte();
    l.value_size = v < 192 ? VALUE_SIZES[v % 8] : (v - 192u) % 33u;
    l = decode_alignments(l, in.byte());
    l.logical_limit = decode_limit(in, limits);
    return l;
}

std::uint32_t capacity_of(std::uint64_t limit) {
    std::uint32_t capacity = 1;
    while (capacity < limit && capacity < MAX_CAPACITY) capacity *= 2;
    return capacity;
}

// 32 homes per capacity (so the cluster cache stays small): odd bytes within
// 16 buckets of the end, so the window wraps; even bytes spread over the table.
std::uint32_t decode_home(std::uint8_t b, std::uint32_t capacity) {
    const std::uint32_t k = (b >> 1) % 16u;
    if ((b & 1) != 0) return capacity - 1u - k % capacity;
    return capacity >= 16 ? k * (capacity / 16) : k % capacity;
}

// POOL_SIZE keys of key_size bytes, packed in one buffer (64 separate
// vectors cost a cache miss per keyed op: 3% of ops_fuzzer, perf).
struct KeyPool {
    std::size_t key_size = 0;
    Bytes bytes;
    const std::uint8_t* key(std::uint8_t index) const { return bytes.data() + index % POOL_SIZE * key_size; }
};

struct PoolKey {
    std::uint32_t key_size, capacity, home;
    bool operator==(const PoolKey& o) const { return key_size == o.key_size && capacity == o.capacity && home == o.home; }
};
struct PoolKeyHash {
    std::size_t operator()(const PoolKey& k) const {
        std::uint64_t state = std::uint64_t{k.key_size} << 32 ^ std::uint64_t{k.capacity} << 16 ^ k.home;
        return static_cast<std::size_t>(splitmix(state));
    }
};
// Not a std::map: its nodes are linked by _Rb_tree_insert_and_rebalance in
// the uninstrumented libstdc++.so, so under MemorySanitizer with heap
// poisoning every lookup read "uninitialised" links (ci/msan.sh). An
// unordered_map links its nodes in header code, and keeps references stable.
using PoolCache = std::unordered_map<PoolKey, KeyPool, PoolKeyHash>;

PoolCache& pool_cache() {
    static PoolCache cache;
    return cache;
}

// Called once per input, before any pool_for: a clear in between would leave
// the input's first map with a dangling pool.
void trim_pool_cache() {
    if (pool_cache().size() > 8192) pool_cache().clear();
}

// 64 keys: the cluster first, then spread keys (odd ones share all bytes
// but the last), then at NEAR_DUPLICATES the near-duplicates of cluster keys
// 0, 1 and 2 (each NearDuplicate kind, in order), in their cluster where the
// key size allows: a put of key 0 and a get of key 52 meet on one walk, so a
// compare that skips a byte or a word of some key size is seen. Cached per
// (key_size, capacity, home): the pool is a function of them, and building it
// took 64 allocations per input (and a trial search for short keys).
const KeyPool& pool_for(std::uint32_t key_size, std::uint32_t capacity, std::uint32_t home) {
    auto [it, inserted] = pool_cache().try_emplace({key_size, capacity, home});
    KeyPool& pool = it->second;
    if (!inserted) return pool;
    // A short key is found by trial, about capacity tries per key: ask big
    // maps for few (keys_with_home tries at most 2^18).
    const std::size_t count = key_size >= 8 || capacity <= 64 ? CLUSTER_KEYS : std::max<std::size_t>(4, 4096 / capacity);
    std::vector<Bytes> keys = keys_with_home(key_size, capacity, home, count, 0);
    std::uint64_t state = std::uint64_t{home} << 32 | key_size;
    const std::size_t cluster = keys.size();
    for (std::size_t i = keys.size(); i < (cluster == 0 ? POOL_SIZE : NEAR_DUPLICATES); ++i) {
        Bytes key(key_size, 0xa5);
        if ((i & 1) != 0) {
            key.back() = static_cast<std::uint8_t>(i);
        } else {
            for (auto& byte : key) byte = static_cast<std::uint8_t>(splitmix(state));
        }
        keys.push_back(std::move(key));
    }
    for (std::size_t i = 0; keys.size() < POOL_SIZE && cluster != 0; ++i) {
        const Bytes& base = keys[i / NEAR_DUPLICATE_KINDS % cluster];
        keys.push_back(near_duplicate(base, static_cast<NearDuplicate>(i % NEAR_DUPLICATE_KINDS), capacity, home));
    }
    pool.key_size = key_size;
    for (const Bytes& key : keys) pool.bytes.insert(pool.bytes.end(), key.begin(), key.end());
    return pool;
}

struct MapState {
    std::string id;
    LayoutArgs layout;
    std::uint32_t capacity = 1;
    const KeyPool* pool = nullptr;
    Bytes fill;  // the block's bytes before init
    FrontEnd front_end = FrontEnd::Raw;  // what the map's ops run through (`via` after new and load)
};

// The front end from the home byte's top bits (decode_home reads the low
// five): half the inputs raw, a quarter each the C API and MapView, so a
// wrapper bug is found as a core bug is.
FrontEnd decode_front_end(std::uint8_t home_byte, unsigned map_number) {
    const unsigned pick = ((home_byte >> 5) + 3u * map_number) % 8u;
    return pick < 4 ? FrontEnd::Raw : pick < 6 ? FrontEnd::C : FrontEnd::View;
}

// What the block held before init, as users' memory holds it (one fill byte):
// zeros; 0xff; bytes that look like Occupied or Tombstone statuses; random
// bytes; or every bucket a copy of one bucket holding a pool key, with status
// Occupied, Empty or Tombstone (stale bytes that equal a key the input uses).
Bytes decode_fill(std::uint8_t b, const LayoutArgs& layout, const KeyPool& pool) {
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(layout);
    switch (b % 8u) {
        case 0: return {};
        case 1: return {0xff};
        case 2: return {0x02};
        case 3: return {0x01};
        case 4: {
            std::uint64_t state = b;
            Bytes random(13);  // a period that no bucket size divides, so buckets differ
            for (auto& byte : random) byte = static_cast<std::uint8_t>(splitmix(state));
            return random;
        }
        default: {
            if (!numbers) return {0xff};
            // One bucket's bytes, rotated so that every bucket (from offset 24) is that bucket.
            const std::size_t size = static_cast<std::size_t>(numbers->bucket_size);
            Bytes bucket(size, static_cast<std::uint8_t>(b));
            bucket[0] = static_cast<std::uint8_t>(b % 8u == 5 ? 2 : b % 8u == 6 ? 0 : 1);
            const std::uint8_t* key = pool.key(static_cast<std::uint8_t>(b >> 3));
            std::memcpy(bucket.data() + numbers->key_offset, key, pool.key_size);
            Bytes rotated(size);
            for (std::size_t j = 0; j < size; ++j) rotated[(MAP_BUCKETS_OFFSET + j) % size] = bucket[j];
            return rotated;
        }
    }
}

// Reads the map's fill byte after its home byte; its front end comes from
// the home byte (map_number 0 for a, 1 for b).
MapState make_map(ByteReader& in, std::string id, const LayoutArgs& layout, std::uint32_t pool_capacity,
                  std::uint32_t home, std::uint8_t home_byte, unsigned map_number = 0) {
    MapState m{std::move(id), layout, capacity_of(layout.logical_limit), {}, {}, decode_front_end(home_byte, map_number)};
    m.pool = &pool_for(static_cast<std::uint32_t>(layout.key_size), pool_capacity, home % pool_capacity);
    m.fill = decode_fill(in.byte(), layout, *m.pool);
    return m;
}

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
    explicit Script(Sink sink) : sink_(std::move(sink)) {}

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
    // by the same ops are byte-identical copies.
    void again_on(const MapState& m) {
        Op last = sink_ ? current_ : ops.back();
        Op& op = begin(last.kind, m.id);
        op.key = std::move(last.key);
        op.value = std::move(last.value);
        op.number = last.number;
        end();
    }
    void keyed(OpKind kind, const MapState& m, std::uint8_t key_byte, std::uint64_t number = 0) {
        Op& op = begin(kind, m.id);
        const std::uint8_t* key = m.pool->key(key_byte);
        op.key.assign(key, key + m.pool->key_size);
        op.number = number;
        if (kind == OpKind::Put || kind == OpKind::ScanPut) {
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
        Op& op = sink_ ? current_ : ops.emplace_back();
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
        if (sink_) sink_(current_);
    }

    Sink sink_;
    Op current_;
    std::uint32_t puts_ = 0;
};

// Starts at and past the end of the table: each must end the scan at once.
std::uint64_t start_beyond(std::uint8_t b, std::uint32_t capacity) {
    const std::uint64_t starts[8] = {capacity,  capacity + 1u, capacity - 1u, 2u * capacity,
                                     0xFFFFu,   0x10000u,      0xFFFFFFFFu,   0x100000000u};
    return starts[b % 8];
}

std::size_t max_ops(std::uint32_t capacity) { return capacity > BIG_MAP ? MAX_OPS_BIG_MAP : MAX_OPS; }

// One op of ops_fuzzer's encoding on map m (also image_fuzzer's, after load).
void decode_map_op(ByteReader& in, Script& s, const MapState& m) {
    const std::uint8_t b = in.byte();
    const std::uint8_t arg = b & 31;
    switch (b >> 5) {
        case 0:
        case 1:
        case 2: s.keyed(OpKind::Put, m, in.byte()); break;
        case 3: s.keyed(OpKind::Get, m, in.byte()); break;
        case 4: s.keyed(OpKind::Has, m, in.byte()); break;
        case 5:
        case 6: s.keyed(OpKind::Del, m, in.byte()); break;
        default:
            if (arg < 8) s.on_map(OpKind::Next, m, arg);
            else if (arg < 12) s.on_map(OpKind::Next, m, start_beyond(arg, m.capacity));
            else if (arg < 16) s.on_map(OpKind::Scan, m);
            else if (arg < 22) s.on_map(OpKind::Check, m);
            // Not img: it checks nothing a check does not, and printing a
            // 512-bucket image 37 times made one input cost 14 ms (perf).
            else if (arg < 24) s.on_map(OpKind::Next, m, arg == 22 ? m.capacity - 1u : m.capacity / 2u);
            else s.on_map(OpKind::ScanDel, m, 1u + arg % 4u);
            break;
    }
}

// A u32 as users pass one: 0, edges of every check (powers of two, 128 and
// 256 for alignments, 32768 for limits, sizes whose total_size passes u32),
// or any 4 bytes.
std::uint64_t decode_raw_u32(ByteReader& in) {
    constexpr std::uint32_t EDGES[32] = {0,     1,       2,       3,       4,         5,          7,          8,
                                         9,     16,      24,      33,      64,        127,        128,        129,
                                         255,   256,     257,     32767,   32768,     32769,      65536,      1u << 20,
                                         1u << 24, 1u << 27, 1u << 28, 1u << 31, 0x7fffffffu, 0xfffffff0u, 0xfffffffeu, 0xffffffffu};
    const std::uint8_t b = in.byte();
    if (b < 224) return EDGES[b % 32u];
    return std::uint64_t{in.u16()} | std::uint64_t{in.u16()} << 16;
}

// Five raw u32 layout arguments: `layout` (its numbers checked against a
// 64-bit recomputation), then `new` if the core must refuse it or it is
// small, then ops when it made a map the key pool can serve.
bool decode_raw_layout(ByteReader& in, Script& s, LayoutArgs& layout) {
    layout.key_size = decode_raw_u32(in);
    layout.key_alignment = decode_raw_u32(in);
    layout.value_size = decode_raw_u32(in);
    layout.value_alignment = decode_raw_u32(in);
    layout.logical_limit = decode_raw_u32(in);
    s.layout(layout);
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(layout);
    return numbers && numbers->total_size <= (std::uint64_t{1} << 20) && layout.key_size <= 64 &&
           layout.value_size <= 64 && numbers->capacity <= 512;
}

// ops_fuzzer's format. `front_ends`: frontend_fuzzer's, where the home
// byte's top bit picks the C API or MapView (the C API for sizes MapView
// does not serve): the one target whose MapView code is covered (see
// harness/front_ends/front_ends_views.ignorelist).
void decode_ops(ByteReader& in, Script& s, bool front_ends = false) {
    LayoutArgs layout;
    if (in.size() > 0 && in.peek() >= 248) {
        in.byte();
        if (!decode_raw_layout(in, s, layout)) {
            if (!reference::layout(layout)) s.new_map(MapState{"m", layout, 1, nullptr, {}});  // must be refused
            return;
        }
    } else {
        layout = decode_layout(in, Limits::UpTo512);
    }
    const std::uint32_t capacity = capacity_of(layout.logical_limit);
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    if (front_ends) {
        const bool view = (home_byte & 0x80) != 0 &&
                          front_end_serves(FrontEnd::View, static_cast<std::uint32_t>(layout.key_size),
                                           static_cast<std::uint32_t>(layout.value_size));
        m.front_end = view ? FrontEnd::View : FrontEnd::C;
    }
    s.new_map(m);
    const std::size_t ops = capacity > 64 ? 64 : MAX_OPS;
    for (std::size_t n = 0; n < ops && !in.done(); ++n) decode_map_op(in, s, m);
}

// Ops with scans between them: full scans, scans that remove every k-th
// entry or put a key while scanning, and next from any start, in the table or
// past its end.
void decode_scan(ByteReader& in, Script& s) {
    const LayoutArgs layout = decode_layout(in);
    const std::uint32_t capacity = capacity_of(layout.logical_limit);
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    const MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    s.new_map(m);
    for (std::size_t n = 0; n < max_ops(capacity) && !in.done(); ++n) {
        const std::uint8_t b = in.byte();
        const std::uint8_t arg = b & 31;
        switch (b >> 5) {
            case 0:
            case 1: s.keyed(OpKind::Put, m, in.byte()); break;
            case 2: s.keyed(OpKind::Del, m, in.byte()); break;
            case 3: s.keyed((arg & 1) != 0 ? OpKind::Has : OpKind::Get, m, in.byte()); break;
            case 4:
                if ((arg & 1) != 0) s.on_map(OpKind::ScanDel, m, 1u + (arg >> 1) % 4u);
                else s.on_map(OpKind::Scan, m);
                break;
            case 5: s.on_map(OpKind::Next, m, arg); break;
            case 6: s.on_map(OpKind::Next, m, start_beyond(arg, m.capacity)); break;
            default:
                if ((arg & 1) != 0) s.keyed(OpKind::ScanPut, m, in.byte(), 1u + (arg >> 1) % 4u);
                else s.on_map(OpKind::Check, m);
                break;
        }
    }
}

// Map b's layout: mostly a's key and value sizes (so ow runs), sometimes
// other alignments (equal or different bucket_size) or anything at all.
// `mirrored`: b is a's byte-identical copy; every put and del goes to both.
LayoutArgs decode_second_layout(ByteReader& in, const LayoutArgs& a, bool& mirrored) {
    const std::uint8_t mode = in.byte();
    LayoutArgs b = a;
    mirrored = false;
    if (mode < 128) {
        b.logical_limit = decode_limit(in);
    } else if (mode < 192) {
        mirrored = mode >= 160;  // otherwise identical layouts
    } else if (mode < 224) {
        b = decode_alignments(a, in.byte());
        b.logical_limit = decode_limit(in);
    } else {
        b = decode_layout(in);
    }
    return b;
}

void decode_overwrite(ByteReader& in, Script& s) {
    const LayoutArgs layout_a = decode_layout(in);
    bool mirrored = false;
    const LayoutArgs layout_b = decode_second_layout(in, layout_a, mirrored);
    // One cluster in both maps: homes are masked, so the bigger capacity's
    // cluster is a cluster in the smaller map too.
    const std::uint32_t pool_capacity =
        std::max(capacity_of(layout_a.logical_limit), capacity_of(layout_b.logical_limit));
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, pool_capacity);
    MapState maps[2] = {make_map(in, "a", layout_a, pool_capacity, home, home_byte, 0),
                        make_map(in, "b", layout_b, pool_capacity, home, home_byte, 1)};
    s.new_map(maps[0]);
    s.new_map(maps[1]);
    for (std::size_t n = 0; n < max_ops(pool_capacity) && !in.done(); ++n) {
        const std::uint8_t b = in.byte();
        const std::uint8_t arg = b & 31;
        MapState& m = maps[arg & 1];
        switch (b >> 5) {
            case 0:
            case 1:
            case 2:
                s.keyed(b >> 5 == 2 ? OpKind::Del : OpKind::Put, m, in.byte());
                if (mirrored) s.again_on(maps[(arg & 1) ^ 1]);
                break;
            case 3: s.keyed((arg & 2) != 0 ? OpKind::Has : OpKind::Get, m, in.byte()); break;
            case 4:
            case 5: s.ow(m, (arg & 6) == 6 ? m : maps[(arg & 1) ^ 1]); break;  // a<-b, b<-a; a quarter onto itself
            case 6:
                if ((arg & 2) != 0) s.on_map(OpKind::Check, m);
                else s.on_map(OpKind::Scan, m);
                break;
            default:
                // A fresh map with another limit: limits below the other's
                // element_count make ow refuse.
                m.layout.logical_limit = 1u + in.byte() % 64u;
                m.capacity = capacity_of(m.layout.logical_limit);
                mirrored = false;
                s.new_map(m);
                break;
        }
    }
}

// --- image_fuzzer ---------------------------------------------------------

struct Field {
    std::size_t offset;
    std::size_t width;
};
constexpr Field HEADER_FIELDS[9] = {{0, 2}, {2, 2}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 2}, {22, 1}, {23, 1}};

void add_to_field(Bytes& image, const Field& f, std::int8_t delta) {
    std::uint32_t value = 0;
    std::memcpy(&value, image.data() + f.offset, f.width);  // little-endian host, as SPEC §1
    value += static_cast<std::uint32_t>(static_cast<std::int32_t>(delta));
    std::memcpy(image.data() + f.offset, &value, f.width);
}

// A few edits to a valid image: header bytes and fields, status bytes,
// swapped or copied buckets (unreachable or duplicate keys), changed keys,
// a shorter or longer block.
void corrupt(ByteReader& in, Bytes& image, const MapHeader& h) {
    const std::size_t edits = in.byte() % 4u;
    auto bucket = [&](std::size_t i) { return MAP_BUCKETS_OFFSET + (i % h.capacity) * h.bucket_size; };
    for (std::size_t e = 0; e < edits; ++e) {
        const std::uint8_t kind = in.byte() % 8u;
        const std::uint8_t x = in.byte();
        const std::uint8_t y = in.byte();
        const std::size_t size = image.size();
        switch (kind) {
            case 0: image[x % 24u] = y; break;
            case 1: add_to_field(image, HEADER_FIELDS[x % 9u], static_cast<std::int8_t>(y)); break;
            case 2:
                if (bucket(x) < size) image[bucket(x)] = y % 4u;
                break;
            case 3:
                if (size > 24) image[24 + (std::size_t{x} | std::size_t{y} << 8) % (size - 24)] = in.byte();
                break;
            case 4:
            case 5: {
                const std::size_t from = bucket(x), to = bucket(y);
                if (from + h.bucket_size > size || to + h.bucket_size > size || from == to) break;
                if (kind == 5) {
                    std::memmove(image.data() + to, image.data() + from, h.bucket_size);
                } else {
                    std::swap_ranges(image.begin() + static_cast<std::ptrdiff_t>(from),
                                     image.begin() + static_cast<std::ptrdiff_t>(from + h.bucket_size),
                                     image.begin() + static_cast<std::ptrdiff_t>(to));
                }
                break;
            }
            case 6: image.resize(static_cast<std::size_t>(
                        std::max<std::int64_t>(0, static_cast<std::int64_t>(size) + static_cast<std::int8_t>(x))));
                break;
            default: {
                const std::size_t at = bucket(x) + h.key_offset + y % h.key_size;
                if (at < size) image[at] ^= static_cast<std::uint8_t>(in.byte() | 1u);
                break;
            }
        }
    }
}

std::uint64_t get_field(const Bytes& image, const Field& f) {
    std::uint64_t value = 0;
    std::memcpy(&value, image.data() + f.offset, f.width);  // little-endian host, as SPEC §1
    return value;
}
void set_field(Bytes& image, const Field& f, std::uint64_t value) { std::memcpy(image.data() + f.offset, &value, f.width); }

enum FieldIndex { CAPACITY, ELEMENT_COUNT, KEY_SIZE, VALUE_SIZE, VALUE_OFFSET, BUCKET_SIZE, LOGICAL_LIMIT, KEY_OFFSET, SECRET_CODE_BYTE };

// Edits that put one header field exactly at a boundary a SPEC §10 rule
// names, relative to the other fields, or one past it either way (delta -1,
// 0, +1): rule byte % 16, then delta byte % 3. The boundaries:
//   0 logical_limit = capacity / 2 + d     1 logical_limit = capacity + d
//   2 logical_limit = 1 + d                3 capacity = 2 * capacity + d
//   4 bucket_size = key_offset + key_size + d (the key ends at the bucket's end)
//   5 value_offset = key_offset + key_size + d    6 bucket_size = value_offset + value_size + d
//   7 value_size = bucket_size - value_offset + d  8 key_offset = 1 + d
//   9 key_size = value_offset - key_offset + d (the key ends where the value starts)
//  10 secret code = 0x3d + d               11 element_count = Occupied buckets + d
//  12 block size = total_size + d          13 bucket_size = (2^32 - 25) / capacity + d (total_size at u32's top)
//  14 key_size = 1 + d                     15 a set: value_size 0, value_offset = key end, bucket_size = it + d
void edge_corrupt(ByteReader& in, Bytes& image) {
    if (image.size() < MAP_BUCKETS_OFFSET) return;
    const std::size_t edits = 1u + in.byte() % 3u;
    for (std::size_t e = 0; e < edits; ++e) {
        const std::uint8_t rule = in.byte() % 16u;
        const std::int64_t d = static_cast<std::int64_t>(in.byte() % 3u) - 1;
        const auto f = [&](FieldIndex i) { return static_cast<std::int64_t>(get_field(image, HEADER_FIELDS[i])); };
        const auto set = [&](FieldIndex i, std::int64_t v) { set_field(image, HEADER_FIELDS[i], static_cast<std::uint64_t>(v)); };
        const std::int64_t key_end = f(KEY_OFFSET) + f(KEY_SIZE);
        switch (rule) {
            case 0: set(LOGICAL_LIMIT, f(CAPACITY) / 2 + d); break;
            case 1: set(LOGICAL_LIMIT, f(CAPACITY) + d); break;
            case 2: set(LOGICAL_LIMIT, 1 + d); break;
            case 3: set(CAPACITY, 2 * f(CAPACITY) + d); break;
            case 4: set(BUCKET_SIZE, key_end + d); break;
            case 5: set(VALUE_OFFSET, key_end + d); break;
            case 6: set(BUCKET_SIZE, f(VALUE_OFFSET) + f(VALUE_SIZE) + d); break;
            case 7: set(VALUE_SIZE, f(BUCKET_SIZE) - f(VALUE_OFFSET) + d); break;
            case 8: set(KEY_OFFSET, 1 + d); break;
            case 9: set(KEY_SIZE, f(VALUE_OFFSET) - f(KEY_OFFSET) + d); break;
            case 10: set(SECRET_CODE_BYTE, 0x3d + d); break;
            case 11: {
                const std::int64_t capacity = f(CAPACITY), bucket_size = f(BUCKET_SIZE);
                std::int64_t occupied = 0;
                for (std::int64_t i = 0; i < capacity; ++i) {
                    const std::size_t at = MAP_BUCKETS_OFFSET + static_cast<std::size_t>(i * bucket_size);
                    if (at >= image.size()) break;
                    occupied += image[at] == 2;
                }
                set(ELEMENT_COUNT, occupied + d);
                break;
            }
            case 12: {
                const std::int64_t total = 24 + f(CAPACITY) * f(BUCKET_SIZE) + d;
                if (total >= 0 && total <= static_cast<std::int64_t>(image.size()) + 4096) image.resize(static_cast<std::size_t>(total));
                break;
            }
            case 13: set(BUCKET_SIZE, ((std::int64_t{1} << 32) - 25) / std::max<std::int64_t>(1, f(CAPACITY)) + d); break;
            case 14: set(KEY_SIZE, 1 + d); break;
            default:
                set(VALUE_SIZE, 0);
                set(VALUE_OFFSET, key_end);
                set(BUCKET_SIZE, key_end + d);
                break;
        }
    }
}

// A map of 64 buckets written byte by byte, as another program may have
// written it: from the cluster's home h, buckets h .. h+d-1 (wrapping) each
// Occupied by a cluster key, a Tombstone (stale key bytes) or, rarely, Empty,
// then one more cluster key d buckets from home, d one of 0, 1, 31, 32, 33 or
// any up to 33. validate must accept it iff no Empty lies between and d < 32.
MapState plant_cluster(ByteReader& in, Bytes& image) {
    LayoutArgs layout = decode_layout(in);
    layout.logical_limit = 33u + in.byte() % 32u;  // capacity 64: window 32 < capacity
    const std::uint32_t capacity = 64;
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    const reference::LayoutNumbers numbers = *reference::layout(layout);
    image = reference::init(layout, numbers);
    const std::uint8_t d_byte = in.byte();
    constexpr std::uint32_t DISTANCES[8] = {0, 1, 31, 32, 33, 30, 2, 16};
    const std::uint32_t distance = d_byte < 128 ? DISTANCES[d_byte % 8u] : d_byte % 34u;
    std::uint8_t next_key = 0;  // cluster keys are pool indices 0..39
    std::uint16_t occupied = 0;
    auto bucket = [&](std::uint32_t step) {
        return image.data() + MAP_BUCKETS_OFFSET + ((home + step) % capacity) * numbers.bucket_size;
    };
    auto occupy = [&](std::uint8_t* b) {
        b[0] = 2;
        std::memcpy(b + numbers.key_offset, m.pool->key(next_key++), m.pool->key_size);
        for (std::size_t v = 0; v < layout.value_size; ++v) b[numbers.value_offset + v] = static_cast<std::uint8_t>(next_key + v);
        ++occupied;
    };
    for (std::uint32_t step = 0; step < distance; ++step) {
        const std::uint8_t b = in.byte();
        std::uint8_t* at = bucket(step);
        if (b % 16u == 15) continue;  // Empty: the planted key is unreachable
        if (b % 4u == 0) {
            at[0] = 1;  // a Tombstone with a stale key that shares the home
            std::memcpy(at + numbers.key_offset, m.pool->key(static_cast<std::uint8_t>(39 - step % 8u)), m.pool->key_size);
        } else {
            occupy(at);
        }
    }
    occupy(bucket(distance));
    std::memcpy(image.data() + 2, &occupied, sizeof occupied);
    return m;
}

// mode < 32: the image is raw bytes (u16 length, then the bytes).
// mode < 64: a cluster planted at exact distances from its home (plant_cluster).
// Otherwise a valid map made by puts and dels, then a few corruptions
// (mode >= 224: edits to the edges of validate's rules, edge_corrupt).
// Then `load m IMAGE` and ops_fuzzer's ops on m with keys of the layout's size.
void decode_image(ByteReader& in, Script& s) {
    Bytes image;
    MapState m;
    const std::uint8_t mode = in.byte();
    if (mode < 32) {
        image = in.take(in.u16() % 4096u);
        MapHeader h{};
        if (image.size() >= sizeof h) std::memcpy(&h, image.data(), sizeof h);
        LayoutArgs layout;
        layout.key_size = h.key_size >= 1 && h.key_size <= 64 ? h.key_size : 1;
        layout.value_size = h.value_size <= 64 ? h.value_size : 0;
        layout.logical_limit = h.capacity >= 1 && h.capacity <= MAX_CAPACITY ? h.capacity : 1;
        const std::uint8_t home_byte = in.byte();
        const std::uint32_t home = decode_home(home_byte, capacity_of(layout.logical_limit));
        m = make_map(in, "m", layout, capacity_of(layout.logical_limit), home, home_byte);
    } else if (mode < 64) {
        m = plant_cluster(in, image);
    } else {
        const LayoutArgs layout = decode_layout(in);
        const std::uint32_t capacity = capacity_of(layout.logical_limit);
        const std::uint8_t home_byte = in.byte();
        const std::uint32_t home = decode_home(home_byte, capacity);
        m = make_map(in, "m", layout, capacity, home, home_byte);
        Script build(64);
        build.new_map(m);
        for (std::size_t n = in.byte() % 64u; n > 0; --n) build.keyed(OpKind::Put, m, in.byte());
        for (std::size_t n = in.byte() % 16u; n > 0; --n) build.keyed(OpKind::Del, m, in.byte());
        Executor maker;
        for (const Op& op : build.ops) maker.execute(op);
        const Block* block = maker.find(m.id);
        if (block != nullptr) {
            image.assign(block->data(), block->data() + block->size());
            if (mode >= 224) {
                edge_corrupt(in, image);
                // Puts after the load carry the image's value size (rule 15 makes a set).
                std::uint32_t value_size = 0;
                if (image.size() >= 12) std::memcpy(&value_size, image.data() + 8, 4);
                if (value_size <= 64) m.layout.value_size = value_size;
            } else {
                corrupt(in, image, read_header(block->data()));
            }
        }
    }
    if (mode >= 32 && mode < 64) corrupt(in, image, read_header(image.data()));
    s.load(m, image);
    for (std::size_t n = 0; n < std::min<std::size_t>(64, max_ops(m.capacity)) && !in.done(); ++n) {
        decode_map_op(in, s, m);
    }
}

void decode_into(FuzzTarget target, const std::uint8_t* data, std::size_t size, Script& s) {
    trim_pool_cache();
    ByteReader in(data, size);
    switch (target) {
        case FuzzTarget::Ops: decode_ops(in, s); break;
        case FuzzTarget::Overwrite: decode_overwrite(in, s); break;
        case FuzzTarget::Scan: decode_scan(in, s); break;
        case FuzzTarget::Image: decode_image(in, s); break;
        case FuzzTarget::FrontEnds: decode_ops(in, s, true); break;
    }
}

}  // namespace

const char* fuzz_target_name(FuzzTarget target) {
    switch (target) {
        case FuzzTarget::Ops: return "ops_fuzzer";
        case FuzzTarget::Overwrite: return "overwrite_fuzzer";
        case FuzzTarget::Scan: return "scan_fuzzer";
        case FuzzTarget::Image: return "image_fuzzer";
        case FuzzTarget::FrontEnds: return "frontend_fuzzer";
    }
    return "unknown";
}

std::optional<FuzzTarget> fuzz_target_named(std::string_view name) {
    for (FuzzTarget target : ALL_FUZZ_TARGETS) {
        const std::string_view full = fuzz_target_name(target);
        if (name == full || name == full.substr(0, full.size() - std::string_view("_fuzzer").size())) return target;
    }
    return std::nullopt;
}

std::vector<Op> decode_fuzz_input(FuzzTarget target, const std::uint8_t* data, std::size_t size) {
    Script s(size);
    decode_into(target, data, size, s);
    return std::move(s.ops);
}

std::string run_fuzz_input(FuzzTarget target, const std::uint8_t* data, std::size_t size) {
    // Ops run as they are decoded; a failure decodes the input again to print
    // the script up to the op that failed.
    thread_local CheckedExecutor checked(CheckedExecutor::Options{false, true, false});
    static StateReport* const state_report = StateReport::from_environment(fuzz_target_name(target));
    checked.set_state_report(state_report);
    checked.reset();
    std::string failure;
    std::size_t ran = 0;
    Script run([&](const Op& op) {
        if (!failure.empty()) return;
        ++ran;
        failure = checked.execute(op).failure;
    });
    decode_into(target, data, size, run);
    if (state_report != nullptr) state_report->end_input();
    if (failure.empty()) {
        failure = checked.finish();
        checked.reset();  // frees what this input allocated (see reset)
        if (failure.empty()) return "";
        failure = "after the last op: " + failure;
    }
    checked.reset();
    std::vector<Op> ops = decode_fuzz_input(target, data, size);
    ops.resize(ran);
    return failure_report(failure, ops);
}

}  // namespace hashmap_mem::harness
