// FxHash64 (SPEC §4) against values the crates.io fxhash 0.2.1 computed
// (copied from conformance/fxhash64.txt), one per tail path: 8-byte words,
// one 4-byte word, then each last byte alone; and the home bucket from the
// top 16 bits. The hash_oracle test checks every length against the crate.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

std::uint64_t hash_of(const Bytes& bytes) { return fxhash64(bytes.data(), bytes.size()); }

TEST(FxHash64, EmptyInputAndZeroByteHashToZero) {
    EXPECT_EQ(fxhash64(nullptr, 0), 0u);
    EXPECT_EQ(hash_of({0x00}), 0u);
}

TEST(FxHash64, OneByteIsOneStepWithTheSeed) { EXPECT_EQ(hash_of({0x01}), 0x517cc1b727220a95u); }

TEST(FxHash64, FourBytesAreOneZeroExtendedU32Step) {
    EXPECT_EQ(hash_of({0x78, 0x56, 0x34, 0x12}), 0x5582aca867c703d8u);
}

TEST(FxHash64, EightBytesAreOneU64Step) {
    EXPECT_EQ(hash_of(Bytes(8, 0xff)), 0xae833e48d8ddf56bu);
}

TEST(FxHash64, SixteenBytesAreTwoU64Steps) {
    Bytes bytes(16);
    for (std::uint8_t i = 0; i < 16; ++i) bytes[i] = i;
    EXPECT_EQ(hash_of(bytes), 0x516d18eccf93a50bu);
}

// The released crate has no u16 step (only fxhash's unreleased master does):
// 01 02 is two byte steps, 6a4be67ff98fabc8, not 4b0030056b373495.
TEST(FxHash64, TwoBytesAreTwoByteStepsNotOneU16Step) {
    EXPECT_EQ(hash_of({0x01, 0x02}), 0x6a4be67ff98fabc8u);
    EXPECT_EQ(hash_of({0x01, 0x02}), hash_of({0x00, 0x01, 0x02}));  // a 00 step from 0 stays 0
}

TEST(FxHash64, ElevenBytesAreU64ThenThreeByteSteps) {
    const std::string text = "hello world";
    EXPECT_EQ(hash_of(Bytes(text.begin(), text.end())), 0x7fc5fae642467c93u);
}

TEST(FxHash64, FourteenBytesAreU64ThenU32ThenTwoByteSteps) {
    EXPECT_EQ(hash_of({0x60, 0x26, 0xa2, 0x40, 0xf4, 0x58, 0x9a, 0x5d, 0x79, 0x1f, 0x1d, 0xd9, 0x7c, 0xfe}),
              0x160ef6e22cfdaef7u);
}

TEST(FxHash64, ThirteenBytesAreU64ThenU32ThenU8Steps) {
    EXPECT_EQ(hash_of({0xc7, 0xf3, 0xdf, 0xae, 0xcc, 0x8f, 0x64, 0x65, 0x66, 0x64, 0x1a, 0x7b, 0xa2}),
              0xaced72cccaaca069u);
}

TEST(FxHash64, ReadsOnlyTheGivenBytes) {
    Bytes bytes = {0x78, 0x56, 0x34, 0x12, 0xaa, 0xbb};
    EXPECT_EQ(fxhash64(bytes.data(), 4), 0x5582aca867c703d8u);  // the trailing 0xaa 0xbb are ignored
}

TEST(HomeBucket, TakesTheTop16BitsMaskedByCapacity) {
    EXPECT_EQ(home_bucket(0xabcd000000000000u, 65536), 0xabcdu);
    EXPECT_EQ(home_bucket(0xabcd000000000000u, 16), 0xdu);
    EXPECT_EQ(home_bucket(0x0000ffffffffffffu, 32768), 0u);  // low 48 bits never matter
    EXPECT_EQ(home_bucket(0xffffffffffffffffu, 1), 0u);
}

}  // namespace
}  // namespace hashmap_mem::test
