#include "script/conformance.hpp"

#include <istream>

#include "hashmap_mem/header.hpp"
#include "run/executor.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {

namespace {

bool images_match(const std::string& got_hex, const std::string& expected_hex) {
    if (got_hex.size() != expected_hex.size()) return false;
    const auto expected = from_hex(expected_hex);
    const auto got = from_hex(got_hex);
    if (!expected || !got || expected->size() < MAP_BUCKETS_OFFSET) return got_hex == expected_hex;
    const std::uint32_t bucket_size = read_header(expected->data()).bucket_size;
    for (std::size_t i = 0; i < got->size(); ++i) {
        if ((*got)[i] == (*expected)[i]) continue;
        const bool status_byte = i >= MAP_BUCKETS_OFFSET && bucket_size != 0 && (i - MAP_BUCKETS_OFFSET) % bucket_size == 0;
        if (!(status_byte && (*got)[i] == 0 && (*expected)[i] == 1)) return false;
    }
    return true;
}

std::string shorten(const std::string& text) { return text.size() <= 80 ? text : text.substr(0, 77) + "..."; }

}  // namespace

bool result_matches(const std::string& command, const std::string& got, const std::string& expected) {
    if (got == expected) return true;
    if (expected == "error") return got.rfind("error ", 0) == 0;
    if (command.rfind("img ", 0) == 0) return images_match(got, expected);
    return false;
}

void check_conformance(const std::string& name, std::istream& lines, ConformanceReport& report) {
    Executor executor;
    std::string line;
    for (std::size_t number = 1; std::getline(lines, line); ++number) {
        const std::string where = name + ":" + std::to_string(number) + ": ";
        const auto expectation = split_expectation(line);
        if (std::holds_alternative<std::monostate>(expectation)) continue;
        if (const auto* bad = std::get_if<ParseError>(&expectation)) {
            report.mismatches.push_back(where + bad->message);
            continue;
        }
        const auto& [command, expected] = std::get<ExpectedLine>(expectation);
        const ParsedLine parsed = parse_line(command);
        if (const auto* bad = std::get_if<ParseError>(&parsed)) {
            report.mismatches.push_back(where + bad->message);
            continue;
        }
        if (!std::holds_alternative<Op>(parsed)) continue;
        const std::string got = executor.execute(std::get<Op>(parsed));
        if (result_matches(command, got, expected)) {
            ++report.passed;
        } else {
            report.mismatches.push_back(where + shorten(command) + ": expected '" + shorten(expected) + "', got '" +
                                        shorten(got) + "'");
        }
    }
}

}  // namespace hashmap_mem::harness
