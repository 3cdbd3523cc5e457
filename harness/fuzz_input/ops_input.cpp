// ops_fuzzer's byte format, and frontend_fuzzer's (the same, front end
// picked differently): a layout (or five raw u32s), one map, its ops.

#include "fuzz_input/input_reading.hpp"
#include "oracle/reference.hpp"

namespace hashmap_mem::harness::fuzz_input {

namespace {

// A u32 as users pass one: 0, edges of every check (powers of two, 128 and
// 256 for alignments, 32768 for limits, sizes whose total_size passes u32),
// or any 4 bytes.
std::uint64_t decode_raw_u32(ByteReader& in) {
    constexpr std::uint32_t EDGES[32] = {0,     1,       2,       3,       4,         5,          7,          8,
                                         9,     16,      24,      33,      64,        127,        128,        129,
                                         255,   256,     257,     32767,   32768,     32769,      65536,      1u << 20,
                                         1u << 24, 1u << 27, 1u << 28, 1u << 31, 0x7fffffffu, 0xfffffff0u, 0xfffffffeu, 0xffffffffu};
    const std::uint8_t b = in.byte();
    if (b < 224) return EDGES[b % 32u];
    return std::uint64_t{in.u16()} | std::uint64_t{in.u16()} << 16;
}

// Five raw u32 layout arguments: `layout` (its numbers checked against a
// 64-bit recomputation), then `new` if the core must refuse it or it is
// small, then ops when it made a map the key pool can serve.
bool decode_raw_layout(ByteReader& in, Script& s, LayoutArgs& layout) {
    layout.key_size = decode_raw_u32(in);
    layout.key_alignment = decode_raw_u32(in);
    layout.value_size = decode_raw_u32(in);
    layout.value_alignment = decode_raw_u32(in);
    layout.logical_limit = decode_raw_u32(in);
    s.layout(layout);
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(layout);
    return numbers && numbers->total_size <= (std::uint64_t{1} << 20) && layout.key_size <= 64 &&
           layout.value_size <= 64 && numbers->capacity <= 512;
}

}  // namespace

// ops_fuzzer's format. `front_ends`: frontend_fuzzer's, where the home
// byte's top bit picks the C API or MapView (the C API for sizes MapView
// does not serve): the one target whose MapView code is covered (see
// harness/front_ends/front_ends_views.ignorelist).
void decode_ops(ByteReader& in, Script& s, bool front_ends) {
    LayoutArgs layout;
    if (in.size() > 0 && in.peek() >= 248) {
        in.byte();
        if (!decode_raw_layout(in, s, layout)) {
            if (!reference::layout(layout)) s.new_map(MapState{"m", layout, 1, nullptr, {}});  // must be refused
            return;
        }
    } else {
        layout = decode_layout(in, Limits::UpTo512);
    }
    const std::uint32_t capacity = capacity_of(layout.logical_limit);
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    if (front_ends) {
        const bool view = (home_byte & 0x80) != 0 &&
                          front_end_serves(FrontEnd::View, static_cast<std::uint32_t>(layout.key_size),
                                           static_cast<std::uint32_t>(layout.value_size));
        m.front_end = view ? FrontEnd::View : FrontEnd::C;
    }
    s.new_map(m);
    const std::size_t ops = capacity > 64 ? 64 : MAX_OPS;
    for (std::size_t n = 0; n < ops && !in.done(); ++n) decode_map_op(in, s, m);
}

}  // namespace hashmap_mem::harness::fuzz_input
