// The benchmark's clock: this thread's CPU time (CLOCK_THREAD_CPUTIME_ID).
// The machine the numbers come from is shared; wall time counts the time the
// thread waits for a core (at load 7 on 2 cores a miss lookup read 70 ns wall
// for 20 ns of CPU), CPU time does not. A reading costs about 0.5-1.5 us, so
// timed regions are long (>= 300k ops) except insert rounds, which subtract
// the measured cost of an empty region (`overhead_ns`).
#pragma once

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hashmap_mem::bench {

inline std::int64_t cpu_now_ns() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

// Median cost of an empty timed region.
inline std::int64_t measure_clock_overhead_ns() {
    std::vector<std::int64_t> gaps;
    for (int i = 0; i < 1001; ++i) {
        const std::int64_t start = cpu_now_ns();
        gaps.push_back(cpu_now_ns() - start);
    }
    std::nth_element(gaps.begin(), gaps.begin() + 500, gaps.end());
    return gaps[500];
}

}  // namespace hashmap_mem::bench
