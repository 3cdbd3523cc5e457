// What every fuzz target does with its input: decode it with the harness
// decoder, run the ops through CheckedExecutor (model + every invariant after
// every op), and on the first failure print the replayable script and abort,
// so libFuzzer (or the replay main) reports a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_input/fuzz_decoder.hpp"

namespace hashmap_mem::fuzz {

inline int run_target(harness::FuzzTarget target, const std::uint8_t* data, std::size_t size) {
    const std::string failure = harness::run_fuzz_input(target, data, size);
    if (!failure.empty()) {
        std::fputs(failure.c_str(), stderr);
        std::fflush(stderr);
        std::abort();
    }
    return 0;
}

}  // namespace hashmap_mem::fuzz
