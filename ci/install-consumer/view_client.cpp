// A C++ program against the installed library: MapView over a block of its
// own, and the C header from C++. Prints one line, exits 0 when all is right.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "hashmap_mem/hashmap_mem.h"
#include "hashmap_mem/map_view.hpp"

int main() {
    using Counts = hashmap_mem::MapView<std::uint64_t, std::uint32_t>;
    std::vector<std::uint64_t> block(Counts::bytes_for(1000) / 8 + 1);
    Counts::Result made = Counts::create(block.data(), block.size() * 8, 1000);
    if (!made) {
        std::fprintf(stderr, "view_client: %s\n", made.why());
        return 1;
    }
    Counts& counts = *made;
    for (std::uint64_t word = 0; word < 5000; ++word) {
        const std::uint64_t key = word * 2654435761u % 700;
        if (std::uint32_t* n = counts.find(key)) {
            ++*n;
        } else if (!counts.insert_or_assign(key, 1)) {
            std::fprintf(stderr, "view_client: window full for %llu\n", static_cast<unsigned long long>(key));
        }
    }
    std::uint64_t total = 0;
    for (auto [key, n] : counts) total += n;
    const bool valid = hashmap_mem_validate(counts.data(), block.size() * 8, nullptr) == HASHMAP_MEM_OK;
    if (total != 5000 || !valid) {
        std::fprintf(stderr, "view_client: total %llu, valid %d\n", static_cast<unsigned long long>(total), valid);
        return 1;
    }
    std::printf("view_client: %zu keys, %llu counted\n", counts.size(), static_cast<unsigned long long>(total));
    return 0;
}
