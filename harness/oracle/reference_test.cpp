// The byte-level oracle (oracle/reference.hpp) sees what answers cannot: an
// image that differs from the Rust crate's. Buckets drawn as E (Empty),
// T (Tombstone) and a..d (Occupied by that key).
#include <gtest/gtest.h>

#include <cstring>

#include "keys/key_pool.hpp"
#include "oracle/reference.hpp"

namespace hashmap_mem::harness {
namespace {

constexpr std::uint32_t CAPACITY = 8, HOME = 2;

struct Fixture {
    LayoutArgs layout{8, 8, 0, 1, CAPACITY};
    std::vector<Bytes> keys = keys_with_home(8, CAPACITY, HOME, 4, 7);
    Bytes image = reference::init(layout, *reference::layout(layout));
    Answer answer;
    void op(OpKind kind, int key) {
        Op o;
        o.kind = kind;
        o.key = keys[static_cast<std::size_t>(key)];
        reference::run(o, image, answer);
    }
    std::uint8_t& status(std::uint32_t bucket) { return image[24 + bucket * 16]; }
};

TEST(ReferenceOracle, RefusesAnInsertIntoALaterTombstoneOfTheWalk) {
    Fixture f;  // E E a b c E ..., then del a, del b: E E T T c E
    for (int k : {0, 1, 2}) f.op(OpKind::Put, k);
    f.op(OpKind::Del, 0);
    f.op(OpKind::Del, 1);
    Bytes real = f.image;
    f.op(OpKind::Put, 3);  // SPEC: d takes the first Tombstone: E E d T c E
    ASSERT_EQ(f.status(HOME), 2);
    std::memcpy(real.data() + 24 + (HOME + 1) * 16, f.image.data() + 24 + HOME * 16, 16);  // E E T d c E
    real[2] = f.image[2];  // element_count as after the put
    EXPECT_NE(reference::compare_images(real.data(), f.image), "");
}

TEST(ReferenceOracle, AcceptsAReclaimedTombstoneThatNoWalkCrosses) {
    Fixture f;  // E E a b E: del b leaves E E a T E, which may read E E a E E
    for (int k : {0, 1}) f.op(OpKind::Put, k);
    f.op(OpKind::Del, 1);
    Bytes real = f.image;
    real[24 + (HOME + 1) * 16] = 0;
    EXPECT_EQ(reference::compare_images(real.data(), f.image), "");
}

TEST(ReferenceOracle, RefusesAReclaimedTombstoneThatAWalkCrosses) {
    Fixture f;  // E E a b E: del a leaves E E T b E, and b's walk crosses the Tombstone
    for (int k : {0, 1}) f.op(OpKind::Put, k);
    f.op(OpKind::Del, 0);
    Bytes real = f.image;
    real[24 + HOME * 16] = 0;
    EXPECT_NE(reference::compare_images(real.data(), f.image), "");
}

TEST(ReferenceOracle, FailsOverwriteOfAMapOntoItselfWhenItHoldsMoreThanItsLimit) {
    Fixture f;
    f.layout.logical_limit = 5;  // capacity 8, limit 5: six puts are allowed
    f.image = reference::init(f.layout, *reference::layout(f.layout));
    for (std::uint64_t k = 0; k < 6; ++k) {
        Op put{OpKind::Put, "m", "", Bytes(8, static_cast<std::uint8_t>(k)), {}, {}, {}, 0};
        reference::run(put, f.image, f.answer);
    }
    const Bytes copy = f.image;
    EXPECT_FALSE(reference::overwrite(f.image, copy));
    EXPECT_EQ(f.image, copy);
}

}  // namespace
}  // namespace hashmap_mem::harness
