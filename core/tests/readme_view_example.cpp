// The same map through the typed view: u32 keys, Point values.
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "hashmap_mem/map_view.hpp"

struct Point {
    std::int32_t x, y;
};

int main() {
    using Points = hashmap_mem::MapView<std::uint32_t, Point>;

    // A block for limit 100, 8-aligned (the view checks size and alignment).
    std::vector<std::uint64_t> memory(Points::bytes_for(100) / 8 + 1);
    Points::Result made = Points::create(memory.data(), memory.size() * 8, 100);
    if (!made) {
        std::printf("cannot create: %s\n", made.why());
        return 1;
    }
    Points& points = *made;

    for (std::uint32_t id = 1; id <= 10; ++id) {
        const bool stored = points.insert_or_assign(id, Point{static_cast<std::int32_t>(id), 0});
        assert(stored);  // false only when the key's 32-bucket window is full
    }
    assert(points.size() == 10 && points.contains(7));
    points.find(7)->y = 70;  // values live in the block
    assert(points.erase(7) && points.find(7) == nullptr);

    // In bucket order; value is a Point& in the block. Erasing the current
    // entry during the loop is safe.
    for (auto [id, point] : points) {
        point.y = point.x * 2;
        if (id % 2 == 0) points.erase(id);
    }
    assert(points.size() == 4 && points.find(9)->y == 18);  // 1, 3, 5, 9 are left

    // An image from elsewhere: attach validates it and checks the key and
    // value sizes against the types.
    std::vector<std::uint64_t> copy(memory);
    assert(Points::attach(copy.data(), copy.size() * 8));
    const auto wrong = hashmap_mem::MapView<std::uint64_t, Point>::attach(copy.data(), copy.size() * 8);
    assert(!wrong);
    std::printf("refused: %s\n", wrong.why());
    return 0;
}
