// Built by the map_view_refuses_* tests, each with one REFUSE_* defined: the
// build must fail with MapView's static_assert (the test matches its text).
#include <cstdint>

#include "hashmap_mem/map_view.hpp"

namespace {

struct PaddedKey {
    std::uint8_t tag;  // 3 padding bytes follow: equal keys could hash differently
    std::uint32_t id;
};

struct alignas(16) OverAligned {
    std::uint64_t words[2];
};

#if defined(REFUSE_PADDED_KEY)
using Refused = hashmap_mem::MapView<PaddedKey, std::uint32_t>;
#elif defined(REFUSE_FLOAT_KEY)
using Refused = hashmap_mem::MapView<double, std::uint32_t>;
#elif defined(REFUSE_OVER_ALIGNED_VALUE)
using Refused = hashmap_mem::MapView<std::uint32_t, OverAligned>;
#endif

}  // namespace

int main() { return static_cast<int>(Refused::bytes_for(8)); }
