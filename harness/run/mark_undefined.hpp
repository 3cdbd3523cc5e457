// MARK_UNDEFINED(p, n): tells MemorySanitizer or valgrind's memcheck that n
// bytes at p are garbage, as a block fresh from malloc is, so a later read
// of one the map never wrote is reported. A no-op in other builds. Header
// only (the core's malloc_every_op driver uses it without the harness).
#pragma once

#if defined(__has_feature)
#if __has_feature(memory_sanitizer)
#include <sanitizer/msan_interface.h>
#define MARK_UNDEFINED(p, n) __msan_poison((p), (n))
#endif
#endif
#if !defined(MARK_UNDEFINED) && __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define MARK_UNDEFINED(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#endif
#ifndef MARK_UNDEFINED
#define MARK_UNDEFINED(p, n) ((void)(p), (void)(n))
#endif
