// image_fuzzer's byte format: a mode byte, then an image (raw bytes, a
// planted cluster, or a map made by ops then edited) given to load, then
// ops_fuzzer's ops on it.

#include <algorithm>
#include <cstring>

#include "fuzz_input/input_reading.hpp"
#include "hashmap_mem/hashmap_mem.hpp"
#include "oracle/reference.hpp"
#include "run/executor.hpp"

namespace hashmap_mem::harness::fuzz_input {

namespace {


struct Field {
    std::size_t offset;
    std::size_t width;
};
constexpr Field HEADER_FIELDS[9] = {{0, 2}, {2, 2}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 2}, {22, 1}, {23, 1}};

void add_to_field(Bytes& image, const Field& f, std::int8_t delta) {
    std::uint32_t value = 0;
    std::memcpy(&value, image.data() + f.offset, f.width);  // little-endian host, as SPEC §1
    value += static_cast<std::uint32_t>(static_cast<std::int32_t>(delta));
    std::memcpy(image.data() + f.offset, &value, f.width);
}

// A few edits to a valid image: header bytes and fields, status bytes,
// swapped or copied buckets (unreachable or duplicate keys), changed keys,
// a shorter or longer block.
void corrupt(ByteReader& in, Bytes& image, const MapHeader& h) {
    const std::size_t edits = in.byte() % 4u;
    auto bucket = [&](std::size_t i) { return MAP_BUCKETS_OFFSET + (i % h.capacity) * h.bucket_size; };
    for (std::size_t e = 0; e < edits; ++e) {
        const std::uint8_t kind = in.byte() % 8u;
        const std::uint8_t x = in.byte();
        const std::uint8_t y = in.byte();
        const std::size_t size = image.size();
        switch (kind) {
            // An earlier edit may have made the block shorter than its header.
            case 0:
                if (x % 24u < size) image[x % 24u] = y;
                break;
            case 1:
                if (HEADER_FIELDS[x % 9u].offset + HEADER_FIELDS[x % 9u].width <= size) {
                    add_to_field(image, HEADER_FIELDS[x % 9u], static_cast<std::int8_t>(y));
                }
                break;
            case 2:
                if (bucket(x) < size) image[bucket(x)] = y % 4u;
                break;
            case 3:
                if (size > 24) image[24 + (std::size_t{x} | std::size_t{y} << 8) % (size - 24)] = in.byte();
                break;
            case 4:
            case 5: {
                const std::size_t from = bucket(x), to = bucket(y);
                if (from + h.bucket_size > size || to + h.bucket_size > size || from == to) break;
                if (kind == 5) {
                    std::memmove(image.data() + to, image.data() + from, h.bucket_size);
                } else {
                    std::swap_ranges(image.begin() + static_cast<std::ptrdiff_t>(from),
                                     image.begin() + static_cast<std::ptrdiff_t>(from + h.bucket_size),
                                     image.begin() + static_cast<std::ptrdiff_t>(to));
                }
                break;
            }
            case 6: image.resize(static_cast<std::size_t>(
                        std::max<std::int64_t>(0, static_cast<std::int64_t>(size) + static_cast<std::int8_t>(x))));
                break;
            default: {
                const std::size_t at = bucket(x) + h.key_offset + y % h.key_size;
                if (at < size) image[at] ^= static_cast<std::uint8_t>(in.byte() | 1u);
                break;
            }
        }
    }
}

std::uint64_t get_field(const Bytes& image, const Field& f) {
    std::uint64_t value = 0;
    std::memcpy(&value, image.data() + f.offset, f.width);  // little-endian host, as SPEC §1
    return value;
}
void set_field(Bytes& image, const Field& f, std::uint64_t value) { std::memcpy(image.data() + f.offset, &value, f.width); }

enum FieldIndex { CAPACITY, ELEMENT_COUNT, KEY_SIZE, VALUE_SIZE, VALUE_OFFSET, BUCKET_SIZE, LOGICAL_LIMIT, KEY_OFFSET, SECRET_CODE_BYTE };

// Edits that put one header field exactly at a boundary a SPEC §10 rule
// names, relative to the other fields, or one past it either way (delta -1,
// 0, +1): rule byte % 16, then delta byte % 3. The boundaries:
//   0 logical_limit = capacity / 2 + d     1 logical_limit = capacity + d
//   2 logical_limit = 1 + d                3 capacity = 2 * capacity + d
//   4 bucket_size = key_offset + key_size + d (the key ends at the bucket's end)
//   5 value_offset = key_offset + key_size + d    6 bucket_size = value_offset + value_size + d
//   7 value_size = bucket_size - value_offset + d  8 key_offset = 1 + d
//   9 key_size = value_offset - key_offset + d (the key ends where the value starts)
//  10 secret code = 0x3d + d               11 element_count = Occupied buckets + d
//  12 block size = total_size + d          13 bucket_size = (2^32 - 25) / capacity + d (total_size at u32's top)
//  14 key_size = 1 + d                     15 a set: value_size 0, value_offset = key end, bucket_size = it + d
void edge_corrupt(ByteReader& in, Bytes& image) {
    if (image.size() < MAP_BUCKETS_OFFSET) return;
    const std::size_t edits = 1u + in.byte() % 3u;
    for (std::size_t e = 0; e < edits; ++e) {
        if (image.size() < MAP_BUCKETS_OFFSET) return;  // rule 12 may have cut the header
        const std::uint8_t rule = in.byte() % 16u;
        const std::int64_t d = static_cast<std::int64_t>(in.byte() % 3u) - 1;
        const auto f = [&](FieldIndex i) { return static_cast<std::int64_t>(get_field(image, HEADER_FIELDS[i])); };
        const auto set = [&](FieldIndex i, std::int64_t v) { set_field(image, HEADER_FIELDS[i], static_cast<std::uint64_t>(v)); };
        const std::int64_t key_end = f(KEY_OFFSET) + f(KEY_SIZE);
        switch (rule) {
            case 0: set(LOGICAL_LIMIT, f(CAPACITY) / 2 + d); break;
            case 1: set(LOGICAL_LIMIT, f(CAPACITY) + d); break;
            case 2: set(LOGICAL_LIMIT, 1 + d); break;
            case 3: set(CAPACITY, 2 * f(CAPACITY) + d); break;
            case 4: set(BUCKET_SIZE, key_end + d); break;
            case 5: set(VALUE_OFFSET, key_end + d); break;
            case 6: set(BUCKET_SIZE, f(VALUE_OFFSET) + f(VALUE_SIZE) + d); break;
            case 7: set(VALUE_SIZE, f(BUCKET_SIZE) - f(VALUE_OFFSET) + d); break;
            case 8: set(KEY_OFFSET, 1 + d); break;
            case 9: set(KEY_SIZE, f(VALUE_OFFSET) - f(KEY_OFFSET) + d); break;
            case 10: set(SECRET_CODE_BYTE, 0x3d + d); break;
            case 11: {
                const std::int64_t capacity = f(CAPACITY), bucket_size = f(BUCKET_SIZE);
                std::int64_t occupied = 0;
                for (std::int64_t i = 0; i < capacity; ++i) {
                    const std::size_t at = MAP_BUCKETS_OFFSET + static_cast<std::size_t>(i * bucket_size);
                    if (at >= image.size()) break;
                    occupied += image[at] == 2;
                }
                set(ELEMENT_COUNT, occupied + d);
                break;
            }
            case 12: {
                const std::int64_t total = 24 + f(CAPACITY) * f(BUCKET_SIZE) + d;
                if (total >= 0 && total <= static_cast<std::int64_t>(image.size()) + 4096) image.resize(static_cast<std::size_t>(total));
                break;
            }
            case 13: set(BUCKET_SIZE, ((std::int64_t{1} << 32) - 25) / std::max<std::int64_t>(1, f(CAPACITY)) + d); break;
            case 14: set(KEY_SIZE, 1 + d); break;
            default:
                set(VALUE_SIZE, 0);
                set(VALUE_OFFSET, key_end);
                set(BUCKET_SIZE, key_end + d);
                break;
        }
    }
}

// A map of 64 buckets written byte by byte, as another program may have
// written it: from the cluster's home h, buckets h .. h+d-1 (wrapping) each
// Occupied by a cluster key, a Tombstone (stale key bytes) or, rarely, Empty,
// then one more cluster key d buckets from home, d one of 0, 1, 31, 32, 33 or
// any up to 33. validate must accept it iff no Empty lies between and d < 32.
MapState plant_cluster(ByteReader& in, Bytes& image) {
    LayoutArgs layout = decode_layout(in);
    layout.logical_limit = 33u + in.byte() % 32u;  // capacity 64: window 32 < capacity
    const std::uint32_t capacity = 64;
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    const reference::LayoutNumbers numbers = *reference::layout(layout);
    image = reference::init(layout, numbers);
    const std::uint8_t d_byte = in.byte();
    constexpr std::uint32_t DISTANCES[8] = {0, 1, 31, 32, 33, 30, 2, 16};
    const std::uint32_t distance = d_byte < 128 ? DISTANCES[d_byte % 8u] : d_byte % 34u;
    std::uint8_t next_key = 0;  // cluster keys are pool indices 0..39
    std::uint16_t occupied = 0;
    auto bucket = [&](std::uint32_t step) {
        return image.data() + MAP_BUCKETS_OFFSET + ((home + step) % capacity) * numbers.bucket_size;
    };
    auto occupy = [&](std::uint8_t* b) {
        b[0] = 2;
        std::memcpy(b + numbers.key_offset, m.pool->key(next_key++), m.pool->key_size);
        for (std::size_t v = 0; v < layout.value_size; ++v) b[numbers.value_offset + v] = static_cast<std::uint8_t>(next_key + v);
        ++occupied;
    };
    for (std::uint32_t step = 0; step < distance; ++step) {
        const std::uint8_t b = in.byte();
        std::uint8_t* at = bucket(step);
        if (b % 16u == 15) continue;  // Empty: the planted key is unreachable
        if (b % 4u == 0) {
            at[0] = 1;  // a Tombstone with a stale key that shares the home
            std::memcpy(at + numbers.key_offset, m.pool->key(static_cast<std::uint8_t>(39 - step % 8u)), m.pool->key_size);
        } else {
            occupy(at);
        }
    }
    occupy(bucket(distance));
    std::memcpy(image.data() + 2, &occupied, sizeof occupied);
    return m;
}

}  // namespace

