#include "hashmap_mem_harness/reference.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem_harness/spec_hash.hpp"

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

std::string print(const LayoutNumbers& n) {
    return std::to_string(n.bucket_size) + " " + std::to_string(n.key_offset) + " " + std::to_string(n.value_offset) +
           " " + std::to_string(n.capacity) + " " + std::to_string(n.total_size);
}

Bytes init(const LayoutArgs& args, const LayoutNumbers& n) {
    Bytes image(n.total_size, 0);
    set_field(image.data(), 0, static_cast<std::uint16_t>(n.capacity));
    set_field(image.data(), 4, static_cast<std::uint32_t>(args.key_size));
    set_field(image.data(), 8, static_cast<std::uint32_t>(args.value_size));
    set_field(image.data(), 12, static_cast<std::uint32_t>(n.value_offset));
    set_field(image.data(), 16, static_cast<std::uint32_t>(n.bucket_size));
    set_field(image.data(), 20, static_cast<std::uint16_t>(args.logical_limit));
    set_field(image.data(), 22, static_cast<std::uint8_t>(n.key_offset));
    set_field(image.data(), 23, std::uint8_t{0x3d});
    return image;  // element_count 0, every status byte Empty
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
            Bytes removed(map.key_size);
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
        default:
            answer.kind = Answer::Kind::Error;
            answer.text = "the reference runs map ops only";
            return;
    }
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
        if (at < 24) return describe(" (header)");
        const auto bucket = static_cast<std::uint32_t>((at - 24) / map.bucket_size);
        const std::string where = " (bucket " + std::to_string(bucket) + ")";
        if ((at - 24) % map.bucket_size != 0) return describe(where);
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
