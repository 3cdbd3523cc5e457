// The op script text format: parse a line into an Op, print an Op as a line.
// print(parse(line)) == line for every well-formed line.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "script/op.hpp"

namespace hashmap_mem::harness {

struct ParseError {
    std::string message;  // names the problem, e.g. "put: key 'zz' is not hex"
};

// A blank or '#' line parses to std::monostate.
using ParsedLine = std::variant<std::monostate, Op, ParseError>;

ParsedLine parse_line(std::string_view line);

std::string print(const Op& op);
std::string print(const std::vector<Op>& ops);  // one line each, '\n'-terminated

// Every command, one line each: its arguments and what it prints.
std::string script_commands_help();

// Conformance lines: "COMMAND => RESULT".
struct ExpectedLine {
    std::string command;
    std::string result;
};
std::variant<std::monostate, ExpectedLine, ParseError> split_expectation(std::string_view line);

}  // namespace hashmap_mem::harness
