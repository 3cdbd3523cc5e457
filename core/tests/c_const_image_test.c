/* C11 under -Wall -Wextra -Werror: a map image reached only through a const
 * pointer (as a const buffer or a read-only mmap is) can be validated, read,
 * looked up and scanned. On POSIX the pages are made read-only first, so a
 * write by any of these functions would crash the test. */
#define _DEFAULT_SOURCE 1 /* mmap and MAP_ANONYMOUS under -std=c11 (glibc) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashmap_mem/hashmap_mem.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#define READ_ONLY_PAGES 1
#endif

static int fail(const char* what) {
    fprintf(stderr, "c_const_image_test: %s\n", what);
    return 1;
}

/* Checks the map through `image` alone: every call takes a const pointer. */
static int read_image(const void* image, size_t size) {
    uint32_t bucket = 0;
    if (hashmap_mem_validate(image, size, &bucket) != HASHMAP_MEM_OK) return fail("validate refused the image");
    if (hashmap_mem_element_count(image) != 40 || hashmap_mem_capacity(image) != 64 ||
        hashmap_mem_logical_limit(image) != 50) {
        return fail("wrong header fields");
    }
    for (uint32_t key = 0; key < 40; ++key) {
        const uint8_t* value = hashmap_mem_lookup(image, &key);
        uint32_t got = 0;
        if (value == NULL || !hashmap_mem_has(image, &key)) return fail("a key is missing");
        memcpy(&got, value, sizeof got);
        if (got != key * 3u) return fail("a value is wrong");
    }
    const uint32_t absent = 1000;
    if (hashmap_mem_lookup(image, &absent) != NULL || hashmap_mem_has(image, &absent)) return fail("an absent key found");
    uint32_t seen = 0;
    for (hashmap_mem_entry e = hashmap_mem_find_next_valid_entry(image, 0); e.key != NULL;
         e = hashmap_mem_find_next_valid_entry(image, e.index + 1u)) {
        ++seen;
    }
    return seen == 40 ? 0 : fail("the scan missed entries");
}

int main(void) {
    hashmap_mem_map_init init;
    if (hashmap_mem_layout(4, 4, 4, 4, 50, &init) != HASHMAP_MEM_OK) return fail("layout refused");
#ifdef READ_ONLY_PAGES
    uint8_t* block = mmap(NULL, init.total_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) return fail("mmap failed");
#else
    uint8_t* block = malloc(init.total_size);
    if (block == NULL) return fail("out of memory");
#endif
    hashmap_mem_init(block, &init);
    for (uint32_t key = 0; key < 40; ++key) {
        const uint32_t value = key * 3u;
        uint8_t* slot = hashmap_mem_get_or_reserve_entry(block, &key);
        if (slot == NULL) return fail("an insert was refused");
        memcpy(slot, &value, sizeof value);
    }
#ifdef READ_ONLY_PAGES
    if (mprotect(block, init.total_size, PROT_READ) != 0) return fail("mprotect failed");
#endif
    const uint8_t* image = block;
    const int result = read_image(image, init.total_size);
    if (result == 0) printf("c_const_image_test: 40 entries read through a const, read-only image\n");
    return result;
}
