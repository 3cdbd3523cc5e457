/* The map from C: u32 keys to u64 values in memory the caller owns. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashmap_mem/hashmap_mem.h"

int main(void) {
    /* Limit 100 (capacity 128): key_size, key_alignment, value_size, value_alignment, logical_limit.
     * An insert can still be refused (window full): docs/sizing.md. */
    hashmap_mem_map_init init;
    hashmap_mem_status status = hashmap_mem_layout(4, 4, 8, 8, 100, &init);
    if (status != HASHMAP_MEM_OK) {
        printf("bad layout: %s\n", hashmap_mem_describe(status));
        return 1;
    }
    void* map = calloc(1, init.total_size); /* 24 + 128 buckets * 16 bytes */
    if (map == NULL) return 1;
    hashmap_mem_init(map, &init);

    /* put: reserve the key's bucket, then write its value (NULL: window full). */
    for (uint32_t key = 1; key <= 10; ++key) {
        const uint64_t value = key * 1000u;
        uint8_t* slot = hashmap_mem_get_or_reserve_entry(map, &key);
        assert(slot != NULL);
        memcpy(slot, &value, sizeof value); /* values may be unaligned: copy bytes */
    }

    /* get, has, remove. */
    const uint32_t seven = 7;
    uint64_t value = 0;
    memcpy(&value, hashmap_mem_lookup(map, &seven), sizeof value);
    assert(value == 7000);
    assert(hashmap_mem_remove(map, &seven));
    assert(!hashmap_mem_has(map, &seven) && hashmap_mem_lookup(map, &seven) == NULL);

    /* Scan: every entry once, in bucket order. */
    uint64_t sum = 0;
    for (hashmap_mem_entry e = hashmap_mem_find_next_valid_entry(map, 0); e.key != NULL;
         e = hashmap_mem_find_next_valid_entry(map, e.index + 1u)) {
        memcpy(&value, e.value, sizeof value);
        sum += value;
    }
    assert(sum == 55000 - 7000);

    /* An image from outside must pass validate before any other call. */
    uint8_t* received = malloc(init.total_size);
    if (received == NULL) return 1;
    memcpy(received, map, init.total_size);
    assert(hashmap_mem_validate(received, init.total_size, NULL) == HASHMAP_MEM_OK);
    received[23] = 0; /* damage the secret code */
    uint32_t bucket = 0;
    status = hashmap_mem_validate(received, init.total_size, &bucket);
    assert(status == HASHMAP_MEM_VALIDATE_BAD_SECRET_CODE);
    printf("rejected: %s\n", hashmap_mem_describe(status));

    free(received);
    free(map);
    return 0;
}
