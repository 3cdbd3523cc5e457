// What the property tests generate from: per map its layout, the keys put
// into it, and a pool of keys sharing one home bucket. This state only steers
// generation (hit, miss, cluster, near-miss keys); every answer is checked by
// the harness's CheckedExecutor against its own exact model.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <rapidcheck.h>

#include "front_ends/front_end.hpp"
#include "script/op.hpp"

namespace hashmap_mem::properties {

using harness::Bytes;

struct MapState {
    std::string id;
    harness::LayoutArgs layout;
    std::uint32_t capacity = 0;
    std::uint32_t cluster_home = 0;
    // Put since the last re-init and not removed since: a superset of the
    // map's keys (a put that found its window full still counts).
    std::vector<Bytes> keys;
    std::shared_ptr<const std::vector<Bytes>> cluster;  // keys whose home is cluster_home
    Bytes fill;  // what the block held before init (gen_fill); empty: zeros
    harness::FrontEnd front_end = harness::FrontEnd::Raw;  // the case's first front end (`via` after new)

    void add_key(const Bytes& key);
    void forget_key(const Bytes& key);
    harness::Op new_op() const;  // "new ID KS KA VS VA LIMIT [FILL]"
    harness::Op via_op() const;  // "via ID raw|c|view" for front_end
};

// Swarm testing: each test case draws its own weights, so some cases are
// nearly all cluster puts into one map (32 in a row fill a window) while
// others churn removals and overwrites. Weights are 0 (off) to 64.
struct Mix {
    unsigned put = 1, get = 1, has = 1, remove = 1, overwrite = 1, scan = 1, scandel = 1, reinit = 1, check = 1;
    unsigned via = 1;  // switch a map's front end (raw, C API, MapView)
    unsigned known_key = 1, cluster_key = 1, fresh_key = 1, one_byte_off = 1, other_maps_key = 1;
    unsigned map_a = 1, map_b = 1;
    // Multiplies the sequence length: a window fills only after ~40 ops.
    double length = 1.0;
};

struct Machine {
    MapState a;
    MapState b;
    Mix mix;
    MapState& map(const std::string& id) { return id == a.id ? a : b; }
    const MapState& map(const std::string& id) const { return id == a.id ? a : b; }
    const MapState& other(const std::string& id) const { return id == a.id ? b : a; }
};

// The new lines of both maps, their cluster homes and the mix, as a counterexample shows them.
void showValue(const Machine& machine, std::ostream& os);

enum class Limits {
    Small,  // logical_limit 1..64: windows fill, probes wrap, many ops
    Large,  // map a up to 32768 buckets; b small or large
};

// Two maps "a" and "b"; half the time b has a's key size, value size and
// alignments (so overwrite between them runs), else an independent layout.
rc::Gen<Machine> gen_machine(Limits limits);

// "a" or "b", weighted by the mix.
std::string gen_map_id(const Machine& machine);

// A key for `map`: one put before, the next cluster key, a fresh one, one differing
// from a put key in one byte, or one of the other map's keys.
Bytes gen_key(const Machine& machine, const MapState& map);
Bytes gen_bytes(std::uint64_t size);
// The bytes a block held before init, as users' memory holds them: random
// bytes, status look-alikes, or a cluster key repeated so that stale bytes
// equal a key the case uses; empty (zeros) a quarter of the time.
Bytes gen_fill(const MapState& map);

}  // namespace hashmap_mem::properties
