// The checker's own FxHash64 (spec_hash.hpp, written from SPEC §4) gives the
// core's hash for any bytes, and the Rust crate's for four of its vectors
// (core/tests/conformance/fxhash64.txt holds them all, run against the core).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "hashmap_mem/fxhash.hpp"
#include "oracle/spec_hash.hpp"

namespace hashmap_mem::harness {
namespace {

RC_GTEST_PROP(SpecHash, AgreesWithTheCoreForAnyBytes, ()) {
    const auto bytes = *rc::gen::container<std::vector<std::uint8_t>>(*rc::gen::inRange<std::size_t>(0, 65),
                                                                      rc::gen::arbitrary<std::uint8_t>());
    RC_ASSERT(spec_fxhash64(bytes.data(), bytes.size()) == fxhash64(bytes.data(), bytes.size()));
    const auto capacity = std::uint32_t{1} << *rc::gen::inRange(0, 16);
    RC_ASSERT(spec_home(spec_fxhash64(bytes.data(), bytes.size()), capacity) ==
              home_bucket(fxhash64(bytes.data(), bytes.size()), capacity));
}

TEST(SpecHash, GivesTheRustCratesHashOfOneByteAndOfSixteen) {
    const std::uint8_t one[] = {0x01};
    EXPECT_EQ(spec_fxhash64(one, 1), 0x517cc1b727220a95ULL);  // hash 01
    std::uint8_t sixteen[16];
    for (std::uint8_t i = 0; i < 16; ++i) sixteen[i] = i;
    EXPECT_EQ(spec_fxhash64(sixteen, 16), 0x516d18eccf93a50bULL);  // hash 000102...0f
}

// The released crate steps each of the last 0-3 bytes alone (no u16 step).
TEST(SpecHash, GivesTheReleasedCratesHashOfTwoAndThreeTailBytes) {
    const std::uint8_t two[] = {0x01, 0x02};
    EXPECT_EQ(spec_fxhash64(two, 2), 0x6a4be67ff98fabc8ULL);  // hash 0102
    const std::uint8_t eleven[] = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};
    EXPECT_EQ(spec_fxhash64(eleven, 11), 0x7fc5fae642467c93ULL);  // hash 68656c6c6f20776f726c64
}

}  // namespace
}  // namespace hashmap_mem::harness
