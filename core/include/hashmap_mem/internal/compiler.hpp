// Internal to hashmap-mem; include "hashmap_mem/map.hpp". What the map's hot
// paths tell the compiler, and nothing else: HASHMAP_MEM_INLINE (the entry
// points and walk steps forced inline, so each key size's op is one straight
// copy at its call site) and opaque_key (the caller's key pointer, its origin
// hidden from the optimiser). No instruction of their own.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstdint>

namespace hashmap_mem {
namespace detail {

// The hot paths are small per key size, but nine key sizes behind one switch
// made GCC 12 -O3 stop inlining lookup at the call site (a call, the header
// spilled to the stack for the lambda): 75 -> 112 instructions per hit.
#if defined(__GNUC__) || defined(__clang__)
#define HASHMAP_MEM_INLINE inline __attribute__((always_inline))
#else
#define HASHMAP_MEM_INLINE inline
#endif

// The key pointer with its origin hidden from the optimiser (no instruction).
// After inlining, GCC 12 -O2 sees the caller's key object (say 8 bytes) in the
// switch branches for other key sizes, which never run for this map, and
// -Warray-bounds warns about each of them (90 warnings in one bench build).
inline const std::uint8_t* opaque_key(const void* key) noexcept {
    auto bytes = static_cast<const std::uint8_t*>(key);
#if defined(__GNUC__) || defined(__clang__)
    asm("" : "+r"(bytes));
#endif
    return bytes;
}

}  // namespace detail
}  // namespace hashmap_mem
