// hashmap-mem-explore --scope takes every name --list prints, from either
// list: so a name must mean one scope. One in both lists is the same scope
// (same layout, keys, bounds), and no list holds a name twice.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "explorer.hpp"

namespace hashmap_mem::harness {
namespace {

bool same_scope(const Scope& a, const Scope& b) {
    return a.layout.key_size == b.layout.key_size && a.layout.key_alignment == b.layout.key_alignment &&
           a.layout.value_size == b.layout.value_size && a.layout.value_alignment == b.layout.value_alignment &&
           a.layout.logical_limit == b.layout.logical_limit && a.keys == b.keys && a.values == b.values &&
           a.fill == b.fill && a.front_end == b.front_end && a.dedup == b.dedup && a.max_depth == b.max_depth &&
           a.max_states == b.max_states && a.overwrite_pairs == b.overwrite_pairs;
}

TEST(ExploreScopeNames, NoListHoldsANameTwice) {
    for (const std::vector<Scope>& list : {explore_scopes(), bounded_scopes()}) {
        std::set<std::string> names;
        for (const Scope& s : list) EXPECT_TRUE(names.insert(s.name).second) << s.name;
    }
}

TEST(ExploreScopeNames, ANameInBothListsIsTheSameScope) {
    std::map<std::string, Scope> full;
    for (Scope& s : explore_scopes()) full.emplace(s.name, std::move(s));
    for (const Scope& s : bounded_scopes()) {
        const auto found = full.find(s.name);
        if (found != full.end()) {
            EXPECT_TRUE(same_scope(found->second, s)) << s.name;
        }
    }
}

}  // namespace
}  // namespace hashmap_mem::harness
