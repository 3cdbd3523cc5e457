// Exhaustive small-scope checking: breadth-first over every map state
// reachable from a fresh map with a finite alphabet of ops, each op run
// through CheckedExecutor (model, every invariant) from every state, each
// state kept once by its image. Where fuzzing samples, a scope that completes
// says "all": every reachable image of that layout and key set, every op of
// the alphabet from each. A failure comes with the shortest op script from a
// fresh map that reaches it (breadth-first order), for
// `hashmap-mem-script --model`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "script/bytes.hpp"
#include "front_ends/front_end.hpp"
#include "script/op.hpp"

namespace hashmap_mem::harness {

struct Scope {
    std::string name;
    std::string what;  // one line for the report: what it covers
    LayoutArgs layout;
    std::vector<Bytes> keys;
    std::vector<Bytes> values;  // put takes each; one for value_size 0
    // Repeated over the block before init (the bytes Empty buckets start
    // with, which the core's group compares read); empty: a zero-filled block.
    Bytes fill;
    // What every op runs through (`via` after new and after each load), so
    // a C API or MapView wrapper bug is found as a core bug is.
    FrontEnd front_end = FrontEnd::Raw;
    // How states are told apart. Image: by the whole image, the stale key
    // and value bytes of Empty and Tombstone buckets included (what a remove
    // or a fill leaves, and the core's group compares read them). NoStale: by
    // the image with those bytes zeroed. Placement: also with the values of
    // Occupied buckets zeroed (which keys sit where). In the last two the
    // first image found stands for its class: each class is explored once,
    // the ops still checked byte for byte on that image (the stale bytes and
    // values multiply capacity 8's states past reach).
    enum class Dedup : std::uint8_t { Image, NoStale, Placement };
    Dedup dedup = Dedup::Image;
    std::size_t max_depth = SIZE_MAX;   // states this many ops from fresh are kept but not expanded
    std::size_t max_states = SIZE_MAX;  // stop when this many states are known
    // After the walk, `ow a b` for pairs of its states: 0 none, SIZE_MAX
    // every ordered pair, else this many pairs drawn at random (seeded).
    std::size_t overwrite_pairs = 0;
};

struct ExploreResult {
    std::size_t states = 0;       // distinct images reached
    std::size_t transitions = 0;  // ops run from a state (loads to restore one not counted)
    std::size_t pairs = 0;        // overwrites of two states run
    bool pairs_sampled = false;   // pairs drawn at random, not every pair
    std::size_t depth = 0;        // the most ops from fresh to a state kept
    double seconds = 0;
    std::string bound;    // empty: the walk is complete; else the bound that stopped it
    std::string failure;  // empty, or the failure with its replayable script
    std::vector<Op> script;  // the failing script (with failure)
};

// Called on every new state's image (`size` bytes); a non-empty answer is a
// failure, reported with the script that reaches the state. For tests of the
// explorer itself (a checker hook that must fail).
using StateHook = std::function<std::string(const std::uint8_t* image, std::size_t size)>;

// The ops tried from every state of `scope`, on map `id`.
std::vector<Op> explore_alphabet(const Scope& scope, const std::string& id);

ExploreResult explore(const Scope& scope, const StateHook& hook = {});

// Every scope `make exhaustive` runs, and the few that ctest runs
// (`bounded`: quick, and between them they show every bug a map of capacity
// 8 or less can show that ci/mutants/ holds).
std::vector<Scope> explore_scopes();
std::vector<Scope> bounded_scopes();

}  // namespace hashmap_mem::harness
