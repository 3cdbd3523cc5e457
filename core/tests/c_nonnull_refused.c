/* Built by the test c_nonnull_refused, which passes only when this fails to
 * compile: a literal NULL where hashmap_mem.h says nonnull is an error under
 * -Werror=nonnull (GCC and clang), not a crash at run time. */
#include <stddef.h>

#include "hashmap_mem/hashmap_mem.h"

int main(void) {
    const unsigned key = 1;
    return hashmap_mem_lookup(NULL, &key) != NULL;
}
