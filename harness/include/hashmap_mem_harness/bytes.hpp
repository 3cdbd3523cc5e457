// Byte strings and their op-script spelling: lowercase hex, "." when empty.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hashmap_mem::harness {

using Bytes = std::vector<std::uint8_t>;

std::string to_hex(const std::uint8_t* data, std::size_t size);
inline std::string to_hex(const Bytes& bytes) { return to_hex(bytes.data(), bytes.size()); }

// Parses lowercase or uppercase hex, or "." for no bytes. Nullopt on an odd
// length or a non-hex character.
std::optional<Bytes> from_hex(std::string_view text);

}  // namespace hashmap_mem::harness
