// The cluster keys the properties (and fuzz targets) rely on really share the
// home bucket asked for, are distinct, and come in full number for keys of 8
// bytes or more, where FxHash is run backwards.
#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "hashmap_mem_harness/key_pool.hpp"

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
