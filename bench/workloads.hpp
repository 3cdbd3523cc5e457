// The four timed workloads, one code path for all three maps. Each op makes
// its key from a counter with splitmix64 inside the timed loop, so ns/op
// includes key generation (as the reference numbers do).
//   insert  clear (not timed), then insert `live` keys into the empty map
//   hit     look up the live keys (all present)
//   miss    look up keys from a stream never inserted
//   churn   remove a random live key, insert a new one (steady state: the map
//           stays at `live` entries; 4 * capacity warm-up ops first)
// hashmap-mem may refuse an insert when a 32-bucket window is full (SPEC §5):
// such nulls are counted, never hidden; a churn op whose insert is refused
// puts the removed key back so the fill stays the same.
#pragma once

#include <cstdint>
#include <vector>

#include "cpu_clock.hpp"
#include "keys.hpp"

namespace hashmap_mem::bench {

enum class Workload { Insert, Hit, Miss, Churn };

inline const char* workload_name(Workload w) {
    switch (w) {
        case Workload::Insert: return "insert";
        case Workload::Hit: return "hit";
        case Workload::Miss: return "miss";
        case Workload::Churn: return "churn";
    }
    return "?";
}

struct Sample {
    double ns_per_op = 0;
    std::uint64_t nulls = 0;       // hashmap-mem inserts refused (window full)
    std::uint64_t unexpected = 0;  // hits that missed, misses that hit
};

inline volatile std::uint64_t sink;  // keeps lookups from being optimised away

template <typename Map, typename Key>
class Runner {
public:
    Runner(Workload workload, std::uint16_t capacity, std::uint32_t live, std::int64_t clock_overhead_ns)
        : workload_(workload), live_(live), clock_overhead_ns_(clock_overhead_ns), map_(capacity) {
        if (workload_ == Workload::Insert) return;
        keys_.reserve(live_);
        for (std::uint32_t i = 0; i < live_; ++i) {
            const Key key = make_key<Key>(LIVE_STREAM + i);
            if (map_.insert(key, i + 1)) {
                keys_.push_back(key);
            } else {
                ++setup_nulls_;
            }
        }
        if (workload_ == Workload::Churn) churn(4ULL * capacity);
    }

    // Keys the setup fill could not place (hashmap-mem only).
    std::uint64_t setup_nulls() const { return setup_nulls_; }

    // Runs at least `min_ops` ops (whole passes over the live keys).
    Sample run(std::uint64_t min_ops) {
        Sample sample;
        const std::uint64_t passes = (min_ops + live_ - 1) / live_;
        const std::uint64_t ops = passes * live_;
        std::int64_t elapsed = 0;
        std::uint64_t check = 0;
        if (workload_ == Workload::Insert) {
            for (std::uint64_t pass = 0; pass < passes; ++pass) {
                map_.clear();
                const std::int64_t start = cpu_now_ns();
                for (std::uint32_t i = 0; i < live_; ++i) {
                    if (!map_.insert(make_key<Key>(LIVE_STREAM + i), i + 1)) ++sample.nulls;
                }
                elapsed += cpu_now_ns() - start - clock_overhead_ns_;
            }
        } else {
            const std::int64_t start = cpu_now_ns();
            if (workload_ == Workload::Hit) {
                for (std::uint64_t pass = 0; pass < passes; ++pass) {
                    for (std::uint32_t i = 0; i < live_; ++i) {
                        const std::uint64_t value = map_.find(make_key<Key>(LIVE_STREAM + i));
                        check += value;
                        if (value == 0) ++sample.unexpected;
                    }
                }
                sample.unexpected -= passes * setup_nulls_;  // those keys are absent on purpose
            } else if (workload_ == Workload::Miss) {
                for (std::uint64_t op = 0; op < ops; ++op) {
                    const std::uint64_t value = map_.find(make_key<Key>(MISS_STREAM + miss_next_++));
                    check += value;
                    if (value != 0) ++sample.unexpected;
                }
            } else {
                sample.nulls = churn(ops);
            }
            elapsed = cpu_now_ns() - start;
        }
        sink = sink + check;
        sample.ns_per_op = static_cast<double>(elapsed) / static_cast<double>(ops);
        return sample;
    }

private:
    // Returns the number of refused inserts.
    std::uint64_t churn(std::uint64_t ops) {
        std::uint64_t nulls = 0;
        const auto live = static_cast<std::uint64_t>(keys_.size());
        for (std::uint64_t op = 0; op < ops; ++op) {
            // Random slot in [0, live) by multiply-shift (no division).
            const std::uint64_t slot = ((splitmix64(churn_next_) & 0xffffffffULL) * live) >> 32;
            const Key old_key = keys_[slot];
            map_.erase(old_key);
            const Key new_key = make_key<Key>(CHURN_STREAM + churn_next_++);
            if (map_.insert(new_key, churn_next_)) {
                keys_[slot] = new_key;
            } else {
                ++nulls;
                map_.insert(old_key, churn_next_);  // its bucket was just freed
            }
        }
        return nulls;
    }

    Workload workload_;
    std::uint32_t live_;
    std::int64_t clock_overhead_ns_;
    Map map_;
    std::vector<Key> keys_;
    std::uint64_t setup_nulls_ = 0;
    std::uint64_t miss_next_ = 0;
    std::uint64_t churn_next_ = 0;
};

}  // namespace hashmap_mem::bench
