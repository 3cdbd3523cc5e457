// ops_fuzzer: one map: bytes become a layout and put/get/has/del/next/scan/check ops, each checked
// against the model and every invariant.
// Byte format: harness/fuzz_input/ops_input.cpp. Replay: ops_fuzzer_replay FILE.
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return hashmap_mem::fuzz::run_target(hashmap_mem::harness::FuzzTarget::Ops, data, size);
}
