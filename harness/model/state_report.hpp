// What the fuzz targets reached, in the map's terms rather than edges (issue
// 25): fill levels, walks, full windows, wraps, Tombstone runs, reclaims,
// overwrite refusals, validate answers, front ends, key and value sizes.
// Collected only when HASHMAP_MEM_STATE_REPORT names a JSON file (ci/fuzz.sh
// sets it for one replay pass over the scratch corpus); while fuzzing the
// executor's hook is a null pointer, one branch per op.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "run/executor.hpp"
#include "script/op.hpp"

namespace hashmap_mem::harness {

class StateReport {
public:
    // The report named by HASHMAP_MEM_STATE_REPORT (written at exit), or null.
    static StateReport* from_environment(const char* target);

    void before(const Op& op, const Executor& real);
    void after(const Op& op, const Answer& answer, const Executor& real);
    void end_input();  // the input's maps count for their fill level and Tombstone runs
    std::string json() const;

private:
    struct MapSeen {
        std::string id;
        bool live = false;
        unsigned max_fill = 0;         // tenths of capacity, 10 = full
        std::uint32_t max_tombstone_run = 0;
        std::uint32_t tombstones = 0;  // after the last op
        std::uint32_t elements = 0;
        std::uint8_t front_end = 0;    // FrontEnd
    };
    MapSeen& seen(const std::string& id);
    void finish(MapSeen& m);
    void observe_map(MapSeen& m, const Block& block);

    std::string target_;
    std::uint64_t inputs_ = 0;
    std::uint64_t ops_ = 0;
    std::vector<MapSeen> maps_;
    std::array<std::uint64_t, 11> fill_{};         // maps by the fullest they got
    std::array<std::uint64_t, 5> walk_{};          // keyed ops by walk length
    std::uint32_t longest_walk_ = 0;
    std::uint64_t windows_full_ = 0, wraps_ = 0, tombstone_runs_ = 0, reclaiming_dels_ = 0, reclaimed_ = 0;
    std::array<std::uint64_t, 4> overwrite_{};     // OverwriteResult
    int overwrite_expected_ = -1;                  // before an ow: its result on a copy
    bool overwrite_rolls_back_ = false;            // ... and a TargetFull that undid reservations
    std::uint64_t rolled_back_ = 0;                // overwrites refused after reserving buckets
    std::array<std::uint64_t, 19> validate_{};     // ValidateError
    std::array<std::uint64_t, 3> front_end_{};     // ops per FrontEnd
    std::map<std::uint32_t, std::uint64_t> key_sizes_, value_sizes_;
};

}  // namespace hashmap_mem::harness
