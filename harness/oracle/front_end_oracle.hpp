// Every front end's own outputs and refusals through the oracle: for a layout
// (layout and new ops) and for an image (load ops), what the C++ API, the C
// API and MapView answer (front_end.hpp's observe_*) against what the
// reference expects (reference.hpp): error kinds, C statuses, out-parameters
// on success and on failure, describe texts, MapView's bytes_for, create and
// attach verdicts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "script/op.hpp"

namespace hashmap_mem::harness {

// "" when every front end answered the layout as the reference does, else
// the first disagreement. Arguments above u32 are the executor's to refuse: "".
std::string check_layout_front_ends(const LayoutArgs& args);

// The same for validate and attach on `size` bytes at `block`.
std::string check_validate_front_ends(const std::uint8_t* block, std::size_t size);

// What the executor's load must answer: "ok" or "error <sentence>".
std::string expected_load_line(const std::uint8_t* block, std::size_t size);

}  // namespace hashmap_mem::harness
