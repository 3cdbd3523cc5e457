// The cluster keys the properties (and fuzz targets) rely on really share the
// home bucket asked for, are distinct, and come in full number for keys of 8
// bytes or more, where FxHash is run backwards.
#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "keys/key_pool.hpp"

namespace hashmap_mem::harness {
namespace {

RC_GTEST_PROP(KeyPool, EveryKeyHasTheAskedHomeAndSize, ()) {
    const auto key_size = *rc::gen::inRange<std::uint32_t>(1, 41);
    const auto capacity = std::uint32_t{1} << *rc::gen::inRange(0, 16);
    const auto home = *rc::gen::inRange<std::uint32_t>(0, capacity);
    const auto keys = keys_with_home(key_size, capacity, home, 40, *rc::gen::arbitrary<std::uint64_t>());
    for (const Bytes& key : keys) {
        RC_ASSERT(key.size() == key_size);
        RC_ASSERT(home_bucket(key, capacity) == home);
        RC_ASSERT(std::count(keys.begin(), keys.end(), key) == 1);
    }
    // 40 distinct keys exist whenever there are 40 * capacity keys of this size.
    if (key_size >= 8 || (key_size >= 3 && capacity <= 64)) RC_ASSERT(keys.size() == 40u);
}

RC_GTEST_PROP(KeyPool, SameArgumentsGiveTheSameKeys, ()) {
    const auto key_size = *rc::gen::inRange<std::uint32_t>(1, 41);
    const auto seed = *rc::gen::arbitrary<std::uint64_t>();
    RC_ASSERT(keys_with_home(key_size, 64, 63, 40, seed) == keys_with_home(key_size, 64, 63, 40, seed));
}

}  // namespace
}  // namespace hashmap_mem::harness

namespace hashmap_mem::harness {
namespace {

// The bytes a near-duplicate may differ in, as key_pool.hpp states them.
std::pair<std::size_t, std::size_t> changed_range(NearDuplicate kind, std::size_t size) {
    switch (kind) {
        case NearDuplicate::FirstByte: return {0, 1};
        case NearDuplicate::MiddleByte: return {size / 2, size / 2 + 1};
        case NearDuplicate::LastByte: return {size - 1, size};
        case NearDuplicate::Word: return size >= 8 ? std::pair{size / 8 * 8 - 8, size / 8 * 8} : std::pair{std::size_t{0}, std::min<std::size_t>(size, 4)};
    }
    return {0, size};
}

RC_GTEST_PROP(KeyPool, NearDuplicateDiffersOnlyInItsBytesAndSharesTheHomeWhereOneExists, ()) {
    const auto key_size = *rc::gen::element<std::uint32_t>(1, 2, 3, 4, 5, 7, 8, 12, 16, 20, 24, 32, 33, 40);
    const auto capacity = std::uint32_t{1} << *rc::gen::inRange(0, 10);
    const auto home = *rc::gen::inRange<std::uint32_t>(0, capacity);
    const auto kind = static_cast<NearDuplicate>(*rc::gen::inRange<int>(0, static_cast<int>(NEAR_DUPLICATE_KINDS)));
    const std::vector<Bytes> base = keys_with_home(key_size, capacity, home, 1, *rc::gen::arbitrary<std::uint64_t>());
    RC_PRE(!base.empty());
    const Bytes near = near_duplicate(base[0], kind, capacity, home);
    RC_ASSERT(near.size() == base[0].size());
    RC_ASSERT(near != base[0]);
    const auto [from, to] = changed_range(kind, key_size);
    for (std::size_t i = 0; i < key_size; ++i) {
        if (i < from || i >= to) RC_ASSERT(near[i] == base[0][i]);
    }
    if (kind == NearDuplicate::Word && key_size >= 8) RC_ASSERT(home_bucket(near, capacity) == home);
    if (kind != NearDuplicate::Word) {
        // Some other value of the byte has the home: then the near-duplicate does.
        bool exists = false;
        Bytes probe = base[0];
        for (int v = 0; v < 256 && !exists; ++v) {
            probe[from] = static_cast<std::uint8_t>(v);
            exists = probe != base[0] && home_bucket(probe, capacity) == home;
        }
        if (exists) RC_ASSERT(home_bucket(near, capacity) == home);
    }
}

}  // namespace
}  // namespace hashmap_mem::harness
