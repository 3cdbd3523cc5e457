// FxHash64 (SPEC §4) against values the Rust fxhash 0.2.1 crate computed
// (copied from conformance/fxhash64.txt), one per tail path: 8-byte words,
// then a 4-, 2- and 1-byte tail; and the home bucket from the top 16 bits.
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

TEST(FxHash64, ElevenBytesAreU64ThenU16ThenU8Steps) {
    const std::string text = "hello world";
    EXPECT_EQ(hash_of(Bytes(text.begin(), text.end())), 0x824bd397ee3369c5u);
}

TEST(FxHash64, FourteenBytesAreU64ThenU32ThenU16Steps) {
    EXPECT_EQ(hash_of({0x60, 0x26, 0xa2, 0x40, 0xf4, 0x58, 0x9a, 0x5d, 0x79, 0x1f, 0x1d, 0xd9, 0x7c, 0xfe}),
              0xb9bf2eeb6d1913e5u);
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
