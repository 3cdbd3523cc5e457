#include "oracle/reference.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem/hashmap_mem.h"  // the documented C status values (constants only)
#include "oracle/spec_hash.hpp"

namespace hashmap_mem::harness::reference {

namespace {

constexpr std::uint8_t EMPTY = 0, TOMBSTONE = 1, OCCUPIED = 2;
constexpr std::uint32_t NONE = UINT32_MAX;
constexpr std::uint32_t END = 0xFFFF;

// The header fields at their SPEC §1 offsets, read and written one by one.
template <typename T>
T field(const std::uint8_t* image, std::size_t offset) {
    T value;
    std::memcpy(&value, image + offset, sizeof value);
    return value;
}
template <typename T>
void set_field(std::uint8_t* image, std::size_t offset, T value) {
    std::memcpy(image + offset, &value, sizeof value);
}

// A map image seen through SPEC: one walk step at a time.
struct Map {
    std::uint8_t* image;
    std::uint32_t capacity, key_size, value_size, value_offset, bucket_size, logical_limit, key_offset;

    explicit Map(std::uint8_t* block)
        : image(block),
          capacity(field<std::uint16_t>(block, 0)),
          key_size(field<std::uint32_t>(block, 4)),
          value_size(field<std::uint32_t>(block, 8)),
          value_offset(field<std::uint32_t>(block, 12)),
          bucket_size(field<std::uint32_t>(block, 16)),
          logical_limit(field<std::uint16_t>(block, 20)),
          key_offset(field<std::uint8_t>(block, 22)) {}

    std::uint16_t element_count() const { return field<std::uint16_t>(image, 2); }
    void set_element_count(std::uint32_t count) { set_field(image, 2, static_cast<std::uint16_t>(count)); }
    std::uint8_t* bucket(std::uint32_t i) const { return image + 24 + std::size_t{i} * bucket_size; }
    std::uint8_t& status(std::uint32_t i) const { return bucket(i)[0]; }
    std::uint8_t* key(std::uint32_t i) const { return bucket(i) + key_offset; }
    std::uint8_t* value(std::uint32_t i) const { return bucket(i) + value_offset; }
    std::uint32_t window() const { return std::min<std::uint32_t>(capacity, 32); }
    std::uint32_t home(const std::uint8_t* k) const { return spec_home(spec_fxhash64(k, key_size), capacity); }
    std::uint32_t at(std::uint32_t home_bucket, std::uint32_t step) const { return (home_bucket + step) % capacity; }
    bool holds(std::uint32_t i, const std::uint8_t* k) const {
        return status(i) == OCCUPIED && bytes_equal(key(i), k, key_size);  // not memcmp: libFuzzer hooks it
    }

    // SPEC §5 lookup: an Empty bucket ends the walk, a Tombstone is walked past.
    std::uint32_t find(const std::uint8_t* k) const {
        const std::uint32_t home_bucket = home(k);
        for (std::uint32_t step = 0; step < window(); ++step) {
            const std::uint32_t i = at(home_bucket, step);
            if (status(i) == EMPTY) return NONE;
            if (holds(i, k)) return i;
        }
        return NONE;
    }

    // SPEC §5 get_or_reserve_entry: the key's bucket, or the first Tombstone
    // of the walk, or the Empty that ends it; NONE when full for the key.
    std::uint32_t reserve(const std::uint8_t* k, bool* inserted) {
        const std::uint32_t home_bucket = home(k);
        std::uint32_t first_tombstone = NONE;
        std::uint32_t target = NONE;
        *inserted = false;
        for (std::uint32_t step = 0; step < window(); ++step) {
            const std::uint32_t i = at(home_bucket, step);
            if (holds(i, k)) return i;
            if (status(i) == TOMBSTONE && first_tombstone == NONE) first_tombstone = i;
            if (status(i) == EMPTY) {
                target = first_tombstone != NONE ? first_tombstone : i;
                break;
            }
        }
        if (target == NONE) target = first_tombstone;  // the window ended with no Empty
        if (target == NONE) return NONE;
        status(target) = OCCUPIED;
        std::memcpy(key(target), k, key_size);
        set_element_count(element_count() + 1u);
        *inserted = true;
        return target;
    }

