/* hashmap-mem's C API (C99; also usable from C++): the same map, format and
 * answers as the C++ functions of hashmap_mem.hpp, which these call. Nothing
 * allocates or resizes; blocks may sit at any address. The fast functions
 * (get_or_reserve_entry, lookup, has, remove, find_next_valid_entry) check
 * nothing: they trust what the C++ ones trust (docs/format.md,
 * "Preconditions"), and an image from outside goes through
 * hashmap_mem_validate first.
 *
 * Const: a function that only reads a map takes `const void*` (a const
 * buffer, a read-only mmap) and, like strchr, hands back a non-const pointer
 * into it: writing through that pointer is yours to avoid for a read-only map.
 * One name per operation, and every existing call compiles unchanged.
 *
 * Pointers marked HASHMAP_MEM_NONNULL must not be NULL (GCC and clang warn at
 * a literal NULL: -Wnonnull); a map pointer is one hashmap_mem_init wrote or
 * hashmap_mem_validate accepted.
 *
 * Link: -lhashmap_mem (pkg-config hashmap_mem, or CMake hashmap_mem::hashmap_mem);
 * the static library needs no C++ runtime. */
#ifndef HASHMAP_MEM_H
#define HASHMAP_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hashmap_mem/export.h"

/* Arguments numbered from 1. GCC and clang only; nothing elsewhere (MSVC). */
#if defined(__GNUC__) || defined(__clang__)
#define HASHMAP_MEM_NONNULL(...) __attribute__((nonnull(__VA_ARGS__)))
#else
#define HASHMAP_MEM_NONNULL(...)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* HASHMAP_MEM_OK (0) or one of the errors below, each its own value:
 * layout errors 1..12, overwrite errors 21..23, validate errors 41..58.
 * hashmap_mem_describe names each. */
typedef int32_t hashmap_mem_status;

enum {
    HASHMAP_MEM_OK = 0,

    /* hashmap_mem_layout */
    HASHMAP_MEM_LAYOUT_KEY_SIZE_ZERO = 1,
    HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_ZERO = 2,
    HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_NOT_POWER_OF_TWO = 3,
    HASHMAP_MEM_LAYOUT_KEY_ALIGNMENT_TOO_LARGE = 4,
    HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_ZERO = 5,
    HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_NOT_POWER_OF_TWO = 6,
    HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_TOO_LARGE = 7,
    HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_ZERO = 8,
    HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_TOO_LARGE = 9,
    HASHMAP_MEM_LAYOUT_VALUE_OFFSET_OVERFLOW = 10,
    HASHMAP_MEM_LAYOUT_BUCKET_SIZE_OVERFLOW = 11,
    HASHMAP_MEM_LAYOUT_TOTAL_SIZE_OVERFLOW = 12,

    /* hashmap_mem_overwrite: target holds exactly what it held */
    HASHMAP_MEM_OVERWRITE_TARGET_LIMIT_TOO_SMALL = 21,
    HASHMAP_MEM_OVERWRITE_LAYOUT_MISMATCH = 22,
    HASHMAP_MEM_OVERWRITE_TARGET_FULL = 23,

    /* hashmap_mem_validate, in the order it checks */
    HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_HEADER = 41,
    HASHMAP_MEM_VALIDATE_BAD_SECRET_CODE = 42,
    HASHMAP_MEM_VALIDATE_CAPACITY_NOT_POWER_OF_TWO = 43,
    HASHMAP_MEM_VALIDATE_KEY_SIZE_ZERO = 44,
    HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ZERO = 45,
    HASHMAP_MEM_VALIDATE_LOGICAL_LIMIT_ABOVE_CAPACITY = 46,
    HASHMAP_MEM_VALIDATE_CAPACITY_NOT_SMALLEST_FOR_LIMIT = 47,
    HASHMAP_MEM_VALIDATE_KEY_OFFSET_ZERO = 48,
    HASHMAP_MEM_VALIDATE_KEY_RANGE_PAST_BUCKET = 49,
    HASHMAP_MEM_VALIDATE_VALUE_OVERLAPS_KEY = 50,
    HASHMAP_MEM_VALIDATE_VALUE_RANGE_PAST_BUCKET = 51,
    HASHMAP_MEM_VALIDATE_TOTAL_SIZE_OVERFLOW = 52,
    HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_TOTAL_SIZE = 53,
    HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE = 54,
    HASHMAP_MEM_VALIDATE_ELEMENT_COUNT_MISMATCH = 55,
    HASHMAP_MEM_VALIDATE_DUPLICATE_KEY = 56,
    HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_EMPTY_BETWEEN = 57,
    HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_TOO_FAR = 58
};

/* A sentence naming the status ("ok" for HASHMAP_MEM_OK). Static storage;
 * never NULL, also for a value that is no status. */
HASHMAP_MEM_API const char* hashmap_mem_describe(hashmap_mem_status status);

