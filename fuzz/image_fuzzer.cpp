// image_fuzzer: the security target: a raw or corrupted image given to validate (load); when
// accepted, ops on it against a model seeded from its buckets.
// Byte format: harness/fuzz_input/image_input.cpp. Replay: image_fuzzer_replay FILE.
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return hashmap_mem::fuzz::run_target(hashmap_mem::harness::FuzzTarget::Image, data, size);
}
