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
//
// This file: the reader's parts every format shares (layout, home, fill
// byte, key pools, one op on a map) and the dispatch; each target's format
// is in its own file (input_reading.hpp lists them).

#include "fuzz_input/fuzz_decoder.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "fuzz_input/input_reading.hpp"
#include "hashmap_mem/hashmap_mem.hpp"
#include "keys/key_pool.hpp"
#include "keys/splitmix.hpp"
#include "oracle/reference.hpp"
#include "run/checked_executor.hpp"

namespace hashmap_mem::harness::fuzz_input {

std::uint64_t decode_limit(ByteReader& in, Limits limits) {
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

LayoutArgs decode_layout(ByteReader& in, Limits limits) {
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

namespace {

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

}  // namespace

MapState make_map(ByteReader& in, std::string id, const LayoutArgs& layout, std::uint32_t pool_capacity,
                  std::uint32_t home, std::uint8_t home_byte, unsigned map_number) {
    MapState m{std::move(id), layout, capacity_of(layout.logical_limit), {}, {}, decode_front_end(home_byte, map_number)};
    m.pool = &pool_for(static_cast<std::uint32_t>(layout.key_size), pool_capacity, home % pool_capacity);
    m.fill = decode_fill(in.byte(), layout, *m.pool);
    return m;
}

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

}  // namespace hashmap_mem::harness::fuzz_input

namespace hashmap_mem::harness {

namespace {

using namespace fuzz_input;

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
    thread_local Op scratch;
    Script run(
        [&](const Op& op) {
            if (!failure.empty()) return;
            ++ran;
            failure = checked.execute(op).failure;
        },
        scratch);
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
