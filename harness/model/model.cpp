#include "model/model.hpp"

namespace hashmap_mem::harness {

void Model::put(const std::string& key, const char* value, std::size_t value_size) {
    const auto present = entries.find(key);
    if (present != entries.end()) {
        present->second.assign(value, value_size);
        return;
    }
    if (spare_.empty()) {
        entries.emplace(key, std::string(value, value_size));
        return;
    }
    Entries::node_type node = std::move(spare_.back());
    spare_.pop_back();
    node.key().assign(key);  // keeps the buffers of the entry it was
    node.mapped().assign(value, value_size);
    entries.insert(std::move(node));
}

bool Model::erase(const std::string& key) {
    const auto present = entries.find(key);
    if (present == entries.end()) return false;
    spare_.push_back(entries.extract(present));
    return true;
}

void Model::clear() {
    while (!entries.empty()) spare_.push_back(entries.extract(entries.begin()));
}

Model model_from_image(const std::uint8_t* block) {
    Model model;
    model.header = read_header(block);
    const std::uint8_t* buckets = block + MAP_BUCKETS_OFFSET;
    for (std::uint32_t i = 0; i < model.header.capacity; ++i) {
        const std::uint8_t* bucket = buckets + std::size_t{i} * model.header.bucket_size;
        if (bucket[0] != static_cast<std::uint8_t>(BucketStatus::Occupied)) continue;
        model.put(Model::bytes(bucket + model.header.key_offset, model.header.key_size),
                  reinterpret_cast<const char*>(bucket + model.header.value_offset), model.header.value_size);
    }
    return model;
}

}  // namespace hashmap_mem::harness
