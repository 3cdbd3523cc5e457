// Every operation on maps in blocks from malloc, as a user makes them: no
// GoogleTest and no out-of-line libstdc++ (MemorySanitizer instruments only
// what is compiled with it; ci/msan.sh builds this file and the core alone),
// just malloc/free, printf and the core.
//
// For each key size the core specialises (1, 2, 4, 8, 16, 24, 32) and odd
// ones (3, 5, 7, 12, 20, 33, 40), with value size 0 and not, several
// alignments, at a malloc'd address and an odd one (malloc(size + 1) + 1):
// the block is filled with garbage (0xff, status lookalikes 0x02, a key in
// every key field, random), which is then marked undefined for valgrind
// memcheck and MemorySanitizer (their client calls; no-ops in other builds),
// so a read of any byte init did not write is reported, while a plain run
// still meets the garbage's values. Then: init; puts filling a 32-bucket
// window until null; lookup/has of present and absent keys; remove (with the
// Tombstone reclaim); full scans, also removing during one; overwrite onto a
// malloc'd target of its own garbage, onto itself, and failing ones; validate
// of the live map and of damaged copies. Every answer is checked against a
// small model, and the final image against the same ops on a calloc'd block.
// Exits 1 naming the case and the failed check.
// Run: build/<dir>/core/tests/malloc_every_op   (ctest: malloc_every_op)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"

#include "run/mark_undefined.hpp"

namespace hm = hashmap_mem;

namespace {

constexpr std::uint32_t CAPACITY = 64;
constexpr std::uint32_t CLUSTER_HOME = 60;  // the cluster wraps at the table's end
constexpr int MAX_KEY = 40;
constexpr int MAX_KEYS = 160;

char where[200];  // the case being run, for failure messages

[[noreturn]] void fail(const char* check, int line, long detail) {
    std::printf("malloc_every_op: FAILED [%s] line %d: %s (detail %ld)\n", where, line, check, detail);
    std::exit(1);
}
#define CHECK(cond) ((cond) ? (void)0 : fail(#cond, __LINE__, -1))
#define CHECK_AT(cond, detail) ((cond) ? (void)0 : fail(#cond, __LINE__, static_cast<long>(detail)))

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct Shape {
    std::uint32_t key_size, key_alignment, value_size, value_alignment;
};

enum Garbage { ZEROS, ALL_ONES, STATUS_LOOKALIKES, KEY_IN_EVERY_BUCKET, RANDOM, GARBAGE_KINDS };
const char* const GARBAGE_NAMES[] = {"zeros (calloc)", "0xff", "0x02 status lookalikes", "a key in every bucket", "random"};

// Keys by distance of their home from CLUSTER_HOME: up to 8 per home for 16
// homes, in that order, so inserting them in order fills one run of buckets
// until some key's 32-bucket window is full. `seed` gives another pool.
struct Pool {
    int count = 0;
    std::uint8_t key[MAX_KEYS][MAX_KEY];
};

void make_pool(Pool& pool, std::uint32_t key_size, std::uint64_t seed) {
    int per_distance[16] = {};
    std::uint8_t found[16][8][MAX_KEY];
    std::uint64_t state = seed * 0x1000193 + key_size;
    int kept = 0;
    for (std::uint32_t attempt = 0; attempt < 200000 && kept < 16 * 8; ++attempt) {
        std::uint8_t key[MAX_KEY];
        if (key_size == 1) {
            if (attempt >= 256) break;
            key[0] = static_cast<std::uint8_t>(attempt ^ seed);
        } else {
            for (std::uint32_t i = 0; i < key_size; ++i) key[i] = static_cast<std::uint8_t>(splitmix(state));
        }
        const std::uint32_t distance = (hm::home_bucket(hm::fxhash64(key, key_size), CAPACITY) - CLUSTER_HOME) % CAPACITY;
        if (distance >= 16 || per_distance[distance] == 8) continue;
        bool duplicate = false;
        for (int i = 0; i < per_distance[distance]; ++i) duplicate = duplicate || std::memcmp(found[distance][i], key, key_size) == 0;
        if (duplicate) continue;
        std::memcpy(found[distance][per_distance[distance]++], key, key_size);
        ++kept;
    }
    pool.count = 0;
    for (int d = 0; d < 16; ++d) {
        for (int i = 0; i < per_distance[d]; ++i) std::memcpy(pool.key[pool.count++], found[d][i], key_size);
    }
}

// What the map must hold: keys and their values.
struct Model {
    std::uint32_t key_size = 0, value_size = 0;
    int count = 0;
    std::uint8_t key[MAX_KEYS][MAX_KEY];
    std::uint8_t value[MAX_KEYS][MAX_KEY];

