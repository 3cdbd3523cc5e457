// The reference a map is checked against: its layout numbers and a
// std::unordered_map from key bytes to value bytes.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "hashmap_mem/header.hpp"

namespace hashmap_mem::harness {

struct Model {
    MapHeader header{};  // layout fields as made; element_count is not tracked here
    std::unordered_map<std::string, std::string> entries;

    static std::string bytes(const std::uint8_t* data, std::size_t size) {
        return std::string(reinterpret_cast<const char*>(data), size);
    }
    bool operator==(const Model& other) const { return entries == other.entries; }
};

// The entries of a live map, read bucket by bucket (no lookup), for seeding a
// model from an image that validate accepted.
Model model_from_image(const std::uint8_t* block);

}  // namespace hashmap_mem::harness
