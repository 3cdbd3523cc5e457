// scan_fuzzer's byte format: one map, ops interleaved with scans and next
// from starts in and beyond the table.

#include "fuzz_input/input_reading.hpp"

namespace hashmap_mem::harness::fuzz_input {

// Ops with scans between them: full scans, scans that remove every k-th
// entry or put a key while scanning, and next from any start, in the table or
// past its end.
void decode_scan(ByteReader& in, Script& s) {
    const LayoutArgs layout = decode_layout(in);
    const std::uint32_t capacity = capacity_of(layout.logical_limit);
    const std::uint8_t home_byte = in.byte();
    const std::uint32_t home = decode_home(home_byte, capacity);
    const MapState m = make_map(in, "m", layout, capacity, home, home_byte);
    s.new_map(m);
    for (std::size_t n = 0; n < max_ops(capacity) && !in.done(); ++n) {
        const std::uint8_t b = in.byte();
        const std::uint8_t arg = b & 31;
        switch (b >> 5) {
            case 0:
            case 1: s.keyed(OpKind::Put, m, in.byte()); break;
            case 2: s.keyed(OpKind::Del, m, in.byte()); break;
            case 3: s.keyed((arg & 1) != 0 ? OpKind::Has : OpKind::Get, m, in.byte()); break;
            case 4:
                if ((arg & 1) != 0) s.on_map(OpKind::ScanDel, m, 1u + (arg >> 1) % 4u);
                else s.on_map(OpKind::Scan, m);
                break;
            case 5: s.on_map(OpKind::Next, m, arg); break;
            case 6: s.on_map(OpKind::Next, m, start_beyond(arg, m.capacity)); break;
            default:
                if ((arg & 1) != 0) s.keyed(OpKind::ScanPut, m, in.byte(), 1u + (arg >> 1) % 4u);
                else s.on_map(OpKind::Check, m);
                break;
        }
    }
}

}  // namespace hashmap_mem::harness::fuzz_input
