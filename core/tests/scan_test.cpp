// find_next_valid_entry (SPEC §7): a full scan visits each entry once, in
// bucket order; removing the entry just returned does not disturb the scan.
#include <set>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

TestMap map_with(std::uint64_t count) {
    TestMap map = make_map(8, 8, 8, 8, 64);
    for (std::uint64_t n = 0; n < count; ++n) EXPECT_TRUE(put(map, key_of(n, 8), key_of(n + 1000, 8)));
    return map;
}

TEST(Scan, FullScanVisitsEveryEntryOnceInBucketOrderWithItsKeyAndValue) {
    TestMap map = map_with(40);
    std::set<std::uint64_t> seen;
    int previous = -1;
    for (Entry e = find_next_valid_entry(map.base(), 0); e.index != END_OF_SCAN;
         e = find_next_valid_entry(map.base(), e.index + 1u)) {
        EXPECT_GT(static_cast<int>(e.index), previous);
        previous = e.index;
        EXPECT_EQ(map.bucket(e.index)[0], 2);
        EXPECT_EQ(e.key, map.bucket(e.index) + 8);
        EXPECT_EQ(e.value, map.bucket(e.index) + 16);
        const std::uint64_t key = load_as<std::uint64_t>(e.key);
        EXPECT_EQ(load_as<std::uint64_t>(e.value), key + 1000);
        EXPECT_TRUE(seen.insert(key).second) << "visited twice: " << key;
    }
    EXPECT_EQ(seen.size(), 40u);
}

TEST(Scan, EmptyMapAndStartsAtOrPastCapacityReturnTheEndMarker) {
    TestMap map = map_with(0);
    for (std::uint32_t start : {0u, 63u}) {
        const Entry e = find_next_valid_entry(map.base(), start);
        EXPECT_EQ(e.key, nullptr);
        EXPECT_EQ(e.value, nullptr);
        EXPECT_EQ(e.index, 0xFFFF);
    }
    TestMap full = map_with(40);
    for (std::uint32_t start : {64u, 65u, 0xFFFFu, 0xFFFFFFFFu}) {
        EXPECT_EQ(find_next_valid_entry(full.base(), start).index, END_OF_SCAN) << start;
    }
}

TEST(Scan, StartingAtAnOccupiedBucketReturnsThatBucket) {
    TestMap map = map_with(5);
    const Entry first = find_next_valid_entry(map.base(), 0);
    ASSERT_NE(first.index, END_OF_SCAN);
    EXPECT_EQ(find_next_valid_entry(map.base(), first.index).index, first.index);
}

TEST(Scan, RemovingEachReturnedEntryStillVisitsAllAndEmptiesTheMap) {
    TestMap map = map_with(50);  // clusters, some wrapping past bucket 63
    std::size_t visited = 0;
    for (Entry e = find_next_valid_entry(map.base(), 0); e.index != END_OF_SCAN;
         e = find_next_valid_entry(map.base(), e.index + 1u)) {
        const Bytes key(e.key, e.key + 8);
        ASSERT_TRUE(remove(map.base(), key.data()));
        ++visited;
    }
    EXPECT_EQ(visited, 50u);
    EXPECT_EQ(map.header().element_count, 0);
    EXPECT_EQ(statuses(map, 0, 64).find_first_not_of("E "), std::string::npos);  // every Tombstone reclaimed
}

}  // namespace
}  // namespace hashmap_mem::test
