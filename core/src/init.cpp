#include "hashmap_mem/map.hpp"

namespace hashmap_mem {

void init(void* map_base, const MapInit& config) noexcept {
    const BucketLayout bucket =
        calculate_bucket_layout(config.key_size, config.key_alignment, config.value_size, config.value_alignment)
            .bucket_layout;
    MapHeader header{};
    header.capacity = config.capacity;
    header.element_count = 0;
    header.key_size = config.key_size;
    header.value_size = config.value_size;
    header.value_offset = bucket.value_offset;
    header.bucket_size = bucket.bucket_size;
    header.logical_limit = config.logical_limit;
    header.key_offset = bucket.key_offset;
    header.padding_and_secret_code = SECRET_CODE;
    write_header(map_base, header);
    const detail::Probe probe(map_base, header);
    for (std::uint32_t index = 0; index < config.capacity; ++index) {
        probe.bucket(index)[0] = static_cast<std::uint8_t>(BucketStatus::Empty);
    }
}

}  // namespace hashmap_mem
