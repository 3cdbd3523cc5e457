// Conformance files: lines "COMMAND => RESULT" made by running the Rust crate.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hashmap_mem::harness {

// Whether `got` matches the expected result: "error" matches any "error <why>";
// an img may have status byte 0 where the expected image has 1 (reclaimed
// Tombstone); everything else must be equal.
bool result_matches(const std::string& command, const std::string& got, const std::string& expected);

struct ConformanceReport {
    std::size_t passed = 0;
    std::vector<std::string> mismatches;  // "file:line: COMMAND: expected X, got Y"
};

// Runs one file's lines in a fresh set of maps.
void check_conformance(const std::string& name, std::istream& lines, ConformanceReport& report);

}  // namespace hashmap_mem::harness
