// Fuzz inputs as op scripts: one decoder per libFuzzer target turns any bytes
// into a sequence of Ops (SPEC §9), so a crash prints as a replayable script
// (`hashmap-mem-script --decode TARGET FILE`). Short inputs are meaningful: a
// layout in 4 bytes, then a byte or two per op; keys come from a per-input pool
// whose first keys share one home bucket (often near capacity - 1), so 33 puts
// fill a 32-bucket window and probes wrap at the table's end, and whose last
// keys are near-duplicates of the first (one byte or one word changed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "script/op.hpp"

namespace hashmap_mem::harness {

enum class FuzzTarget : std::uint8_t {
    Ops,        // ops_fuzzer: one map, put/get/has/del/next/scan/check
    Overwrite,  // overwrite_fuzzer: maps a and b, ops and ow in both directions and onto itself
    Scan,       // scan_fuzzer: one map, ops interleaved with scans and next beyond capacity
    Image,      // image_fuzzer: a raw or corrupted image given to load, then ops on it
    FrontEnds,  // frontend_fuzzer: ops_fuzzer's ops, every map through the C API or MapView
};

inline constexpr FuzzTarget ALL_FUZZ_TARGETS[] = {FuzzTarget::Ops, FuzzTarget::Overwrite, FuzzTarget::Scan,
                                                  FuzzTarget::Image, FuzzTarget::FrontEnds};

// "ops_fuzzer" etc., the libFuzzer executable's name.
const char* fuzz_target_name(FuzzTarget target);
// Accepts "ops_fuzzer" or "ops" (and the others alike).
std::optional<FuzzTarget> fuzz_target_named(std::string_view name);

// Total for every input: any bytes (also none) decode to a script.
std::vector<Op> decode_fuzz_input(FuzzTarget target, const std::uint8_t* data, std::size_t size);

// Decodes and runs the input through a CheckedExecutor: "" when every answer
// and invariant held, else CheckedExecutor::report of the first failure.
std::string run_fuzz_input(FuzzTarget target, const std::uint8_t* data, std::size_t size);

}  // namespace hashmap_mem::harness
