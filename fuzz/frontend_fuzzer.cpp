// frontend_fuzzer: ops_fuzzer's ops with every map run through the C API or
// MapView, the one target whose MapView code is covered (the others run it
// uncovered: harness/front_ends/front_ends_views.ignorelist).
// Byte format: harness/fuzz_input/ops_input.cpp. Replay: frontend_fuzzer_replay FILE.
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return hashmap_mem::fuzz::run_target(hashmap_mem::harness::FuzzTarget::FrontEnds, data, size);
}
