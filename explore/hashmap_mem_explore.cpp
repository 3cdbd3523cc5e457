// hashmap-mem-explore: exhaustive small-scope checking (explore/explorer.cpp).
//
//   hashmap-mem-explore --scope NAME|all|bounded   one line per scope: states,
//                       transitions, overwrite pairs, depth, seconds, and
//                       "complete" or the bound that stopped the walk (and
//                       whether the ow pairs were sampled); at the first
//                       failure its report (the shortest script that reaches
//                       it, for hashmap-mem-script --model) and exit 1
//       --max-depth N, --max-states N   tighter bounds than the scope's own (N >= 1)
//   hashmap-mem-explore --list                     the scopes, one per line
//   hashmap-mem-explore --help                     usage and options, to stdout
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "explorer.hpp"

namespace {

using namespace hashmap_mem::harness;

constexpr const char* USAGE =
    "usage: hashmap-mem-explore --scope NAME|all|bounded [--max-depth N] [--max-states N]\n"
    "       hashmap-mem-explore --list\n"
    "       hashmap-mem-explore --help\n";

constexpr const char* HELP =
    "\nExhaustive small-scope checking: every state reachable in a scope, every op from\n"
    "each, checked against the model and every invariant. One line per scope, then\n"
    "\"N scopes in S s\"; at the first failure, the shortest script reaching it (for\n"
    "hashmap-mem-script --model) and exit 1.\n"
    "  --scope NAME      a scope --list prints (either list), 'all' (the first list), or\n"
    "                    'bounded' (the second: the ctest exhaustive_bounded)\n"
    "  --max-depth N     stop each scope at depth N (N >= 1; tighter than its own bound)\n"
    "  --max-states N    stop each scope after N states (N >= 1)\n"
    "Exit: 0 passed, 1 a failure found, 2 bad arguments.\n";

int bad_arguments(const std::string& why) {
    std::cerr << "hashmap-mem-explore: " << why << '\n' << USAGE;
    return 2;
}

// A whole number from 1, digits only: "abc", "-5", "+5", "0" and "5x" are refused.
bool parse_count(const char* text, std::size_t& out) {
    const char* end = text + std::strlen(text);
    const auto [stop, error] = std::from_chars(text, end, out);
    return error == std::errc() && stop == end && text != end && out >= 1;
}

// The scopes --scope names: either list of --list, first match (a name in
// both lists is the same scope; explorer_test checks it).
std::vector<Scope> scopes_named(const std::string& wanted) {
    if (wanted == "bounded") return bounded_scopes();
    std::vector<Scope> scopes;
    for (Scope& s : explore_scopes()) {
        if (wanted == "all" || s.name == wanted) scopes.push_back(std::move(s));
    }
    if (!scopes.empty() || wanted == "all") return scopes;
    for (Scope& s : bounded_scopes()) {
        if (s.name == wanted) return {std::move(s)};
    }
    return scopes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::cout << USAGE << HELP;
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "--list") == 0) {
        for (const Scope& s : explore_scopes()) std::cout << s.name << "  " << s.what << '\n';
        std::cout << "bounded:";
        for (const Scope& s : bounded_scopes()) std::cout << ' ' << s.name;
        std::cout << '\n';
        return 0;
    }
    std::string wanted;
    std::size_t max_depth = 0, max_states = 0;
    for (int i = 1; i < argc; i += 2) {
        const std::string option = argv[i];
        if (option != "--scope" && option != "--max-depth" && option != "--max-states") {
            return bad_arguments("unknown argument '" + option + "'");
        }
        if (i + 1 == argc) return bad_arguments(option + " needs a value");
        const char* value = argv[i + 1];
        if (option == "--scope") {
            wanted = value;
        } else if (!parse_count(value, option == "--max-depth" ? max_depth : max_states)) {
            return bad_arguments(option + " takes a whole number from 1, not '" + value + "'");
        }
    }
    if (wanted.empty()) return bad_arguments("--scope is needed");
    std::vector<Scope> scopes = scopes_named(wanted);
    if (scopes.empty()) {
        std::cerr << "hashmap-mem-explore: no scope '" << wanted << "' (hashmap-mem-explore --list names them)\n";
        return 2;
    }
    std::printf("%-34s %10s %12s %10s %5s %9s  %s\n", "scope", "states", "transitions", "ow pairs", "depth", "seconds",
                "result");
    double total = 0;
    for (Scope& s : scopes) {
        if (max_depth != 0) s.max_depth = std::min(s.max_depth, max_depth);
        if (max_states != 0) s.max_states = std::min(s.max_states, max_states);
        const ExploreResult r = explore(s);
        total += r.seconds;
        std::string verdict = !r.failure.empty() ? "FAILED" : r.bound.empty() ? "complete" : "bound: " + r.bound;
        if (r.pairs_sampled && r.failure.empty()) verdict += ", ow pairs sampled";
        std::printf("%-34s %10zu %12zu %10zu %5zu %9.2f  %s\n", s.name.c_str(), r.states, r.transitions, r.pairs, r.depth,
                    r.seconds, verdict.c_str());
        std::fflush(stdout);
        if (!r.failure.empty()) {
            std::cout << r.failure;
            return 1;
        }
    }
    std::printf("%zu scopes in %.2f s\n", scopes.size(), total);
    return 0;
}
