// scan_fuzzer: ops interleaved with full scans, scans that remove every k-th entry, and next from
// starts in and past the table.
// Byte format: harness/fuzz_input/scan_input.cpp. Replay: scan_fuzzer_replay FILE.
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return hashmap_mem::fuzz::run_target(hashmap_mem::harness::FuzzTarget::Scan, data, size);
}
