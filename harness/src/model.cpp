#include "hashmap_mem_harness/model.hpp"

namespace hashmap_mem::harness {

Model model_from_image(const std::uint8_t* block) {
    Model model;
    model.header = read_header(block);
    const std::uint8_t* buckets = block + MAP_BUCKETS_OFFSET;
    for (std::uint32_t i = 0; i < model.header.capacity; ++i) {
        const std::uint8_t* bucket = buckets + std::size_t{i} * model.header.bucket_size;
        if (bucket[0] != static_cast<std::uint8_t>(BucketStatus::Occupied)) continue;
        model.entries[Model::bytes(bucket + model.header.key_offset, model.header.key_size)] =
            Model::bytes(bucket + model.header.value_offset, model.header.value_size);
    }
    return model;
}

}  // namespace hashmap_mem::harness
