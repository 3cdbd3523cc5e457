// splitmix64: the harness's one pseudo-random stream (key bytes, planted
// homes, random fills, the explorer's sampled pairs). Deterministic from its
// seed, so a fuzz input or an explorer run replays the same bytes everywhere.
#pragma once

#include <cstdint>

namespace hashmap_mem::harness {

inline std::uint64_t splitmix(std::uint64_t& state) noexcept {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace hashmap_mem::harness
