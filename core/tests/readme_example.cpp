// A map from u32 keys to u64 values in memory the caller owns.
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "hashmap_mem/hashmap_mem.hpp"

int main() {
    namespace hm = hashmap_mem;

    // Limit 100 (capacity 128): key_size, key_alignment, value_size, value_alignment, logical_limit.
    // An insert can still be refused (window full): docs/sizing.md.
    const hm::LayoutResult layout = hm::layout(4, 4, 8, 8, 100);
    if (!layout) {
        std::printf("bad layout: %s\n", hm::describe(layout.error));
        return 1;
    }
    std::vector<std::uint8_t> memory(layout.map_init.total_size);  // 24 + 128 buckets * 16 bytes
    void* map = memory.data();
    hm::init(map, layout.map_init);

    // put: reserve the key's bucket, then write its value. Null means the
    // key's 32-bucket window is full; nothing changed.
    for (std::uint32_t key = 1; key <= 10; ++key) {
        const std::uint64_t value = key * 1000ull;
        std::uint8_t* slot = hm::get_or_reserve_entry(map, &key);
        assert(slot != nullptr);
        std::memcpy(slot, &value, sizeof value);  // values may be unaligned: copy bytes
    }

    // get, has, remove.
    const std::uint32_t seven = 7;
    std::uint64_t value = 0;
    std::memcpy(&value, hm::lookup(map, &seven), sizeof value);
    assert(value == 7000);
    assert(hm::remove(map, &seven));
    assert(!hm::has(map, &seven) && hm::lookup(map, &seven) == nullptr);

    // Scan: every entry once, in bucket order.
    std::uint64_t sum = 0;
    for (hm::Entry e = hm::find_next_valid_entry(map, 0); e.key != nullptr;
         e = hm::find_next_valid_entry(map, e.index + 1u)) {
        std::memcpy(&value, e.value, sizeof value);
        sum += value;
    }
    assert(sum == 55000 - 7000);

    // An image from outside (a file, the network) must pass validate before
    // any other call may touch it.
    std::vector<std::uint8_t> received(memory);
    assert(hm::validate(received.data(), received.size()));
    received[23] = 0;  // damage the secret code
    const hm::ValidateResult check = hm::validate(received.data(), received.size());
    assert(!check && check.error == hm::ValidateError::BadSecretCode);
    std::printf("rejected: %s\n", hm::describe(check.error));
    return 0;
}