    int find(const std::uint8_t* k) const {
        for (int i = 0; i < count; ++i) {
            if (std::memcmp(key[i], k, key_size) == 0) return i;
        }
        return -1;
    }
    void put(const std::uint8_t* k, const std::uint8_t* v) {
        int i = find(k);
        if (i < 0) std::memcpy(key[i = count++], k, key_size);
        if (value_size != 0) std::memcpy(value[i], v, value_size);
    }
    void erase(const std::uint8_t* k) {
        const int i = find(k);
        if (i < 0) return;
        --count;
        std::memcpy(key[i], key[count], key_size);
        std::memcpy(value[i], value[count], value_size);
    }
};

void value_for(std::uint8_t* value, std::uint32_t value_size, int key_index, int round) {
    for (std::uint32_t j = 0; j < value_size; ++j) value[j] = static_cast<std::uint8_t>(key_index * 31 + round * 7 + static_cast<int>(j) + 1);
}

// The map answers exactly as the model: count, every model key's value,
// absent pool keys, and a full scan (increasing indices, each entry once).
void check_against(void* map, const Model& model, const Pool& pool) {
    const hm::MapHeader header = hm::read_header(map);
    CHECK_AT(header.element_count == model.count, header.element_count);
    for (int i = 0; i < model.count; ++i) {
        const std::uint8_t* value = hm::lookup(map, model.key[i]);
        CHECK_AT(value != nullptr, i);
        CHECK_AT(hm::has(map, model.key[i]), i);
        CHECK_AT(model.value_size == 0 || std::memcmp(value, model.value[i], model.value_size) == 0, i);
    }
    for (int i = 0; i < pool.count; ++i) {
        if (model.find(pool.key[i]) < 0) CHECK_AT(!hm::has(map, pool.key[i]) && hm::lookup(map, pool.key[i]) == nullptr, i);
    }
    int seen = 0;
    long last = -1;
    for (hm::Entry e = hm::find_next_valid_entry(map, 0); e.key != nullptr; e = hm::find_next_valid_entry(map, e.index + 1u)) {
        CHECK_AT(e.index > last && e.index < header.capacity, e.index);
        last = e.index;
        const int i = model.find(e.key);
        CHECK_AT(i >= 0, e.index);
        CHECK_AT(model.value_size == 0 || std::memcmp(e.value, model.value[i], model.value_size) == 0, e.index);
        ++seen;
    }
    CHECK_AT(seen == model.count, seen);
    CHECK(hm::find_next_valid_entry(map, header.capacity).index == hm::END_OF_SCAN);
    CHECK(hm::validate(map, hm::total_size(header.capacity, header.bucket_size)));
}

// A block of `size` bytes at `offset` (0 or 1) into a malloc'd one, holding
// `garbage` (for KEY_IN_EVERY_BUCKET: a status 0x02 and `key` in each bucket,
// an old entry of it), marked undefined unless it is ZEROS. `*raw` is for free().
std::uint8_t* garbage_block(std::uint8_t** raw, std::size_t size, int offset, Garbage garbage, const hm::LayoutResult& r,
                            const std::uint8_t* key, std::uint64_t seed) {
    *raw = static_cast<std::uint8_t*>(garbage == ZEROS ? std::calloc(size + 1, 1) : std::malloc(size + 1));
    CHECK(*raw != nullptr);
    std::uint8_t* block = *raw + offset;
    if (garbage == ZEROS) return block;
    std::memset(block, garbage == ALL_ONES ? 0xff : 0x02, size);
    if (garbage == RANDOM) {
        for (std::size_t i = 0; i < size; ++i) block[i] = static_cast<std::uint8_t>(splitmix(seed));
    }
    if (garbage == KEY_IN_EVERY_BUCKET) {
        for (std::uint32_t i = 0; i < r.map_init.capacity; ++i) {
            std::memcpy(block + hm::MAP_BUCKETS_OFFSET + std::size_t{i} * r.bucket_layout.bucket_size + r.bucket_layout.key_offset, key,
                        r.map_init.key_size);
        }
    }
    MARK_UNDEFINED(block, size);
    return block;
}

// Fills `map` with pool keys in order until a put answers null; returns how
// many went in. The null key's window must be all Occupied and nothing changes.
int fill_until_null(void* map, Model& model, const Pool& pool, int round) {
    const hm::MapHeader header = hm::read_header(map);
    std::uint8_t value[MAX_KEY];
    for (int i = 0; i < pool.count; ++i) {
        std::uint8_t* slot = hm::get_or_reserve_entry(map, pool.key[i]);
        if (slot == nullptr) {
            CHECK_AT(model.find(pool.key[i]) < 0, i);
            CHECK_AT(hm::read_header(map).element_count == model.count, i);
            const std::uint32_t home = hm::home_bucket(hm::fxhash64(pool.key[i], header.key_size), header.capacity);
            for (std::uint32_t step = 0; step < 32 && step < header.capacity; ++step) {
                const std::uint8_t* bucket = static_cast<std::uint8_t*>(map) + hm::MAP_BUCKETS_OFFSET +
                                             std::size_t{(home + step) % header.capacity} * header.bucket_size;
                CHECK_AT(bucket[0] == 2, step);
            }
            return i;
        }
        CHECK_AT(hm::get_or_reserve_entry(map, pool.key[i]) == slot, i);  // present: the same bucket
        value_for(value, header.value_size, i, round);
        if (header.value_size != 0) std::memcpy(slot, value, header.value_size);
        model.put(pool.key[i], value);
        CHECK_AT(hm::lookup(map, pool.key[i]) == slot, i);
    }
    return pool.count;
}

// Every op on one map; returns it (the caller frees `*raw`) for the image compare.
std::uint8_t* run_case(std::uint8_t** raw, const Shape& s, Garbage garbage, int offset) {
    const hm::LayoutResult r = hm::layout(s.key_size, s.key_alignment, s.value_size, s.value_alignment, CAPACITY);
    CHECK(r);
    const std::size_t size = r.map_init.total_size;
    Pool pool, other;
    make_pool(pool, s.key_size, 1);
    make_pool(other, s.key_size, 2);
    CHECK_AT(pool.count >= 40, pool.count);
    static Model model, target_model;
    model = Model{};
    model.key_size = s.key_size;
    model.value_size = s.value_size;

    std::uint8_t* map = garbage_block(raw, size, offset, garbage, r, pool.key[0], 11);
    hm::init(map, r.map_init);
    const hm::MapHeader header = hm::read_header(map);
    CHECK(header.capacity == CAPACITY && header.element_count == 0 && header.key_size == s.key_size &&
          header.bucket_size == r.bucket_layout.bucket_size && header.padding_and_secret_code == hm::SECRET_CODE);
    for (int i = 0; i < pool.count; ++i) CHECK_AT(!hm::has(map, pool.key[i]) && !hm::remove(map, pool.key[i]), i);
    check_against(map, model, pool);

    // Puts until the cluster's window is full, then removals (every third
    // key: Tombstones inside the run, reclaimed ones at its end) and puts
    // onto the Tombstones.
    const int inserted = fill_until_null(map, model, pool, 0);
    CHECK_AT(inserted >= 32 && inserted < pool.count, inserted);
    check_against(map, model, pool);
    for (int i = 0; i < inserted; i += 3) {
        CHECK_AT(hm::remove(map, pool.key[i]), i);
        CHECK_AT(!hm::remove(map, pool.key[i]), i);
        model.erase(pool.key[i]);
    }
    check_against(map, model, pool);
    fill_until_null(map, model, pool, 1);
    check_against(map, model, pool);

    // A scan removing every second entry it meets: each entry visited once.
    int visited = 0;
    for (hm::Entry e = hm::find_next_valid_entry(map, 0); e.key != nullptr; e = hm::find_next_valid_entry(map, e.index + 1u)) {
        if (visited++ % 2 == 0) {
            std::uint8_t key[MAX_KEY];
            std::memcpy(key, e.key, s.key_size);
            CHECK_AT(hm::remove(map, key), e.index);
            model.erase(key);
        }
    }
    CHECK_AT(visited == 2 * model.count || visited == 2 * model.count + 1, visited);
    check_against(map, model, pool);

    // validate: the live map passes; damaged copies fail, naming the problem.
    std::uint8_t* copy = static_cast<std::uint8_t*>(std::malloc(size));
    CHECK(copy != nullptr);
    std::memcpy(copy, map, size);
    CHECK(hm::validate(copy, size));
    copy[23] ^= 0xff;
    CHECK(hm::validate(copy, size).error == hm::ValidateError::BadSecretCode);
    copy[23] ^= 0xff;
    copy[2] ^= 1;  // element_count
    CHECK(hm::validate(copy, size).error == hm::ValidateError::ElementCountMismatch);
    copy[2] ^= 1;
    const hm::Entry first = hm::find_next_valid_entry(copy, 0);
    CHECK(first.key != nullptr);
    copy[hm::MAP_BUCKETS_OFFSET + std::size_t{first.index} * header.bucket_size] = 7;
    const hm::ValidateResult damaged = hm::validate(copy, size);
    CHECK(damaged.error == hm::ValidateError::BadStatusByte && damaged.bucket == first.index);
    CHECK(!hm::validate(copy, size - 1));
    std::free(copy);

    // overwrite onto a target with its own garbage (limit 256: the pool's
    // homes spread over 4 runs there), holding every third pool key with
    // other values: source wins, source is not written.
    const hm::LayoutResult tr = hm::layout(s.key_size, s.key_alignment, s.value_size, s.value_alignment, 256);
    std::uint8_t* target_raw = nullptr;
    std::uint8_t* target = garbage_block(&target_raw, tr.map_init.total_size, 1 - offset, garbage == ZEROS ? ZEROS : RANDOM, tr,
                                         pool.key[1], 99);
    hm::init(target, tr.map_init);
    target_model = Model{};
    target_model.key_size = s.key_size;
    target_model.value_size = s.value_size;
    std::uint8_t value[MAX_KEY];
    for (int i = 0; i < pool.count; i += 3) {
        std::uint8_t* slot = hm::get_or_reserve_entry(target, pool.key[i]);
        CHECK_AT(slot != nullptr, i);
        value_for(value, s.value_size, i, 5);
        if (s.value_size != 0) std::memcpy(slot, value, s.value_size);
        target_model.put(pool.key[i], value);
    }
    std::uint8_t* before = static_cast<std::uint8_t*>(std::malloc(size));
    CHECK(before != nullptr);
    std::memcpy(before, map, size);
    CHECK(hm::overwrite(target, map) == hm::OverwriteResult::Ok);
    CHECK(std::memcmp(before, map, size) == 0);
    for (int i = 0; i < model.count; ++i) target_model.put(model.key[i], model.value[i]);
    check_against(target, target_model, pool);
    CHECK(hm::overwrite(map, map) == hm::OverwriteResult::Ok);  // onto itself: nothing changes
    CHECK(std::memcmp(before, map, size) == 0);

    // Failing overwrites leave the target's entries as they were: a target
    // whose limit is below map's count, mismatched layouts, a full window.
    const hm::LayoutResult small = hm::layout(s.key_size, s.key_alignment, s.value_size, s.value_alignment, 1);
    std::uint8_t* small_map = static_cast<std::uint8_t*>(std::malloc(small.map_init.total_size));
    CHECK(small_map != nullptr);
    hm::init(small_map, small.map_init);
    CHECK(model.count > 1 && hm::overwrite(small_map, map) == hm::OverwriteResult::TargetLimitTooSmall);
    CHECK(hm::read_header(small_map).element_count == 0);
    std::free(small_map);
    const hm::LayoutResult wider = hm::layout(s.key_size, s.key_alignment, s.value_size + 1, s.value_alignment, CAPACITY);
    CHECK(hm::overwrite(target, map) == hm::OverwriteResult::Ok);  // target as it was: it holds map already
    std::uint8_t* other_raw = nullptr;
    std::uint8_t* other_map = garbage_block(&other_raw, wider.map_init.total_size, offset, garbage, wider, pool.key[2], 7);
    hm::init(other_map, wider.map_init);
    CHECK(hm::overwrite(other_map, map) == hm::OverwriteResult::LayoutMismatch);
    CHECK(hm::overwrite(target, other_map) == hm::OverwriteResult::LayoutMismatch);
    check_against(target, target_model, pool);
    std::free(other_raw);

    std::uint8_t* full_raw = nullptr;
    std::uint8_t* full = garbage_block(&full_raw, size, offset, garbage, r, other.key[0], 8);
    hm::init(full, r.map_init);
    static Model full_model;
    full_model = Model{};
    full_model.key_size = s.key_size;
    full_model.value_size = s.value_size;
    fill_until_null(full, full_model, other, 9);
    bool some_window_full = false;  // then the overwrite must fail: overwrite never frees a bucket
    for (int i = 0; i < model.count; ++i) {
        if (full_model.find(model.key[i]) >= 0) continue;
        const std::uint32_t home = hm::home_bucket(hm::fxhash64(model.key[i], s.key_size), CAPACITY);
        bool all_occupied = true;
        for (std::uint32_t step = 0; step < 32; ++step) {
            all_occupied = all_occupied && full[hm::MAP_BUCKETS_OFFSET + std::size_t{(home + step) % CAPACITY} * header.bucket_size] == 2;
        }
        some_window_full = some_window_full || all_occupied;
    }
    CHECK(some_window_full || s.key_size == 1);  // 1-byte keys: both pools hold the same 256 keys
    const hm::OverwriteResult result = hm::overwrite(full, map);
    CHECK(result == hm::OverwriteResult::TargetFull || (!some_window_full && result == hm::OverwriteResult::Ok));
    if (result == hm::OverwriteResult::Ok) {
        for (int i = 0; i < model.count; ++i) full_model.put(model.key[i], model.value[i]);
    }
    check_against(full, full_model, other);
    CHECK(std::memcmp(before, map, size) == 0);
    std::free(full_raw);
    std::free(target_raw);
    std::free(before);
    check_against(map, model, pool);
    return map;
}

const char* describe_shape(const Shape& s, char* out, std::size_t n) {
    std::snprintf(out, n, "key %u align %u, value %u align %u", s.key_size, s.key_alignment, s.value_size, s.value_alignment);
    return out;
}

}  // namespace

