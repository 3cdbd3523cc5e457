// overwrite(target, source), all or nothing (SPEC §6).
//
// Pass 1 reserves every source key in target, in source index order, marking
// the buckets it adds PENDING (counted as Occupied by later reservations, so
// placements are the Rust crate's). No value is written yet: a key already in
// target keeps its old value until we know the whole merge fits.
// If a reservation fails, every PENDING bucket becomes a Tombstone again
// (reclaimed where it can be): target holds exactly what it held.
// Pass 2 turns PENDING into Occupied and copies the values.
// Cost: two probes per source key; the map stays allocation-free.
#include "hashmap_mem/map.hpp"

namespace hashmap_mem {

const char* describe(OverwriteResult result) noexcept {
    switch (result) {
        case OverwriteResult::Ok: return "ok";
        case OverwriteResult::TargetLimitTooSmall: return "target logical_limit is below source element_count";
        case OverwriteResult::LayoutMismatch: return "key_size, value_size or bucket_size differ between target and source";
        case OverwriteResult::TargetFull: return "a source key found its 32-bucket window in target full";
    }
    return "unknown overwrite result";
}

namespace {

template <std::size_t KeySize>
OverwriteResult merge(void* target_base, const MapHeader& target, const void* source_base, const MapHeader& source) {
    const detail::Probe source_probe(const_cast<void*>(source_base), source);
    const detail::Probe target_probe(target_base, target);
    const auto occupied = static_cast<std::uint8_t>(BucketStatus::Occupied);

    std::uint32_t reserved = 0;
    bool fits = true;
    for (std::uint32_t index = 0; index < source.capacity && fits; ++index) {
        const std::uint8_t* bucket = source_probe.bucket(index);
        if (bucket[0] != occupied) continue;
        // element_count alone (read_header_field): reserve_bucket has just stored it.
        const std::uint16_t count_before = read_element_count(target_base);
        fits = detail::reserve_bucket<KeySize>(target_base, target_probe, target.key_size, bucket + source.key_offset,
                                               detail::PENDING) != nullptr;
        if (read_element_count(target_base) != count_before) ++reserved;
    }

    const auto settled = fits ? occupied : static_cast<std::uint8_t>(BucketStatus::Tombstone);
    for (std::uint32_t index = 0; index < target.capacity && reserved > 0; ++index) {
        std::uint8_t* bucket = target_probe.bucket(index);
        if (bucket[0] != detail::PENDING) continue;
        bucket[0] = settled;
        --reserved;
        if (!fits) {
            detail::add_to_element_count(target_base, -1);
            detail::reclaim_tombstones<KeySize>(target_probe, target.key_size, index,
                                                detail::probe_distance<KeySize>(target_probe, index, target.key_size));
        }
    }
    if (!fits) return OverwriteResult::TargetFull;

    if (source.value_size == 0) return OverwriteResult::Ok;
    for (std::uint32_t index = 0; index < source.capacity; ++index) {
        const std::uint8_t* bucket = source_probe.bucket(index);
        if (bucket[0] != occupied) continue;
        const std::uint32_t found = detail::find_index<KeySize>(target_probe, bucket + source.key_offset, source.key_size);
        std::memcpy(target_probe.bucket(found) + target.value_offset, bucket + source.value_offset, source.value_size);
    }
    return OverwriteResult::Ok;
}

template <std::size_t KeySize>
struct Merge {
    static OverwriteResult run(void* target_base, const MapHeader& target, const void* source_base, const MapHeader& source) {
        return merge<KeySize>(target_base, target, source_base, source);
    }
};

}  // namespace

OverwriteResult overwrite(void* target_base, const void* source_base) noexcept {
    const MapHeader target = read_header(target_base);
    const MapHeader source = read_header(source_base);
    // The limit check comes first, also for overwrite(m, m): aliasing never
    // changes an answer (SPEC §6.5; the Rust crate fails a map holding more
    // entries than its logical_limit, which get_or_reserve_entry allows).
    if (target.logical_limit < source.element_count) return OverwriteResult::TargetLimitTooSmall;
    if (target_base == source_base) return OverwriteResult::Ok;  // every key maps onto itself
    if (target.key_size != source.key_size || target.value_size != source.value_size ||
        target.bucket_size != source.bucket_size) {
        return OverwriteResult::LayoutMismatch;
    }
    return detail::dispatch_key_size<Merge>(target.key_size, target_base, target, source_base, source);
}

}  // namespace hashmap_mem
