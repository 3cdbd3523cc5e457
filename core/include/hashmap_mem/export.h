/* HASHMAP_MEM_API marks the library's out-of-line functions (C and C++) as
 * exported: the library is built with hidden visibility, so that a shared
 * build (BUILD_SHARED_LIBS=ON) exports exactly the public API and none of the
 * inline templates it instantiates. C and C++. */
#ifndef HASHMAP_MEM_EXPORT_H
#define HASHMAP_MEM_EXPORT_H

#if defined(_WIN32) && defined(HASHMAP_MEM_SHARED)
#if defined(HASHMAP_MEM_BUILDING)
#define HASHMAP_MEM_API __declspec(dllexport)
#else
#define HASHMAP_MEM_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define HASHMAP_MEM_API __attribute__((visibility("default")))
#else
#define HASHMAP_MEM_API
#endif

#endif /* HASHMAP_MEM_EXPORT_H */
