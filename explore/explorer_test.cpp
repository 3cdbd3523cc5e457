// The explorer counts what it should on scopes small enough to count by
// hand, says which bound stopped it, and a failure's script is the shortest
// and replays through CheckedExecutor (what hashmap-mem-script --model runs).
#include <sstream>

#include <gtest/gtest.h>

#include "hashmap_mem/hashmap_mem.hpp"
#include "run/checked_executor.hpp"
#include "explore_keys.hpp"
#include "explorer.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {
namespace {

Scope small_scope(std::uint32_t capacity, std::size_t keys, std::uint32_t value_size) {
    Scope s;
    s.name = "test";
    s.layout = LayoutArgs{8, 8, value_size, 8, capacity};
    s.keys = explore_keys(8, capacity, keys);
    s.values = value_size == 0 ? std::vector<Bytes>{Bytes{}} : std::vector<Bytes>{Bytes(value_size, 1), Bytes(value_size, 2)};
    return s;
}

// One bucket, keys A and B, values 1 and 2: the fresh map; A or B Occupied
// with 1 or 2 (4); and a Tombstone after a remove (no Empty bucket follows
// it to reclaim it) holding the stale bytes of one of those 4. 9 images.
TEST(Explorer, CapacityOneHasFreshFourOccupiedAndFourStaleEmpties) {
    const ExploreResult r = explore(small_scope(1, 2, 8));
    EXPECT_EQ(r.failure, "");
    EXPECT_EQ(r.states, 9u);
    EXPECT_EQ(r.depth, 2u);  // put, del
    EXPECT_EQ(r.bound, "");
    EXPECT_EQ(r.transitions, 9 * explore_alphabet(small_scope(1, 2, 8), "m").size());
}

TEST(Explorer, ASetOfOneBucketHasFiveImages) {
    EXPECT_EQ(explore(small_scope(1, 2, 0)).states, 5u);
}

TEST(Explorer, PlacementDedupTellsApartOnlyWhichKeySitsWhere) {
    Scope s = small_scope(1, 2, 8);
    s.dedup = Scope::Dedup::Placement;
    EXPECT_EQ(explore(s).states, 4u);  // fresh, A, B, Tombstone
    s.dedup = Scope::Dedup::NoStale;
    EXPECT_EQ(explore(s).states, 6u);  // fresh, A=1, A=2, B=1, B=2, Tombstone
}

TEST(Explorer, ADepthBoundIsReportedAndKeepsTheStatesItReached) {
    Scope s = small_scope(1, 2, 8);
    s.max_depth = 1;
    const ExploreResult r = explore(s);
    EXPECT_EQ(r.states, 5u);  // fresh and the 4 puts
    EXPECT_EQ(r.bound, "depth 1");
}

TEST(Explorer, EveryOrderedPairIsOverwritten) {
    Scope s = small_scope(1, 2, 8);
    s.overwrite_pairs = SIZE_MAX;
    const ExploreResult r = explore(s);
    EXPECT_EQ(r.failure, "");
    EXPECT_EQ(r.pairs, 81u);
}

TEST(Explorer, TheAlphabetProbesNextFromEveryStartAtAndPastTheEnd) {
    std::vector<std::uint64_t> starts;
    for (const Op& op : explore_alphabet(small_scope(4, 2, 8), "m")) {
        if (op.kind == OpKind::Next) starts.push_back(op.number);
    }
    EXPECT_EQ(starts, (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 65535, 65536}));
}

// A checker hook that fails on any Tombstone in bucket 0 of capacity 2 (keys
// homed 1, 1, 0): the script it prints reaches such a state from a fresh map,
// passes every check on replay, and is the shortest (one op less finds none).
TEST(Explorer, AFailureComesWithTheShortestScriptAndItReplays) {
    const StateHook tombstone_at_0 = [](const std::uint8_t* image, std::size_t) {
        return image[MAP_BUCKETS_OFFSET] == static_cast<std::uint8_t>(BucketStatus::Tombstone) ? "Tombstone at 0" : "";
    };
    const Scope s = small_scope(2, 3, 8);
    const ExploreResult r = explore(s, tombstone_at_0);
    ASSERT_NE(r.failure, "");
    EXPECT_NE(r.failure.find("Tombstone at 0"), std::string::npos);
    ASSERT_EQ(r.script.size(), r.depth + 1);  // new, then depth ops
    EXPECT_EQ(r.script.front().kind, OpKind::New);

    // The printed script, parsed and run as hashmap-mem-script --model does.
    std::istringstream text(print(r.script));
    CheckedExecutor checked;
    std::string line;
    while (std::getline(text, line)) {
        const ParsedLine parsed = parse_line(line);
        ASSERT_TRUE(std::holds_alternative<Op>(parsed)) << line;
        EXPECT_EQ(checked.execute(std::get<Op>(parsed)).failure, "") << line;
    }
    const Block* block = checked.real().find("m");
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(tombstone_at_0(block->data(), block->size()), "Tombstone at 0");

    Scope shallower = s;
    shallower.max_depth = r.script.size() - 2;
    EXPECT_EQ(explore(shallower, tombstone_at_0).failure, "");
}

}  // namespace
}  // namespace hashmap_mem::harness
