// The 24-byte header (SPEC §1): field positions in the bytes, and
// read_header / write_header at any address.
#include "test_support.hpp"

namespace hashmap_mem::test {
namespace {

MapHeader distinct_header() {
    MapHeader h{};
    h.capacity = 0x0102;
    h.element_count = 0x0304;
    h.key_size = 0x05060708;
    h.value_size = 0x090a0b0c;
    h.value_offset = 0x0d0e0f10;
    h.bucket_size = 0x11121314;
    h.logical_limit = 0x1516;
    h.key_offset = 0x17;
    h.padding_and_secret_code = SECRET_CODE;
    return h;
}

TEST(Header, WriteHeaderPutsEachFieldAtItsSpecOffsetLittleEndian) {
    Bytes block(24, 0xee);
    write_header(block.data(), distinct_header());
    const Bytes expected = {0x02, 0x01, 0x04, 0x03, 0x08, 0x07, 0x06, 0x05, 0x0c, 0x0b, 0x0a, 0x09,
                            0x10, 0x0f, 0x0e, 0x0d, 0x14, 0x13, 0x12, 0x11, 0x16, 0x15, 0x17, 0x3d};
    EXPECT_EQ(block, expected);
}

TEST(Header, ReadHeaderReturnsWhatWriteHeaderWroteAtAnUnalignedAddress) {
    Bytes block(1 + 24 + 1, 0);
    write_header(block.data() + 1, distinct_header());  // odd address: memcpy, no aligned load
    const MapHeader h = read_header(block.data() + 1);
    EXPECT_EQ(h.capacity, 0x0102);
    EXPECT_EQ(h.element_count, 0x0304);
    EXPECT_EQ(h.key_size, 0x05060708u);
    EXPECT_EQ(h.value_size, 0x090a0b0cu);
    EXPECT_EQ(h.value_offset, 0x0d0e0f10u);
    EXPECT_EQ(h.bucket_size, 0x11121314u);
    EXPECT_EQ(h.logical_limit, 0x1516);
    EXPECT_EQ(h.key_offset, 0x17);
    EXPECT_EQ(h.padding_and_secret_code, 0x3d);
    EXPECT_EQ(block.front(), 0);  // neither neighbour byte written
    EXPECT_EQ(block.back(), 0);
}

TEST(Header, ConstantsMatchTheSpec) {
    EXPECT_EQ(SECRET_CODE, 0x3d);
    EXPECT_EQ(MAP_BUCKETS_OFFSET, 24u);
    EXPECT_EQ(MAX_PROBE_DISTANCE, 32u);
    EXPECT_EQ(MAX_CAPACITY, 32768u);
    EXPECT_EQ(static_cast<int>(BucketStatus::Empty), 0);
    EXPECT_EQ(static_cast<int>(BucketStatus::Tombstone), 1);
    EXPECT_EQ(static_cast<int>(BucketStatus::Occupied), 2);
    EXPECT_EQ(END_OF_SCAN, 0xFFFF);
}

}  // namespace
}  // namespace hashmap_mem::test
