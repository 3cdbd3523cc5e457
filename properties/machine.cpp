#include "machine.hpp"

#include <algorithm>
#include <ostream>

#include "keys/key_pool.hpp"
#include "script/script.hpp"

namespace hashmap_mem::properties {

namespace {

// 40 keys with one home: more than a 32-bucket window holds.
constexpr std::size_t CLUSTER_KEYS = 40;

std::uint32_t capacity_for(std::uint64_t limit) {
    std::uint32_t capacity = 1;
    while (capacity < limit) capacity *= 2;
    return capacity;
}

// Uniform in [low, high] from the first case on (rc::gen::inRange grows with
// rapidcheck's size, so early cases would see only 1-byte keys and 1-bucket maps).
rc::Gen<std::uint64_t> gen_uniform(std::uint64_t low, std::uint64_t high) {
    std::vector<std::uint64_t> values;
    for (std::uint64_t v = low; v <= high; ++v) values.push_back(v);
    return rc::gen::elementOf(values);
}

rc::Gen<std::uint64_t> gen_alignment() { return rc::gen::element<std::uint64_t>(1, 2, 4, 8, 16); }

rc::Gen<std::uint64_t> gen_limit(Limits limits) {
    if (limits == Limits::Small) return gen_uniform(1, 64);
    return rc::gen::weightedOneOf<std::uint64_t>({{2, rc::gen::inRange<std::uint64_t>(65, 1025)},
                                                   {1, rc::gen::inRange<std::uint64_t>(1025, 32769)},
                                                   {1, rc::gen::just<std::uint64_t>(32768)}});
}

harness::LayoutArgs gen_layout(Limits limits) {
    harness::LayoutArgs layout;
    // The core specialises 1, 2, 4, 8 and 16; any size up to 40 takes the general path.
    layout.key_size = *rc::gen::weightedOneOf<std::uint64_t>(
        {{2, rc::gen::element<std::uint64_t>(1, 2, 4, 8, 16)}, {3, gen_uniform(1, 40)}});
    layout.key_alignment = *gen_alignment();
    layout.value_size = *rc::gen::inRange<std::uint64_t>(0, 33);
    layout.value_alignment = *gen_alignment();
    layout.logical_limit = *gen_limit(limits);
    return layout;
}

// A cluster home: usually in the last 4 buckets, so a cluster wraps to bucket 0.
MapState gen_map(const std::string& id, const harness::LayoutArgs& layout) {
    MapState map;
    map.id = id;
    map.layout = layout;
    map.capacity = capacity_for(layout.logical_limit);
    const std::uint32_t capacity = map.capacity;  // by value: rapidcheck maps lazily, when it shrinks or shows
    map.cluster_home = *rc::gen::weightedOneOf<std::uint32_t>(
        {{2, rc::gen::map(rc::gen::inRange<std::uint32_t>(0, std::min<std::uint32_t>(capacity, 4)),
                          [capacity](std::uint32_t d) { return capacity - 1 - d; })},
         {1, rc::gen::inRange<std::uint32_t>(0, map.capacity)}});
    const auto seed = *rc::gen::arbitrary<std::uint64_t>();
    map.cluster = std::make_shared<const std::vector<Bytes>>(harness::keys_with_home(
        static_cast<std::uint32_t>(layout.key_size), map.capacity, map.cluster_home, CLUSTER_KEYS, seed));
    map.fill = gen_fill(map);
    map.front_end = *rc::gen::element(harness::FrontEnd::Raw, harness::FrontEnd::C, harness::FrontEnd::View);
    return map;
}

// Swarm weights: 1 first, so a shrunk counterexample shows an even mix.
unsigned gen_weight() { return *rc::gen::element<unsigned>(1, 0, 4, 16); }

// A quarter of the cases fill map a's cluster: nearly every op puts the next
// cluster key, so ~40 ops make 32 Occupied in a row (a window full, the probe
// wrapped). Without this mix a window-of-31 core passed 2000 cases; with it,
// it fails within 10-20.
Mix fill_mix() {
    Mix mix;
    mix.put = mix.cluster_key = 64;
    mix.overwrite = mix.scandel = mix.reinit = mix.other_maps_key = mix.map_b = 0;
    mix.length = 4.0;
    return mix;
}

Mix gen_mix() {
    // weightedElement ignores rapidcheck's size (inRange grows with it): a quarter from the first case on.
    if (*rc::gen::weightedElement<bool>({{3, false}, {1, true}})) return fill_mix();
    Mix mix;
    for (unsigned* weight : {&mix.get, &mix.has, &mix.remove, &mix.overwrite, &mix.scan, &mix.scandel, &mix.check,
                             &mix.known_key, &mix.one_byte_off, &mix.other_maps_key, &mix.map_b}) {
        *weight = gen_weight();
    }
    // Puts outweigh the rest (a third of the cases 64 to their ~40), so that
    // windows fill; re-init empties a map, so it stays rare.
    mix.put = *rc::gen::element<unsigned>(16, 4, 64);
    mix.cluster_key = *rc::gen::element<unsigned>(1, 0, 4, 16, 64);
    mix.reinit = *rc::gen::element<unsigned>(1, 0);
    mix.fresh_key = *rc::gen::element<unsigned>(1, 4, 16);  // never 0: always some key kind
    mix.map_a = *rc::gen::element<unsigned>(1, 4, 16);      // never 0: always some map
    mix.via = *rc::gen::element<unsigned>(1, 0, 4);         // front-end switches within the case
    return mix;
}

}  // namespace

void MapState::add_key(const Bytes& key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
}

void MapState::forget_key(const Bytes& key) { keys.erase(std::remove(keys.begin(), keys.end(), key), keys.end()); }

harness::Op MapState::new_op() const {
    harness::Op op;
    op.kind = harness::OpKind::New;
    op.map = id;
    op.layout = layout;
    op.fill = fill;
    return op;
}

harness::Op MapState::via_op() const {
    harness::Op op;
    op.kind = harness::OpKind::Via;
    op.map = id;
    op.number = static_cast<std::uint64_t>(front_end);
    return op;
}

Bytes gen_fill(const MapState& map) {
    switch (*rc::gen::inRange(0, 5)) {
        case 0: return {};
        case 1: return Bytes{*rc::gen::element<std::uint8_t>(0xff, 0x01, 0x02, 0x03)};
        case 2: {
            Bytes key = *rc::gen::elementOf(*map.cluster);
            key.insert(key.begin(), 2);  // a status byte Occupied, then the key
            return key;
        }
        default: return *rc::gen::suchThat(rc::gen::arbitrary<Bytes>(), [](const Bytes& b) { return !b.empty(); });
    }
}

void showValue(const Machine& machine, std::ostream& os) {
    for (const MapState* map : {&machine.a, &machine.b}) {
        os << harness::print(map->new_op()) << "  # cluster home " << map->cluster_home << '\n'
           << harness::print(map->via_op()) << '\n';
    }
    const Mix& x = machine.mix;
    os << "# mix: put " << x.put << " get " << x.get << " has " << x.has << " del " << x.remove << " ow " << x.overwrite
       << " scan " << x.scan << " scandel " << x.scandel << " new " << x.reinit << " check " << x.check << " via " << x.via
       << "; keys: known "
       << x.known_key << " cluster " << x.cluster_key << " fresh " << x.fresh_key << " one-byte-off " << x.one_byte_off
       << " other map's " << x.other_maps_key << "; maps: a " << x.map_a << " b " << x.map_b << "; length x" << x.length;
}

rc::Gen<Machine> gen_machine(Limits limits) {
    return rc::gen::exec([limits] {
        const harness::LayoutArgs a = gen_layout(limits);
        harness::LayoutArgs b = gen_layout(*rc::gen::element(Limits::Small, limits));
        if (*rc::gen::arbitrary<bool>()) {
            const std::uint64_t limit = b.logical_limit;
            b = a;
            b.logical_limit = limit;
        }
        return Machine{gen_map("a", a), gen_map("b", b), gen_mix()};
    });
}

Bytes gen_bytes(std::uint64_t size) {
    return *rc::gen::container<Bytes>(static_cast<std::size_t>(size), rc::gen::arbitrary<std::uint8_t>());
}

std::string gen_map_id(const Machine& machine) {
    return *rc::gen::weightedElement<std::string>({{machine.mix.map_a, "a"}, {machine.mix.map_b, "b"}});
}

Bytes gen_key(const Machine& machine, const MapState& map) {
    enum Kind { Known, Cluster, Fresh, OneByteOff, OtherMaps };
    const MapState& other = machine.other(map.id);
    const bool other_fits = other.layout.key_size == map.layout.key_size && !other.keys.empty();
    const Mix& mix = machine.mix;
    const Kind kind = *rc::gen::weightedElement<Kind>({{map.keys.empty() ? 0u : mix.known_key, Known},
                                                       {map.cluster->empty() ? 0u : mix.cluster_key, Cluster},
                                                       {mix.fresh_key, Fresh},
                                                       {map.keys.empty() ? 0u : mix.one_byte_off, OneByteOff},
                                                       {other_fits ? mix.other_maps_key : 0u, OtherMaps}});
    switch (kind) {
        case Known: return *rc::gen::elementOf(map.keys);
        case Cluster: {
            // The next pool key not put yet: 32 cluster picks fill a window,
            // where random picks from 40 would need about 60.
            for (const Bytes& key : *map.cluster) {
                if (std::find(map.keys.begin(), map.keys.end(), key) == map.keys.end()) return key;
            }
            return *rc::gen::elementOf(*map.cluster);
        }
        case OtherMaps: return *rc::gen::elementOf(other.keys);
        case OneByteOff: {
            Bytes key = *rc::gen::elementOf(map.keys);
            const auto at = *rc::gen::inRange<std::size_t>(0, key.size());
            key[at] = static_cast<std::uint8_t>(key[at] ^ *rc::gen::inRange<unsigned>(1, 256));
            return key;
        }
        case Fresh: break;
    }
    return gen_bytes(map.layout.key_size);
}

}  // namespace hashmap_mem::properties