    bool remove(const std::uint8_t* k) {
        const std::uint32_t i = find(k);
        if (i == NONE) return false;
        status(i) = TOMBSTONE;
        set_element_count(element_count() - 1u);
        return true;
    }

    std::uint32_t next(std::uint64_t start) const {
        for (std::uint64_t i = start; i < capacity; ++i) {
            if (status(static_cast<std::uint32_t>(i)) == OCCUPIED) return static_cast<std::uint32_t>(i);
        }
        return END;
    }

    void put(const std::uint8_t* k, const Bytes& v, bool* done) {
        bool inserted = false;
        const std::uint32_t i = reserve(k, &inserted);
        *done = i != NONE;
        if (*done && value_size != 0) std::memcpy(value(i), v.data(), value_size);
    }
};

std::uint64_t align_up(std::uint64_t x, std::uint64_t a) { return (x + a - 1) / a * a; }

}  // namespace

std::optional<LayoutNumbers> layout(const LayoutArgs& a) {
    const auto alignment_ok = [](std::uint64_t x) { return x >= 1 && x <= 128 && (x & (x - 1)) == 0; };
    if (a.key_size == 0 || a.key_size > UINT32_MAX || a.value_size > UINT32_MAX) return std::nullopt;
    if (!alignment_ok(a.key_alignment) || !alignment_ok(a.value_alignment)) return std::nullopt;
    if (a.logical_limit == 0 || a.logical_limit > 32768) return std::nullopt;
    LayoutNumbers n;
    n.key_offset = align_up(1, a.key_alignment);
    n.value_offset = align_up(n.key_offset + a.key_size, a.value_alignment);
    n.bucket_size = align_up(n.value_offset + a.value_size, std::max(a.key_alignment, a.value_alignment));
    n.capacity = 1;
    while (n.capacity < a.logical_limit) n.capacity *= 2;
    n.total_size = 24 + n.capacity * n.bucket_size;
    if (n.key_offset > UINT8_MAX || n.value_offset > UINT32_MAX || n.bucket_size > UINT32_MAX ||
        n.total_size > UINT32_MAX) {
        return std::nullopt;
    }
    return n;
}

LayoutError layout_error(const LayoutArgs& a) {
    const auto alignment = [](std::uint64_t x, LayoutError zero, LayoutError not_power, LayoutError too_large) {
        if (x == 0) return zero;
        if ((x & (x - 1)) != 0) return not_power;
        return x > 128 ? too_large : LayoutError::None;
    };
    if (a.key_size == 0) return LayoutError::KeySizeZero;
    LayoutError e = alignment(a.key_alignment, LayoutError::KeyAlignmentZero, LayoutError::KeyAlignmentNotPowerOfTwo,
                              LayoutError::KeyAlignmentTooLarge);
    if (e != LayoutError::None) return e;
    e = alignment(a.value_alignment, LayoutError::ValueAlignmentZero, LayoutError::ValueAlignmentNotPowerOfTwo,
                  LayoutError::ValueAlignmentTooLarge);
    if (e != LayoutError::None) return e;
    const std::uint64_t key_offset = align_up(1, a.key_alignment);
    const std::uint64_t value_offset = align_up(key_offset + a.key_size, a.value_alignment);
    if (value_offset > UINT32_MAX) return LayoutError::ValueOffsetOverflow;
    const std::uint64_t bucket_size = align_up(value_offset + a.value_size, std::max(a.key_alignment, a.value_alignment));
    if (bucket_size > UINT32_MAX) return LayoutError::BucketSizeOverflow;
    if (a.logical_limit == 0) return LayoutError::LogicalLimitZero;
    if (a.logical_limit > 32768) return LayoutError::LogicalLimitTooLarge;
    std::uint64_t capacity = 1;
    while (capacity < a.logical_limit) capacity *= 2;
    if (24 + capacity * bucket_size > UINT32_MAX) return LayoutError::TotalSizeOverflow;
    return LayoutError::None;
}

ValidateVerdict validate(const std::uint8_t* block, std::size_t size) {
    using E = ValidateError;
    const auto fail = [](E error, std::uint32_t bucket = 0) { return ValidateVerdict{error, bucket}; };
    if (size < 24) return fail(E::BlockShorterThanHeader);
    const std::uint64_t capacity = field<std::uint16_t>(block, 0), element_count = field<std::uint16_t>(block, 2),
                        key_size = field<std::uint32_t>(block, 4), value_size = field<std::uint32_t>(block, 8),
                        value_offset = field<std::uint32_t>(block, 12), bucket_size = field<std::uint32_t>(block, 16),
                        logical_limit = field<std::uint16_t>(block, 20), key_offset = block[22];
    if (block[23] != 0x3d) return fail(E::BadSecretCode);
    bool power_of_two = false;
    for (std::uint64_t p = 1; p <= 32768; p *= 2) power_of_two = power_of_two || capacity == p;
    if (!power_of_two) return fail(E::CapacityNotPowerOfTwo);
    if (key_size == 0) return fail(E::KeySizeZero);
    if (logical_limit == 0) return fail(E::LogicalLimitZero);
    if (logical_limit > capacity) return fail(E::LogicalLimitAboveCapacity);
    std::uint64_t smallest = 1;
    while (smallest < logical_limit) smallest *= 2;
    if (smallest != capacity) return fail(E::CapacityNotSmallestForLimit);
    if (key_offset == 0) return fail(E::KeyOffsetZero);
    if (key_offset + key_size > bucket_size) return fail(E::KeyRangePastBucket);
    if (value_offset < key_offset + key_size) return fail(E::ValueOverlapsKey);
    if (value_offset + value_size > bucket_size) return fail(E::ValueRangePastBucket);
    const std::uint64_t total = 24 + capacity * bucket_size;
    if (total > UINT32_MAX) return fail(E::TotalSizeOverflow);
    if (size < total) return fail(E::BlockShorterThanTotalSize);

    const Map map(const_cast<std::uint8_t*>(block));
    std::uint64_t occupied = 0;
    for (std::uint32_t i = 0; i < map.capacity; ++i) {
        if (map.status(i) > OCCUPIED) return fail(E::BadStatusByte, i);
        occupied += map.status(i) == OCCUPIED;
    }
    if (occupied != element_count) return fail(E::ElementCountMismatch);
    for (std::uint32_t i = 0; i < map.capacity; ++i) {
        if (map.status(i) != OCCUPIED) continue;
        const std::uint32_t home = map.home(map.key(i));
        const std::uint32_t distance = static_cast<std::uint32_t>((i + capacity - home) % capacity);
        if (distance >= map.window()) return fail(E::KeyUnreachableTooFar, i);
        for (std::uint32_t step = 0; step < distance; ++step) {
            const std::uint32_t j = map.at(home, step);
            if (map.status(j) == EMPTY) return fail(E::KeyUnreachableEmptyBetween, i);
            if (map.holds(j, map.key(i))) return fail(E::DuplicateKey, i);
        }
    }
    return {};
}

const char* layout_message(LayoutError error) {
    switch (error) {
        case LayoutError::None: return "ok";
        case LayoutError::KeySizeZero: return "key_size 0: keys need at least one byte";
        case LayoutError::KeyAlignmentZero: return "key_alignment 0 is not a power of two in 1..128";
        case LayoutError::KeyAlignmentNotPowerOfTwo: return "key_alignment is not a power of two";
        case LayoutError::KeyAlignmentTooLarge: return "key_alignment is above 128";
        case LayoutError::ValueAlignmentZero: return "value_alignment 0 is not a power of two in 1..128";
        case LayoutError::ValueAlignmentNotPowerOfTwo: return "value_alignment is not a power of two";
        case LayoutError::ValueAlignmentTooLarge: return "value_alignment is above 128";
        case LayoutError::LogicalLimitZero: return "logical_limit 0: a map holds at least one entry";
        case LayoutError::LogicalLimitTooLarge: return "logical_limit is above 32768";
        case LayoutError::ValueOffsetOverflow: return "value_offset overflows u32 (key_size too large)";
        case LayoutError::BucketSizeOverflow: return "bucket_size overflows u32 (value_size too large)";
        case LayoutError::TotalSizeOverflow: return "total_size overflows u32 (buckets too large for the capacity)";
    }
    return "(no such layout error)";
}

const char* validate_message(ValidateError error) {
    switch (error) {
        case ValidateError::None: return "ok";
        case ValidateError::BlockShorterThanHeader: return "block is shorter than the 24-byte header";
        case ValidateError::BadSecretCode: return "secret code is not 0x3d (not a live map)";
        case ValidateError::CapacityNotPowerOfTwo: return "capacity is not a power of two in 1..32768";
        case ValidateError::KeySizeZero: return "key_size is 0";
        case ValidateError::LogicalLimitZero: return "logical_limit is 0";
        case ValidateError::LogicalLimitAboveCapacity: return "logical_limit is above capacity";
        case ValidateError::CapacityNotSmallestForLimit: return "capacity is not the smallest power of two >= logical_limit";
        case ValidateError::KeyOffsetZero: return "key_offset is 0: the key overlaps the status byte";
        case ValidateError::KeyRangePastBucket: return "key range runs past bucket_size";
        case ValidateError::ValueOverlapsKey: return "value range overlaps the key range or the status byte";
        case ValidateError::ValueRangePastBucket: return "value range runs past bucket_size";
        case ValidateError::TotalSizeOverflow: return "total_size overflows u32";
        case ValidateError::BlockShorterThanTotalSize: return "block is shorter than total_size";
        case ValidateError::BadStatusByte: return "status byte is not 0, 1 or 2";
        case ValidateError::ElementCountMismatch: return "element_count differs from the number of Occupied buckets";
        case ValidateError::DuplicateKey: return "two Occupied buckets hold equal keys";
        case ValidateError::KeyUnreachableEmptyBetween: return "Occupied key unreachable: an Empty bucket lies between its home and it";
        case ValidateError::KeyUnreachableTooFar: return "Occupied key unreachable: it lies 32 or more buckets from its home";
    }
    return "(no such validate error)";
}

std::int32_t c_status(LayoutError error) {
    switch (error) {
        case LayoutError::None: return HASHMAP_MEM_OK;
        case LayoutError::KeySizeZero: return HASHMAP_MEM_LAYOUT_KEY_SIZE_ZERO;
        case LayoutError::KeyAlignmentZero: return HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_ZERO;
        case LayoutError::KeyAlignmentNotPowerOfTwo: return HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_NOT_POWER_OF_TWO;
        case LayoutError::KeyAlignmentTooLarge: return HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_TOO_LARGE;
        case LayoutError::ValueAlignmentZero: return HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_ZERO;
        case LayoutError::ValueAlignmentNotPowerOfTwo: return HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_NOT_POWER_OF_TWO;
        case LayoutError::ValueAlignmentTooLarge: return HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_TOO_LARGE;
        case LayoutError::LogicalLimitZero: return HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_ZERO;
        case LayoutError::LogicalLimitTooLarge: return HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_TOO_LARGE;
        case LayoutError::ValueOffsetOverflow: return HASHMAP_MEM_LAYOUT_VALUE_OFFSET_OVERFLOW;
        case LayoutError::BucketSizeOverflow: return HASHMAP_MEM_LAYOUT_BUCKET_SIZE_OVERFLOW;
        case LayoutError::TotalSizeOverflow: return HASHMAP_MEM_LAYOUT_TOTAL_SIZE_OVERFLOW;
    }
    return -1;
}

std::int32_t c_status(ValidateError error) {
    switch (error) {
        case ValidateError::None: return HASHMAP_MEM_OK;
        case ValidateError::BlockShorterThanHeader: return HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_HEADER;
        case ValidateError::BadSecretCode: return HASHMAP_MEM_VALIDATE_BAD_SECRET_CODE;
        case ValidateError::CapacityNotPowerOfTwo: return HASHMAP_MEM_VALIDATE_CAPACITY_NOT_POWER_OF_TWO;
        case ValidateError::KeySizeZero: return HASHMAP_MEM_VALIDATE_KEY_SIZE_ZERO;
        case ValidateError::LogicalLimitZero: return HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ZERO;
        case ValidateError::LogicalLimitAboveCapacity: return HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ABOVE_CAPACITY;
        case ValidateError::CapacityNotSmallestForLimit: return HASHMAP_MEM_VALIDATE_CAPACITY_NOT_SMALLEST_FOR_LIMIT;
        case ValidateError::KeyOffsetZero: return HASHMAP_MEM_VALIDATE_KEY_OFFSET_ZERO;
        case ValidateError::KeyRangePastBucket: return HASHMAP_MEM_VALIDATE_KEY_RANGE_PAST_BUCKET;
        case ValidateError::ValueOverlapsKey: return HASHMAP_MEM_VALIDATE_VALUE_OVERLAPS_KEY;
        case ValidateError::ValueRangePastBucket: return HASHMAP_MEM_VALIDATE_VALUE_RANGE_PAST_BUCKET;
        case ValidateError::TotalSizeOverflow: return HASHMAP_MEM_VALIDATE_TOTAL_SIZE_OVERFLOW;
        case ValidateError::BlockShorterThanTotalSize: return HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_TOTAL_SIZE;
        case ValidateError::BadStatusByte: return HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE;
        case ValidateError::ElementCountMismatch: return HASHMAP_MEM_VALIDATE_ELEMENT_COUNT_MISMATCH;
        case ValidateError::DuplicateKey: return HASHMAP_MEM_VALIDATE_DUPLICATE_KEY;
        case ValidateError::KeyUnreachableEmptyBetween: return HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_EMPTY_BETWEEN;
        case ValidateError::KeyUnreachableTooFar: return HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_TOO_FAR;
    }
    return -1;
}

std::string validate_line(const ValidateVerdict& verdict) {
    std::string line = validate_message(verdict.error);
    switch (verdict.error) {
        case ValidateError::BadStatusByte:
        case ValidateError::DuplicateKey:
        case ValidateError::KeyUnreachableEmptyBetween:
        case ValidateError::KeyUnreachableTooFar: line += " (bucket " + std::to_string(verdict.bucket) + ")"; break;
        default: break;
    }
    return line;
}

std::string print(const LayoutNumbers& n) {
    return std::to_string(n.bucket_size) + " " + std::to_string(n.key_offset) + " " + std::to_string(n.value_offset) +
           " " + std::to_string(n.capacity) + " " + std::to_string(n.total_size);
}

Bytes init(const LayoutArgs& args, const LayoutNumbers& n) {
    Bytes image;
    init(args, n, image);
    return image;
}

void init(const LayoutArgs& args, const LayoutNumbers& n, Bytes& image) {
    image.assign(n.total_size, 0);
    set_field(image.data(), 0, static_cast<std::uint16_t>(n.capacity));
    set_field(image.data(), 4, static_cast<std::uint32_t>(args.key_size));
    set_field(image.data(), 8, static_cast<std::uint32_t>(args.value_size));
    set_field(image.data(), 12, static_cast<std::uint32_t>(n.value_offset));
    set_field(image.data(), 16, static_cast<std::uint32_t>(n.bucket_size));
    set_field(image.data(), 20, static_cast<std::uint16_t>(args.logical_limit));
    set_field(image.data(), 22, static_cast<std::uint8_t>(n.key_offset));
    set_field(image.data(), 23, std::uint8_t{0x3d});  // element_count 0, every status byte Empty
}

void run(const Op& op, Bytes& image, Answer& answer) {
    Map map(image.data());
    answer.indices.clear();
    answer.put = 0;
    answer.text.clear();
    const std::uint8_t* key = op.key.data();
    switch (op.kind) {
        case OpKind::Put:
            answer.kind = Answer::Kind::Flag;
            map.put(key, op.value, &answer.flag);
            return;
        case OpKind::Get: {
            const std::uint32_t i = map.find(key);
            answer.kind = i == NONE ? Answer::Kind::Absent : Answer::Kind::Value;
            answer.value = i == NONE ? nullptr : map.value(i);
            answer.value_size = map.value_size;
            return;
        }
        case OpKind::Has:
            answer.kind = Answer::Kind::Flag;
            answer.flag = map.find(key) != NONE;
            return;
        case OpKind::Del:
            answer.kind = Answer::Kind::Flag;
            answer.flag = map.remove(key);
            return;
        case OpKind::Next:
            answer.kind = Answer::Kind::Index;
            answer.index = map.next(op.number);
            return;
        case OpKind::Scan:
        case OpKind::ScanDel:
        case OpKind::ScanPut: {
            // The harness scans of executor.cpp, on find_next_valid_entry's SPEC §7 answers.
            answer.kind = Answer::Kind::Indices;
            if (op.kind == OpKind::ScanPut) answer.put = '-';
            std::uint64_t count = 0;
            thread_local Bytes removed;  // a scan per op: a new vector each was most of the reference's allocations
            removed.resize(map.key_size);
            for (std::uint32_t i = map.next(0); i != END; i = map.next(std::uint64_t{i} + 1)) {
                answer.indices.push_back(i);
                ++count;
                if (op.kind == OpKind::ScanDel && op.number != 0 && count % op.number == 0) {
                    std::memcpy(removed.data(), map.key(i), map.key_size);
                    map.remove(removed.data());
                }
                if (op.kind == OpKind::ScanPut && count == op.number) {
                    bool done = false;
                    map.put(key, op.value, &done);
                    answer.put = done ? '1' : '0';
                }
            }
            return;
        }
        // Not map ops (hash, layout, new, load), or ops the checker checks
        // another way: ow is overwrite() below; img, check and via change nothing.
        case OpKind::Hash:
        case OpKind::Layout:
        case OpKind::New:
        case OpKind::Load:
        case OpKind::Ow:
        case OpKind::Img:
        case OpKind::Check:
        case OpKind::Via: break;
    }
    answer.kind = Answer::Kind::Error;
    answer.text = "the reference runs map ops only";
}

bool overwrite(Bytes& target_image, const Bytes& source_image) {
    Map target(target_image.data());
    Map source(const_cast<std::uint8_t*>(source_image.data()));
    if (target.logical_limit < source.element_count()) return false;  // step 1 comes first, also for ow m m
    if (target.key_size != source.key_size || target.value_size != source.value_size ||
        target.bucket_size != source.bucket_size) {
        return false;  // the crate asserts; here a refusal that changes nothing
    }
    const Bytes before = target_image;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> reserved;  // (target bucket, source bucket)
    for (std::uint32_t i = 0; i < source.capacity; ++i) {
        if (source.status(i) != OCCUPIED) continue;
        bool inserted = false;
        const std::uint32_t j = target.reserve(source.key(i), &inserted);
        if (j == NONE) {
            // All or nothing: the entries as before; the buckets the crate
            // reserved hold their new key as a Tombstone, their old value bytes.
            target_image = before;
            for (const auto& [r, from] : reserved) {
                target.status(r) = TOMBSTONE;
                std::memcpy(target.key(r), source.key(from), target.key_size);
            }
            return false;
        }
        if (inserted) reserved.emplace_back(j, i);
        if (target.value_size != 0) std::memcpy(target.value(j), source.value(i), target.value_size);
    }
    return true;
}

// Which header field byte `at` (< 24) is in (SPEC §1).
const char* header_field_at(std::size_t at) {
    static constexpr const char* FIELDS[24] = {
        "capacity",     "capacity",     "element_count", "element_count", "key_size",      "key_size",
        "key_size",     "key_size",     "value_size",    "value_size",    "value_size",    "value_size",
        "value_offset", "value_offset", "value_offset",  "value_offset",  "bucket_size",   "bucket_size",
        "bucket_size",  "bucket_size",  "logical_limit", "logical_limit", "key_offset",    "padding_and_secret_code"};
    return FIELDS[at];
}

// What byte `offset` (> 0) of a bucket holds: " (key byte 2 of bucket 5)".
std::string bucket_field_at(const Map& map, std::uint32_t bucket, std::uint32_t offset) {
    const std::string of = " of bucket " + std::to_string(bucket) + ")";
    if (offset >= map.key_offset && offset < map.key_offset + map.key_size) {
        return " (key byte " + std::to_string(offset - map.key_offset) + of;
    }
    if (offset >= map.value_offset && offset < map.value_offset + map.value_size) {
        return " (value byte " + std::to_string(offset - map.value_offset) + of;
    }
    return " (padding byte " + std::to_string(offset) + of;
}

std::string compare_images(const std::uint8_t* real, const Bytes& expected) {
    return compare_images(real, expected, 0, expected.size());
}

std::string compare_images(const std::uint8_t* real, const Bytes& expected, std::size_t from, std::size_t to) {
    Map map(const_cast<std::uint8_t*>(expected.data()));
    to = std::min(to, expected.size());
    // From one differing byte to the next (first_difference compares words):
    // the images differ only at the status bytes of reclaimed Tombstones.
    for (std::size_t at = from; at < to; ++at) {
        at += first_difference(real + at, expected.data() + at, to - at);
        if (at == to) return "";
        const auto describe = [&](const std::string& why) {
            return "image byte " + std::to_string(at) + " is " + std::to_string(real[at]) + ", the Rust crate's is " +
                   std::to_string(expected[at]) + why;
        };
        if (at < 24) return describe(std::string(" (header field ") + header_field_at(at) + ")");
        const auto bucket = static_cast<std::uint32_t>((at - 24) / map.bucket_size);
        const auto in_bucket = static_cast<std::uint32_t>((at - 24) % map.bucket_size);
        if (in_bucket != 0) return describe(bucket_field_at(map, bucket, in_bucket));
        if (real[at] != EMPTY || expected[at] != TOMBSTONE) return describe(" (status byte of bucket " + std::to_string(bucket) + ")");
        // A reclaimed Tombstone: allowed only where no key's walk crosses it.
        for (std::uint32_t offset = 1; offset < map.window(); ++offset) {
            const std::uint32_t i = map.at(bucket, offset);
            if (map.status(i) == EMPTY) break;
            if (map.status(i) != OCCUPIED) continue;
            const std::uint32_t distance = (i - map.home(map.key(i))) % map.capacity;
            if (distance >= offset) {
                return describe(" (status byte of bucket " + std::to_string(bucket) +
                                ": a reclaimed Tombstone that the walk of the key in bucket " + std::to_string(i) +
                                " crosses)");
            }
        }
    }
    return "";
}

void reclaimable_tombstones(const std::uint8_t* block, std::vector<std::uint32_t>& out) {
    const Map map(const_cast<std::uint8_t*>(block));
    out.clear();
    for (std::uint32_t i = 0; i < map.capacity; ++i) {
        if (map.status(i) == TOMBSTONE && map.status(map.at(i, 1)) == EMPTY) out.push_back(i);
    }
}

}  // namespace hashmap_mem::harness::reference
