// hashmap-mem's C++ headers need C++17 (inline variables, if constexpr,
// std::has_unique_object_representations): a clear stop instead of a page of
// -Wc++17-extensions. The C header (hashmap_mem.h) needs only C99 or any C++.
#pragma once

#if defined(_MSVC_LANG)
#define HASHMAP_MEM_CPLUSPLUS _MSVC_LANG  // MSVC keeps __cplusplus at 199711L without /Zc:__cplusplus
#else
#define HASHMAP_MEM_CPLUSPLUS __cplusplus
#endif
#if HASHMAP_MEM_CPLUSPLUS < 201703L
#error "hashmap-mem's C++ headers need C++17 or later (-std=c++17; CMake: cxx_std_17). C callers use hashmap_mem.h."
#endif
