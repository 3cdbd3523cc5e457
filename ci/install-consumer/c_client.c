/* A C program against the installed library: a map of 16-byte keys (a VM's
 * interned names, say) to u32 slots; prints one line and exits 0 when every
 * answer is right. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashmap_mem/hashmap_mem.h"

static int fail(const char* what) {
    fprintf(stderr, "c_client: %s\n", what);
    return 1;
}

int main(void) {
    hashmap_mem_map_init init;
    hashmap_mem_status status = hashmap_mem_layout(16, 1, 4, 4, 500, &init);
    if (status != HASHMAP_MEM_OK) return fail(hashmap_mem_describe(status));
    uint8_t* map = malloc(init.total_size);
    if (map == NULL) return fail("out of memory");
    hashmap_mem_init(map, &init);

    char name[16];
    for (uint32_t i = 0; i < 300; ++i) {
        memset(name, 0, sizeof name);
        snprintf(name, sizeof name, "name-%u", (unsigned)i);
        uint8_t* slot = hashmap_mem_get_or_reserve_entry(map, name);
        if (slot == NULL) continue; /* window full for this key: allowed, rare */
        memcpy(slot, &i, sizeof i);
    }
    memset(name, 0, sizeof name);
    snprintf(name, sizeof name, "name-%u", 123u);
    uint32_t slot_value = 0;
    const uint8_t* found = hashmap_mem_lookup(map, name);
    if (found == NULL) return fail("name-123 not found");
    memcpy(&slot_value, found, sizeof slot_value);
    if (slot_value != 123 || !hashmap_mem_remove(map, name) || hashmap_mem_has(map, name)) return fail("wrong answers");

    /* Read through a const pointer, as a read-only image is read. */
    const uint8_t* image = map;
    uint32_t entries = 0;
    for (hashmap_mem_entry e = hashmap_mem_find_next_valid_entry(image, 0); e.key != NULL;
         e = hashmap_mem_find_next_valid_entry(image, e.index + 1u)) {
        ++entries;
    }
    if (entries != hashmap_mem_element_count(image) || hashmap_mem_capacity(image) != 512 ||
        hashmap_mem_logical_limit(image) != 500) {
        return fail("the header's fields disagree with the scan or the layout");
    }
    uint32_t bucket = 0;
    if (hashmap_mem_validate(map, init.total_size, &bucket) != HASHMAP_MEM_OK) return fail("validate refused the map");
    map[24] = 9; /* bucket 0's status byte: not 0, 1 or 2 */
    status = hashmap_mem_validate(map, init.total_size, &bucket);
    if (status != HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE || bucket != 0) return fail("validate missed a bad status byte");
    printf("c_client: %u entries, then refused: %s\n", (unsigned)entries, hashmap_mem_describe(status));
    free(map);
    return 0;
}