// mode < 32: the image is raw bytes (u16 length, then the bytes).
// mode < 64: a cluster planted at exact distances from its home (plant_cluster).
// Otherwise a valid map made by puts and dels, then a few corruptions
// (mode >= 224: edits to the edges of validate's rules, edge_corrupt).
// Then `load m IMAGE` and ops_fuzzer's ops on m with keys of the layout's size.
void decode_image(ByteReader& in, Script& s) {
    Bytes image;
    MapState m;
    const std::uint8_t mode = in.byte();
    if (mode < 32) {
        image = in.take(in.u16() % 4096u);
        MapHeader h{};
        if (image.size() >= sizeof h) std::memcpy(&h, image.data(), sizeof h);
        LayoutArgs layout;
        layout.key_size = h.key_size >= 1 && h.key_size <= 64 ? h.key_size : 1;
        layout.value_size = h.value_size <= 64 ? h.value_size : 0;
        layout.logical_limit = h.capacity >= 1 && h.capacity <= MAX_CAPACITY ? h.capacity : 1;
        const std::uint8_t home_byte = in.byte();
        const std::uint32_t home = decode_home(home_byte, capacity_of(layout.logical_limit));
        m = make_map(in, "m", layout, capacity_of(layout.logical_limit), home, home_byte);
    } else if (mode < 64) {
        m = plant_cluster(in, image);
    } else {
        const LayoutArgs layout = decode_layout(in);
        const std::uint32_t capacity = capacity_of(layout.logical_limit);
        const std::uint8_t home_byte = in.byte();
        const std::uint32_t home = decode_home(home_byte, capacity);
        m = make_map(in, "m", layout, capacity, home, home_byte);
        Script build(64);
        build.new_map(m);
        for (std::size_t n = in.byte() % 64u; n > 0; --n) build.keyed(OpKind::Put, m, in.byte());
        for (std::size_t n = in.byte() % 16u; n > 0; --n) build.keyed(OpKind::Del, m, in.byte());
        Executor maker;
        for (const Op& op : build.ops) maker.execute(op);
        const Block* block = maker.find(m.id);
        if (block != nullptr) {
            image.assign(block->data(), block->data() + block->size());
            if (mode >= 224) {
                edge_corrupt(in, image);
                // Puts after the load carry the image's value size (rule 15 makes a set).
                std::uint32_t value_size = 0;
                if (image.size() >= 12) std::memcpy(&value_size, image.data() + 8, 4);
                if (value_size <= 64) m.layout.value_size = value_size;
            } else {
                corrupt(in, image, read_header(block->data()));
            }
        }
    }
    if (mode >= 32 && mode < 64) corrupt(in, image, read_header(image.data()));
    s.load(m, image);
    for (std::size_t n = 0; n < std::min<std::size_t>(64, max_ops(m.capacity)) && !in.done(); ++n) {
        decode_map_op(in, s, m);
    }
}

}  // namespace hashmap_mem::harness::fuzz_input