/* What hashmap_mem_layout computes and hashmap_mem_init needs. */
typedef struct hashmap_mem_map_init {
    uint32_t key_size;
    uint32_t key_alignment;
    uint32_t value_size;
    uint32_t value_alignment;
    uint32_t capacity;      /* buckets: the smallest power of two >= logical_limit */
    uint32_t logical_limit;
    uint32_t total_size;    /* bytes the block needs: 24 + capacity * bucket_size */
    uint32_t bucket_size;
    uint32_t key_offset;    /* of the key in a bucket */
    uint32_t value_offset;  /* of the value in a bucket */
} hashmap_mem_map_init;

/* Alignments are powers of two in 1..128, key_size at least 1, logical_limit
 * in 1..32768. On success fills *out; on an error zero-fills it. `out` may be
 * NULL (only the status is wanted). */
HASHMAP_MEM_API hashmap_mem_status hashmap_mem_layout(uint32_t key_size, uint32_t key_alignment, uint32_t value_size,
                                                      uint32_t value_alignment, uint32_t logical_limit,
                                                      hashmap_mem_map_init* out);

/* Writes the header and marks every bucket Empty. Trusts: `init` came from a
 * successful hashmap_mem_layout and `map` has init->total_size writable bytes. */
HASHMAP_MEM_API void hashmap_mem_init(void* map, const hashmap_mem_map_init* init) HASHMAP_MEM_NONNULL(1, 2);

/* Address of key's value (value_size bytes, any alignment), reserving a bucket
 * if the key is absent (the value bytes are yours to write). NULL when the key
 * is absent and its 32-bucket window is full; nothing changed then. */
HASHMAP_MEM_API uint8_t* hashmap_mem_get_or_reserve_entry(void* map, const void* key) HASHMAP_MEM_NONNULL(1, 2);

/* Address of key's value, or NULL. Reads only (non-const result: see "Const"). */
HASHMAP_MEM_API uint8_t* hashmap_mem_lookup(const void* map, const void* key) HASHMAP_MEM_NONNULL(1, 2);

HASHMAP_MEM_API bool hashmap_mem_has(const void* map, const void* key) HASHMAP_MEM_NONNULL(1, 2);

/* True if the key was there. Nothing moves: a running scan is not disturbed. */
HASHMAP_MEM_API bool hashmap_mem_remove(void* map, const void* key) HASHMAP_MEM_NONNULL(1, 2);

/* Copies every source entry into target (source's values win), all or
 * nothing: HASHMAP_MEM_OK, or an HASHMAP_MEM_OVERWRITE_* error and target
 * holds exactly what it held. Source is never written. */
HASHMAP_MEM_API hashmap_mem_status hashmap_mem_overwrite(void* target, const void* source) HASHMAP_MEM_NONNULL(1, 2);

#define HASHMAP_MEM_END_OF_SCAN 0xFFFFu

typedef struct hashmap_mem_entry {
    const uint8_t* key;  /* NULL at the end */
    uint8_t* value;      /* NULL at the end */
    uint16_t index;      /* bucket index; HASHMAP_MEM_END_OF_SCAN at the end */
} hashmap_mem_entry;

/* The first Occupied bucket at index >= start, or {NULL, NULL, 0xFFFF}. A full
 * scan starts at 0 and goes on at index + 1; removing the returned entry
 * during a scan is safe. Reads only (non-const value: see "Const"). */
HASHMAP_MEM_API hashmap_mem_entry hashmap_mem_find_next_valid_entry(const void* map, uint32_t start) HASHMAP_MEM_NONNULL(1);

/* The header's fields, without knowing its offsets: entries in the map now;
 * buckets (a power of two); the logical_limit given to hashmap_mem_layout.
 * The limit is no promise of room: inserts do not check it (overwrite does),
 * and one is refused whenever its key's 32-bucket window is full
 * (docs/sizing.md). */
HASHMAP_MEM_API uint32_t hashmap_mem_element_count(const void* map) HASHMAP_MEM_NONNULL(1);
HASHMAP_MEM_API uint32_t hashmap_mem_capacity(const void* map) HASHMAP_MEM_NONNULL(1);
HASHMAP_MEM_API uint32_t hashmap_mem_logical_limit(const void* map) HASHMAP_MEM_NONNULL(1);

/* Whether `size` bytes at `block` (from a file, the network) are a map every
 * other function may be given: HASHMAP_MEM_OK or the first problem, an
 * HASHMAP_MEM_VALIDATE_* error. Reads only those bytes, never writes (block
 * may be NULL when size is 0). `bucket` may be NULL; else it receives the
 * bucket the problem is in (0 when it is in none). */
HASHMAP_MEM_API hashmap_mem_status hashmap_mem_validate(const void* block, size_t size, uint32_t* bucket);

#ifdef __cplusplus
}
#endif

#endif /* HASHMAP_MEM_H */
