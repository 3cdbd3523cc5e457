// init over a block of garbage (memory from malloc, an old map, bytes that
// look like statuses or keys) makes the same image as init over zeros, and
// every op then answers as on that image: nothing the block held survives.
#include <random>

#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

constexpr std::uint32_t CAPACITY = 64;

// Up to 8 keys with each home 60 .. 63, 0, 1: one cluster that wraps at the
// table's end and overfills a 32-bucket window (1-byte keys: about 4 a home).
std::vector<Bytes> cluster_keys(std::uint32_t key_size) {
    std::vector<Bytes> keys;
    for (const std::uint32_t home : {60u, 61u, 62u, 63u, 0u, 1u}) {
        for (Bytes& key : harness::keys_with_home(key_size, CAPACITY, home, 8, 0)) keys.push_back(std::move(key));
    }
    return keys;
}

// The patterns a caller's block may hold before init.
enum class Garbage { AllOnes, OccupiedLookalikes, KeyInEveryBucket, Random };

Bytes block_of(Garbage garbage, const LayoutResult& r, const Bytes& key) {
    Bytes block(r.map_init.total_size, garbage == Garbage::AllOnes ? 0xff : 0x02);
    if (garbage == Garbage::Random) {
        std::mt19937 random(12);
        for (std::uint8_t& byte : block) byte = static_cast<std::uint8_t>(random());
    }
    if (garbage == Garbage::KeyInEveryBucket) {  // O(K) O(K) ...: each bucket an old entry of `key`
        for (std::uint32_t i = 0; i < CAPACITY; ++i) {
            std::memcpy(block.data() + MAP_BUCKETS_OFFSET + std::size_t{i} * r.bucket_layout.bucket_size +
                            r.bucket_layout.key_offset, key.data(), key.size());
        }
    }
    return block;
}

// Answers of puts filling the cluster, lookups, removes and a scan, as text.
std::string run_ops(TestMap& map, const std::vector<Bytes>& keys) {
    std::string out;
    for (const Bytes& key : keys) out += put(map, key, key_of(7, 5)) ? "1" : "0";
    for (std::size_t i = 0; i < keys.size(); i += 3) out += remove(map.base(), keys[i].data()) ? "R" : "r";
    for (const Bytes& key : keys) {
        const std::uint8_t* value = lookup(map.base(), key.data());
        out += value == nullptr ? " none" : " " + std::to_string(map.index_of(value));
    }
    for (Entry e = find_next_valid_entry(map.base(), 0); e.key != nullptr; e = find_next_valid_entry(map.base(), e.index + 1u)) {
        out += " @" + std::to_string(e.index);
    }
    return out;
}

class InitOverGarbage : public ::testing::TestWithParam<std::tuple<std::uint32_t, Garbage>> {};

TEST_P(InitOverGarbage, GivesTheImageAndAnswersOfInitOverZeros) {
    const auto [key_size, garbage] = GetParam();
    const LayoutResult r = layout(key_size, 1, 5, 1, CAPACITY);
    ASSERT_TRUE(r);
    const std::vector<Bytes> keys = cluster_keys(key_size);
    ASSERT_GE(keys.size(), 20u);
    TestMap zeros{Bytes(r.map_init.total_size, 0)};
    TestMap dirty{block_of(garbage, r, keys[0])};
    init(zeros.base(), r.map_init);
    init(dirty.base(), r.map_init);
    ASSERT_EQ(dirty.block, zeros.block);
    EXPECT_FALSE(has(dirty.base(), keys[0].data()));
    EXPECT_EQ(run_ops(dirty, keys), run_ops(zeros, keys));
    EXPECT_EQ(dirty.block, zeros.block);
    EXPECT_TRUE(validate(dirty.base(), dirty.block.size()));
}

// 1, 8 and 16 take the grouped walks, 3 and 33 the word-by-word compare.
INSTANTIATE_TEST_SUITE_P(KeySizesAndPatterns, InitOverGarbage,
                         ::testing::Combine(::testing::Values(1u, 3u, 8u, 16u, 33u),
                                            ::testing::Values(Garbage::AllOnes, Garbage::OccupiedLookalikes,
                                                              Garbage::KeyInEveryBucket, Garbage::Random)));

}  // namespace
}  // namespace hashmap_mem::test
