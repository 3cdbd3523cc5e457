// The scopes of the exhaustive explorer. Numbers (states, transitions, time)
// are in docs/verification.md, "Exhaustive small-scope checking".
#include <algorithm>
#include <cstdint>

#include "explore_keys.hpp"
#include "explorer.hpp"

namespace hashmap_mem::harness {

namespace {

// capacity 1, 2, 4, 8, 64 from these logical limits: above half the
// capacity where they can be, so that `ow` meets TargetLimitTooSmall.
std::uint32_t limit_for(std::uint32_t capacity) { return capacity <= 2 ? capacity : capacity / 2 + 1; }

struct Shape {
    std::uint32_t capacity;
    std::uint32_t key_size;
    std::uint32_t value_size;
    std::size_t keys;
};

Scope scope(const Shape& s, std::string what) {
    Scope out;
    out.name = "c" + std::to_string(s.capacity) + "-k" + std::to_string(s.key_size) + "-v" + std::to_string(s.value_size) +
               "-n" + std::to_string(s.keys);
    out.what = std::move(what);
    // 8-byte keys aligned to 8 (key at 8 in the bucket), shorter ones packed
    // (key at 1): both key offsets.
    out.layout = LayoutArgs{s.key_size, s.key_size == 8 ? 8u : 1u, s.value_size, s.value_size == 0 ? 1u : 8u,
                            limit_for(s.capacity)};
    out.keys = explore_keys(s.key_size, s.capacity, s.keys);
    if (s.value_size == 0) {
        out.values = {Bytes{}};
    } else {
        out.values = {Bytes(s.value_size, 0x11), Bytes(s.value_size, 0x22)};
    }
    return out;
}

// A fill whose every Empty bucket's key bytes are the scope's first key
// (and the rest 0xee): an Empty bucket whose stale key equals the key looked
// up must still end the walk and never match.
Scope filled(Scope s) {
    s.name += "-fill";
    const std::uint64_t key_offset = s.layout.key_alignment;  // align_up(1, ka) for ka 1 and 8
    std::uint64_t value_offset = key_offset + s.layout.key_size;
    value_offset = (value_offset + s.layout.value_alignment - 1) / s.layout.value_alignment * s.layout.value_alignment;
    const std::uint64_t align = std::max(s.layout.key_alignment, s.layout.value_alignment);
    const std::uint64_t bucket_size = (value_offset + s.layout.value_size + align - 1) / align * align;
    s.fill.assign(bucket_size, 0xee);
    // Bucket i starts at 24 + i * bucket_size: the pattern repeats from
    // offset 0, so its byte (24 + j) % bucket_size lands at bucket byte j.
    for (std::size_t t = 0; t < s.keys.front().size(); ++t) {
        s.fill[(24 + key_offset + t) % bucket_size] = s.keys.front()[t];
    }
    return s;
}

Scope bounded(Scope s, std::size_t depth, std::size_t states) {
    s.max_depth = depth;
    s.max_states = states;
    return s;
}

Scope with_pairs(Scope s, std::size_t pairs) {
    s.name += pairs == SIZE_MAX ? "-ow" : "-ow-sampled";
    s.overwrite_pairs = pairs;
    return s;
}

// Every op through the C API or MapView instead of the raw C++ API.
Scope through(Scope s, FrontEnd front_end) {
    s.name += std::string("-via-") + name(front_end);
    s.what += std::string(", through ") + (front_end == FrontEnd::C ? "the C API" : "MapView");
    s.front_end = front_end;
    return s;
}

Scope deduped(Scope s, Scope::Dedup dedup) {
    s.name += dedup == Scope::Dedup::NoStale ? "-nostale" : "-placement";
    s.dedup = dedup;
    return s;
}

// Every layout: key sizes 1 and 8 (the core's grouped compares) and 3 (its
// generic path), value sizes 0 (a set) and 8.
constexpr std::uint32_t KEY_SIZES[] = {1, 3, 8};
constexpr std::uint32_t VALUE_SIZES[] = {0, 8};

}  // namespace

std::vector<Scope> explore_scopes() {
    using D = Scope::Dedup;
    std::vector<Scope> scopes;
    for (std::uint32_t k : KEY_SIZES) {
        for (std::uint32_t v : VALUE_SIZES) {
            scopes.push_back(with_pairs(scope({1, k, v, 2}, "one bucket, two keys; ow of every pair"), SIZE_MAX));
            scopes.push_back(with_pairs(scope({2, k, v, 3}, "homes 1 1 0: wrap; ow of every pair"), SIZE_MAX));
            scopes.push_back(with_pairs(scope({4, k, v, 5}, "homes 3 3 0 1 2: wrap, every home; ow of sampled pairs"), 200000));
            scopes.push_back(filled(scope({4, k, v, 5}, "the same from a block whose Empty buckets hold key 1")));
            scopes.push_back(with_pairs(deduped(scope({4, k, v, 5}, "placements at 4; ow of every pair"), D::Placement), SIZE_MAX));
        }
    }
    // Capacity 8 to completion costs minutes per layout: the grouped path
    // with values, and the generic path of a set.
    for (FrontEnd front_end : {FrontEnd::C, FrontEnd::View}) {
        scopes.push_back(through(scope({4, 8, 8, 5}, "homes 3 3 0 1 2: wrap, every home"), front_end));
        scopes.push_back(through(scope({4, 1, 8, 5}, "homes 3 3 0 1 2: wrap, every home"), front_end));
    }
    scopes.push_back(with_pairs(deduped(scope({8, 8, 8, 9}, "homes 7 7 0..6: wrap, every home"), D::Placement), 100000));
    scopes.push_back(deduped(scope({8, 3, 0, 9}, "homes 7 7 0..6, generic key compare"), D::Placement));
    // Window 32 < capacity 64: homes in the last 8 buckets, to a depth bound.
    scopes.push_back(bounded(scope({64, 8, 8, 10}, "homes 56..63 of 64: wrap with window 32"), 5, SIZE_MAX));
    return scopes;
}

// What ctest runs (label exhaustive): in the ASan build well under a minute
// of CPU, and between them they find every ci/mutants/ bug a map of capacity
// 8 or less can show. Cheap walks first: a mutant is found sooner.
std::vector<Scope> bounded_scopes() {
    using D = Scope::Dedup;
    std::vector<Scope> scopes;
    for (std::uint32_t k : KEY_SIZES) {
        for (std::uint32_t v : VALUE_SIZES) {
            scopes.push_back(with_pairs(scope({1, k, v, 2}, "one bucket, two keys; ow of every pair"), SIZE_MAX));
        }
    }
    scopes.push_back(scope({4, 3, 0, 5}, "homes 3 3 0 1 2, generic compare"));
    scopes.push_back(filled(scope({4, 1, 0, 5}, "from a block whose Empty buckets hold key 1")));
    // The wrappers see the same states (MapView serves no sets: value size 8).
    scopes.push_back(through(deduped(scope({4, 8, 8, 5}, "placements at 4"), D::Placement), FrontEnd::C));
    scopes.push_back(through(deduped(scope({4, 3, 8, 5}, "placements at 4"), D::Placement), FrontEnd::View));
    for (std::uint32_t k : KEY_SIZES) {
        for (std::uint32_t v : VALUE_SIZES) {
            scopes.push_back(with_pairs(scope({2, k, v, 3}, "homes 1 1 0: wrap; ow of every pair"), SIZE_MAX));
        }
    }
    // Every pair at 4 is 316,000 overwrites, 50 s under ASan: a sample.
    scopes.push_back(with_pairs(deduped(scope({4, 8, 8, 5}, "placements at 4; ow of sampled pairs"), D::Placement), 20000));
    scopes.push_back(bounded(deduped(scope({8, 8, 8, 9}, "homes 7 7 0..6, to depth 8"), D::Placement), 8, SIZE_MAX));
    return scopes;
}

}  // namespace hashmap_mem::harness
