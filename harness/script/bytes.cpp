#include "script/bytes.hpp"

namespace hashmap_mem::harness {

#if defined(__clang__) || defined(__GNUC__)
#define HASHMAP_MEM_NO_ASAN __attribute__((no_sanitize("address")))
#else
#define HASHMAP_MEM_NO_ASAN
#endif

namespace {
// Blocks of 128 bytes compared as 16 words OR-ed together: one branch per
// block, and clang makes the loop vector compares.
constexpr std::size_t STRIDE = 128;

HASHMAP_MEM_NO_ASAN bool stride_equal(const std::uint8_t* a, const std::uint8_t* b) noexcept {
    std::uint64_t diff = 0;
    for (std::size_t i = 0; i < STRIDE; i += 8) {
        std::uint64_t u, v;
        __builtin_memcpy(&u, a + i, 8);
        __builtin_memcpy(&v, b + i, 8);
        diff |= u ^ v;
    }
    return diff == 0;
}
}  // namespace

HASHMAP_MEM_NO_ASAN std::size_t first_difference(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) noexcept {
    std::size_t first = 0;
    while (first + STRIDE <= size && stride_equal(a + first, b + first)) first += STRIDE;
    while (first < size && a[first] == b[first]) ++first;
    return first;
}

HASHMAP_MEM_NO_ASAN ByteRange differing_range(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) noexcept {
    std::size_t first = 0;
    while (first + STRIDE <= size && stride_equal(a + first, b + first)) first += STRIDE;
    while (first < size && a[first] == b[first]) ++first;
    if (first == size) return {size, size};
    std::size_t end = size;
    while (end - first >= STRIDE && stride_equal(a + end - STRIDE, b + end - STRIDE)) end -= STRIDE;
    while (a[end - 1] == b[end - 1]) --end;  // stops at `first` at the latest
    return {first, end};
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return ".";
    static const char digits[] = "0123456789abcdef";
    std::string text(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        text[2 * i] = digits[data[i] >> 4];
        text[2 * i + 1] = digits[data[i] & 15];
    }
    return text;
}

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<Bytes> from_hex(std::string_view text) {
    if (text == ".") return Bytes{};
    if (text.empty() || text.size() % 2 != 0) return std::nullopt;
    Bytes bytes(text.size() / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const int high = hex_digit(text[2 * i]);
        const int low = hex_digit(text[2 * i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes[i] = static_cast<std::uint8_t>(high << 4 | low);
    }
    return bytes;
}

}  // namespace hashmap_mem::harness
