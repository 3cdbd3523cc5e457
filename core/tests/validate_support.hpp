// Shared by the validate_*_test.cpp files: run validate on a copy of an image
// in a heap block of exactly its size (ASan flags any read past it), and
// assert the error enum together with its message.
#pragma once

#include <functional>
#include <memory>

#include "test_support.hpp"

namespace hashmap_mem::test {

inline ValidateResult validate_copy(const std::uint8_t* image, std::size_t size) {
    const std::unique_ptr<std::uint8_t[]> block(new std::uint8_t[size == 0 ? 1 : size]);
    if (size != 0) std::memcpy(block.get(), image, size);
    return validate(block.get(), size);
}

inline ValidateResult validate_copy(const Bytes& image) { return validate_copy(image.data(), image.size()); }

inline ::testing::AssertionResult rejects_with(const ValidateResult& result, ValidateError error, const char* message) {
    if (result.error != error) {
        return ::testing::AssertionFailure() << "got \"" << describe(result.error) << "\", want \"" << message << '"';
    }
    if (std::strcmp(describe(result.error), message) != 0) {
        return ::testing::AssertionFailure() << "message \"" << describe(result.error) << "\", want \"" << message
                                             << '"';
    }
    if (result) return ::testing::AssertionFailure() << "result converts to true";
    return ::testing::AssertionSuccess();
}

// A live map with 5 entries: 8-byte keys at 8, 2-byte values at 16, bucket 24, capacity 16.
inline TestMap sample_map() {
    TestMap map = make_map(8, 8, 2, 2, 16);
    for (std::uint64_t n = 1; n <= 5; ++n) EXPECT_TRUE(put(map, key_of(n * 77, 8), key_of(n, 2)));
    return map;
}

// The sample image with its header changed by `edit`.
inline Bytes with_header(const std::function<void(MapHeader&)>& edit) {
    TestMap map = sample_map();
    MapHeader h = map.header();
    edit(h);
    write_header(map.base(), h);
    return map.block;
}

}  // namespace hashmap_mem::test
