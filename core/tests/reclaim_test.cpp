// Tombstone reclamation (SPEC §5): a Tombstone whose next bucket is Empty
// turns Empty, and so on backwards; no answer and no placement changes.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

constexpr std::uint32_t kHome = 10;

TestMap cluster_of(const std::vector<Bytes>& keys) {
    TestMap map = make_map(4, 4, 4, 4, 64);
    for (const Bytes& key : keys) EXPECT_TRUE(put(map, key, key));
    return map;
}

TEST(Reclaim, ReclaimsTombstoneRunWhenNextBucketIsEmpty) {
    const std::vector<Bytes> keys = keys_with_home(3, 4, 64, kHome);
    TestMap map = cluster_of(keys);
    ASSERT_TRUE(remove(map.base(), keys[1].data()));
    EXPECT_EQ(statuses(map, kHome, 4), "O T O E");
    ASSERT_TRUE(remove(map.base(), keys[2].data()));  // "O T T E" reclaimed back to the Occupied
    EXPECT_EQ(statuses(map, kHome, 4), "O E E E");
    EXPECT_TRUE(has(map.base(), keys[0].data()));
    EXPECT_TRUE(validate(map.base(), map.block.size()));
}

TEST(Reclaim, RemovingTheLastEntryEmptiesTheWholeCluster) {
    const std::vector<Bytes> keys = keys_with_home(3, 4, 64, kHome);
    TestMap map = cluster_of(keys);
    for (const Bytes& key : keys) ASSERT_TRUE(remove(map.base(), key.data()));
    EXPECT_EQ(statuses(map, kHome - 1, 5), "E E E E E");
}

TEST(Reclaim, ReclaimWalksBackwardsAcrossTheEndOfTheTable) {
    const std::vector<Bytes> keys = keys_with_home(2, 4, 64, 63);
    TestMap map = cluster_of(keys);  // buckets 63 and 0
    ASSERT_TRUE(remove(map.base(), keys[0].data()));
    EXPECT_EQ(statuses(map, 63, 1) + " " + statuses(map, 0, 2), "T O E");
    ASSERT_TRUE(remove(map.base(), keys[1].data()));
    EXPECT_EQ(statuses(map, 63, 1) + " " + statuses(map, 0, 2), "E E E");
}

TEST(Reclaim, ReclaimedImageAnswersAndPlacesLikeTheTombstoneImage) {
    const std::vector<Bytes> keys = keys_with_home(4, 4, 64, kHome);
    TestMap reclaimed = cluster_of(keys);
    ASSERT_TRUE(remove(reclaimed.base(), keys[2].data()));
    ASSERT_TRUE(remove(reclaimed.base(), keys[3].data()));
    ASSERT_EQ(statuses(reclaimed, kHome, 5), "O O E E E");
    TestMap tombstones = reclaimed;  // the Rust crate's image: "O O T T E"
    tombstones.bucket(kHome + 2)[0] = 1;
    tombstones.bucket(kHome + 3)[0] = 1;
    ASSERT_TRUE(validate(tombstones.base(), tombstones.block.size()));
    std::vector<Bytes> probes = keys_with_home(6, 4, 64, kHome, 1000);
    for (const Bytes& key : keys_with_home(3, 4, 64, kHome + 3, 1000)) probes.push_back(key);
    probes.insert(probes.end(), keys.begin(), keys.end());
    for (const Bytes& key : probes) {
        EXPECT_EQ(has(reclaimed.base(), key.data()), has(tombstones.base(), key.data()));
        std::uint8_t* a = get_or_reserve_entry(reclaimed.base(), key.data());
        std::uint8_t* b = get_or_reserve_entry(tombstones.base(), key.data());
        ASSERT_TRUE(a != nullptr && b != nullptr);
        EXPECT_EQ(reclaimed.index_of(a), tombstones.index_of(b));
    }
    EXPECT_EQ(reclaimed.block, tombstones.block);  // every Tombstone got refilled the same way
}

}  // namespace
}  // namespace hashmap_mem::test
