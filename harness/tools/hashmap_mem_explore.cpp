// hashmap-mem-explore: exhaustive small-scope checking (harness/src/explorer.cpp).
//
//   hashmap-mem-explore --scope NAME|all|bounded   one line per scope: states,
//                       transitions, overwrite pairs, depth, seconds, and
//                       "complete" or the bound that stopped the walk (and
//                       whether the ow pairs were sampled); at the first
//                       failure its report (the shortest script that reaches
//                       it, for hashmap-mem-script --model) and exit 1
//       --max-depth N, --max-states N   tighter bounds than the scope's own
//   hashmap-mem-explore --list                     the scopes, one per line
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "hashmap_mem_harness/explorer.hpp"

namespace {

using namespace hashmap_mem::harness;

constexpr const char* USAGE = "usage: hashmap-mem-explore --scope NAME|all|bounded [--max-depth N] [--max-states N]\n       hashmap-mem-explore --list\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--list") == 0) {
        for (const Scope& s : explore_scopes()) std::cout << s.name << "  " << s.what << '\n';
        std::cout << "bounded:";
        for (const Scope& s : bounded_scopes()) std::cout << ' ' << s.name;
        std::cout << '\n';
        return 0;
    }
    std::string wanted;
    std::size_t max_depth = 0, max_states = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--scope") == 0) {
            wanted = argv[i + 1];
        } else if (std::strcmp(argv[i], "--max-depth") == 0) {
            max_depth = std::stoul(argv[i + 1]);
        } else if (std::strcmp(argv[i], "--max-states") == 0) {
            max_states = std::stoul(argv[i + 1]);
        } else {
            wanted.clear();
            break;
        }
    }
    if (wanted.empty() || argc % 2 == 0) {
        std::cerr << USAGE;
        return 2;
    }
    std::vector<Scope> scopes;
    if (wanted == "bounded") {
        scopes = bounded_scopes();
    } else {
        for (Scope& s : explore_scopes()) {
            if (wanted == "all" || s.name == wanted) scopes.push_back(std::move(s));
        }
    }
    if (scopes.empty()) {
        std::cerr << "no scope '" << wanted << "' (hashmap-mem-explore --list names them)\n";
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
