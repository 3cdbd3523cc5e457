// Key sizes 1..40: the specialised paths (1, 2, 4, 8, 16 bytes) and the
// generic one hash and compare exactly key_size bytes, at any address.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

// Keys that differ only in their first or only in their last byte: a compare
// or hash over too few bytes would merge them.
std::vector<Bytes> edge_keys(std::uint32_t key_size) {
    std::vector<Bytes> keys;
    for (std::uint8_t b = 1; b <= 6; ++b) {
        Bytes first(key_size, 0x40), last(key_size, 0x40);
        first.front() = b;
        last.back() = static_cast<std::uint8_t>(0x80 + b);
        keys.push_back(first);
        if (key_size > 1) keys.push_back(last);
    }
    return keys;
}

TEST(KeySizes, EveryKeySizeFrom1To40StoresFindsAndRemovesItsKeys) {
    for (std::uint32_t key_size = 1; key_size <= 40; ++key_size) {
        SCOPED_TRACE(::testing::Message() << "key_size " << key_size);
        TestMap map = make_map(key_size, 1, 2, 2, 64);
        const std::vector<Bytes> keys = edge_keys(key_size);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            ASSERT_TRUE(put(map, keys[i], {static_cast<std::uint8_t>(i), 0}));
        }
        EXPECT_EQ(map.header().element_count, keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::uint8_t* value = lookup(map.base(), keys[i].data());
            ASSERT_NE(value, nullptr);
            EXPECT_EQ(value[0], i);
        }
        for (std::size_t i = 0; i < keys.size(); i += 2) ASSERT_TRUE(remove(map.base(), keys[i].data()));
        for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(has(map.base(), keys[i].data()), i % 2 == 1);
        EXPECT_TRUE(validate(map.base(), map.block.size()));
    }
}

TEST(KeySizes, FirstKeyLandsAtTheHomeFxHash64GivesOverAllItsBytes) {
    for (std::uint32_t key_size = 1; key_size <= 40; ++key_size) {
        TestMap map = make_map(key_size, 1, 1, 1, 32768);
        Bytes key(key_size);
        for (std::uint32_t i = 0; i < key_size; ++i) key[i] = static_cast<std::uint8_t>(0x9b * (i + 1) + key_size);
        const std::uint8_t* slot = get_or_reserve_entry(map.base(), key.data());
        ASSERT_NE(slot, nullptr);
        EXPECT_EQ(map.index_of(slot), home_bucket(fxhash64(key.data(), key_size), 32768)) << key_size;
    }
}

TEST(KeySizes, KeysAtOddAddressesAreReadByteWise) {
    for (std::uint32_t key_size : {2u, 4u, 8u, 16u, 24u}) {
        TestMap map = make_map(key_size, 8, 8, 8, 16);
        Bytes storage(key_size + 1);
        for (std::uint32_t i = 0; i < key_size; ++i) storage[i + 1] = static_cast<std::uint8_t>(i * 7 + 1);
        const std::uint8_t* key = storage.data() + 1;  // misaligned for every word size
        ASSERT_NE(get_or_reserve_entry(map.base(), key), nullptr);
        EXPECT_TRUE(has(map.base(), key)) << key_size;
        EXPECT_TRUE(remove(map.base(), key)) << key_size;
    }
}

}  // namespace
}  // namespace hashmap_mem::test
