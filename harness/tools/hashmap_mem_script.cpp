// hashmap-mem-script: runs op scripts (SPEC §9) against the map.
//
//   hashmap-mem-script < script           one result line per command
//   hashmap-mem-script --model < script   the same, each op also checked against
//                                         the std::unordered_map model and every
//                                         invariant; exits 1 at the first break
//   hashmap-mem-script --check FILE...    conformance files "COMMAND => RESULT";
//                                         every mismatch as file:line; exit 1 if any
//   hashmap-mem-script --decode TARGET FILE   the op script a fuzz input means
//                                         (TARGET: ops_fuzzer, overwrite_fuzzer,
//                                         scan_fuzzer, image_fuzzer); pipe it
//                                         into --model to replay it
//   hashmap-mem-script --help             this usage and every script command
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "run/checked_executor.hpp"
#include "script/conformance.hpp"
#include "run/executor.hpp"
#include "fuzz_input/fuzz_decoder.hpp"
#include "script/script.hpp"

namespace {

using namespace hashmap_mem::harness;

constexpr const char* USAGE =
    "usage: hashmap-mem-script [--model] < SCRIPT\n"
    "       hashmap-mem-script --check FILE...\n"
    "       hashmap-mem-script --decode TARGET FILE\n"
    "       hashmap-mem-script --help\n";

// --help: to stdout, exit 0; the commands come from the parser's own table.
int help() {
    std::cout << USAGE
              << "\nA script is one command per line (SPEC section 9): '#' starts a comment, bytes are\n"
                 "lowercase hex ('.' is empty), ID names a map. Each command prints one result line:\n"
              << script_commands_help();
    return 0;
}

int run_script(std::istream& in, bool with_model) {
    Executor plain;
    CheckedExecutor checked;
    std::string line;
    int status = 0;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        const ParsedLine parsed = parse_line(line);
        if (const auto* bad = std::get_if<ParseError>(&parsed)) {
            std::cout << "error line " << number << ": " << bad->message << '\n';
            status = 1;
            continue;
        }
        if (!std::holds_alternative<Op>(parsed)) continue;
        const Op& op = std::get<Op>(parsed);
        if (!with_model) {
            std::cout << plain.execute(op) << '\n';
            continue;
        }
        const StepResult step = checked.execute(op);
        std::cout << step.result << '\n';
        if (!step.failure.empty()) {
            std::cout.flush();
            std::cerr << "line " << number << ": " << checked.report(step.failure);
            return 1;
        }
    }
    return status;
}

int run_check(int argc, char** argv) {
    ConformanceReport report;
    for (int i = 2; i < argc; ++i) {
        std::ifstream file(argv[i]);
        if (!file) {
            report.mismatches.push_back(std::string(argv[i]) + ": cannot open: " + std::strerror(errno));
            continue;
        }
        check_conformance(argv[i], file, report);
    }
    for (const std::string& mismatch : report.mismatches) std::cerr << mismatch << '\n';
    std::cout << "conformance: " << report.passed << " passed, " << report.mismatches.size() << " failed\n";
    return report.mismatches.empty() ? 0 : 1;
}

int run_decode(const char* target_name, const char* path) {
    const auto target = fuzz_target_named(target_name);
    if (!target) {
        std::cerr << "unknown fuzz target '" << target_name
                  << "' (ops_fuzzer, overwrite_fuzzer, scan_fuzzer, image_fuzzer)\n";
        return 2;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::cerr << path << ": cannot open: " << std::strerror(errno) << '\n';
        return 2;
    }
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::cout << "# " << fuzz_target_name(*target) << " input " << path << " (" << bytes.size() << " bytes)\n"
              << print(decode_fuzz_input(*target, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) return help();
    if (argc >= 2 && std::strcmp(argv[1], "--check") == 0) {
        if (argc == 2) {
            std::cerr << USAGE;
            return 2;
        }
        return run_check(argc, argv);
    }
    if (argc == 4 && std::strcmp(argv[1], "--decode") == 0) return run_decode(argv[2], argv[3]);
    if (argc == 2 && std::strcmp(argv[1], "--model") == 0) return run_script(std::cin, true);
    if (argc == 1) return run_script(std::cin, false);
    std::cerr << "hashmap-mem-script: unexpected arguments starting at '" << argv[1] << "'\n" << USAGE;
    return 2;
}
