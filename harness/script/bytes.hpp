// Byte strings and their op-script spelling: lowercase hex, "." when empty.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hashmap_mem::harness {

using Bytes = std::vector<std::uint8_t>;

// Equality of `size` bytes, word by word. The harness compares keys with this
// rather than memcmp: libFuzzer hooks every memcmp that finds a difference
// (ASan's interceptor calls it), and the checker's unequal compares are noise
// to the fuzzer that cost ops_fuzzer a fifth of its time (perf).
inline bool bytes_equal(const void* a, const void* b, std::size_t size) noexcept {
    const auto* x = static_cast<const unsigned char*>(a);
    const auto* y = static_cast<const unsigned char*>(b);
    std::size_t at = 0;
    for (; at + 8 <= size; at += 8) {
        std::uint64_t u, v;
        __builtin_memcpy(&u, x + at, 8);  // inlined as a load, not a call
        __builtin_memcpy(&v, y + at, 8);
        if (u != v) return false;
    }
    for (; at < size; ++at) {
        if (x[at] != y[at]) return false;
    }
    return true;
}

// Where two buffers of `size` bytes differ: [first, end), or first == end ==
// size when they are equal. For the checker's own copies of a block (both
// `size` bytes long by construction), so the loop is not ASan-checked and
// compiles to vector compares; memcmp through ASan's interceptor and
// libFuzzer's hook cost ops_fuzzer about 10% (perf).
struct ByteRange {
    std::size_t first;
    std::size_t end;
    bool empty() const noexcept { return first == end; }
};
ByteRange differing_range(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) noexcept;
// The first offset where they differ, `size` when equal (no scan from the end).
std::size_t first_difference(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) noexcept;

std::string to_hex(const std::uint8_t* data, std::size_t size);
inline std::string to_hex(const Bytes& bytes) { return to_hex(bytes.data(), bytes.size()); }

// Parses lowercase or uppercase hex, or "." for no bytes. Nullopt on an odd
// length or a non-hex character.
std::optional<Bytes> from_hex(std::string_view text);

}  // namespace hashmap_mem::harness