int main() {
    static const std::uint32_t KEY_SIZES[] = {1, 2, 4, 8, 16, 24, 32, 3, 5, 7, 12, 20, 33, 40};
    Shape shapes[64];
    int shape_count = 0;
    for (const std::uint32_t ks : KEY_SIZES) {
        const std::uint32_t natural = ks >= 8 ? 8 : ks >= 4 ? 4 : ks >= 2 ? 2 : 1;
        shapes[shape_count++] = {ks, 1, 0, 1};              // a set: value size 0
        shapes[shape_count++] = {ks, natural, 8, 8};        // u64 values
        shapes[shape_count++] = {ks, natural, 5, 1};        // odd values, tail padding
    }
    shapes[shape_count++] = {8, 16, 16, 16};  // over-aligned: recorded, buckets at offset 24
    shapes[shape_count++] = {3, 2, 12, 4};
    int runs = 0;
    for (int si = 0; si < shape_count; ++si) {
        char shape_text[96];
        describe_shape(shapes[si], shape_text, sizeof shape_text);
        std::snprintf(where, sizeof where, "%s, %s", shape_text, GARBAGE_NAMES[ZEROS]);
        std::uint8_t* zeros_raw = nullptr;
        const std::uint8_t* zeros = run_case(&zeros_raw, shapes[si], ZEROS, 0);
        const std::size_t size = hm::layout(shapes[si].key_size, shapes[si].key_alignment, shapes[si].value_size,
                                            shapes[si].value_alignment, CAPACITY).map_init.total_size;
        for (int g = ALL_ONES; g < GARBAGE_KINDS; ++g) {
            for (int offset = 0; offset < 2; ++offset) {
                std::snprintf(where, sizeof where, "%s, block of %s at malloc + %d", shape_text, GARBAGE_NAMES[g], offset);
                std::uint8_t* raw = nullptr;
                const std::uint8_t* map = run_case(&raw, shapes[si], static_cast<Garbage>(g), offset);
                for (std::size_t i = 0; i < size; ++i) CHECK_AT(map[i] == zeros[i], i);  // the image of the same ops on zeros
                std::free(raw);
                ++runs;
            }
        }
        std::free(zeros_raw);
    }
    std::printf("malloc_every_op: %d layouts, %d maps from malloc over garbage: every answer as the model's, every image as on zeros\n",
                shape_count, runs);
    return 0;
}
