// overwrite_fuzzer: maps a and b with equal, differently aligned or mismatched layouts; ops and
// overwrite in both directions and onto itself.
// Byte format: harness/fuzz_input/overwrite_input.cpp. Replay: overwrite_fuzzer_replay FILE.
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return hashmap_mem::fuzz::run_target(hashmap_mem::harness::FuzzTarget::Overwrite, data, size);
}
