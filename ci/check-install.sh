#!/usr/bin/env bash
# Install test, as a VM author would use the library. For BUILD_SHARED_LIBS
# OFF and ON: configure and build the library alone (Release, tests off),
# `cmake --install` it to a scratch prefix, then
#   - check the library: the static one references no C++ runtime symbol
#     (nm: a plain `cc` links it); the shared one exports only the API
#     (hashmap_mem_* and the C++ functions of namespace hashmap_mem, no
#     detail:: template);
#   - build ci/install-consumer (a separate project: find_package(hashmap_mem
#     CONFIG REQUIRED), a C++ MapView client and a C client) and run both;
#     for the static library also as a C-only project;
#   - build the C client with `cc -std=c11 -Wall -Wextra -Werror client.c
#     $(pkg-config --cflags --libs hashmap_mem)` and run it;
#   - check hashmap_mem.pc: its prefix is the install prefix itself;
# and once, the consumer with the source tree by add_subdirectory: only the
# library may be built, without GoogleTest; and as a C-only project
# (`project(vm C)`) by add_subdirectory and by FetchContent.
# Run: bash ci/check-install.sh      (scratch in $BUILD/check-install; ~1 min)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BUILD=${BUILD:-build}
JOBS=${JOBS:-$(nproc)}
work=$root/$BUILD/check-install
rm -rf "$work" && mkdir -p "$work"
consumer=$root/ci/install-consumer

step() { echo "--- check-install: $*"; }
fail() { echo "check-install: $*" >&2; exit 1; }

for shared in OFF ON; do
  lib=$work/lib-$shared prefix=$work/prefix-$shared
  step "BUILD_SHARED_LIBS=$shared: build and install to $prefix"
  cmake -S . -B "$lib" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=$shared \
    -DHASHMAP_MEM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$lib" -j "$JOBS" >/dev/null
  cmake --install "$lib" --prefix "$prefix" >/dev/null
  libdir=$(dirname "$(find "$prefix" -name 'libhashmap_mem.*' | head -n 1)")
  [ -f "$libdir/pkgconfig/hashmap_mem.pc" ] || fail "no hashmap_mem.pc under $libdir/pkgconfig"
  [ -f "$libdir/cmake/hashmap_mem/hashmap_memConfigVersion.cmake" ] || fail "no hashmap_memConfigVersion.cmake"
  pc_prefix=$(sed -n 's/^prefix=//p' "$libdir/pkgconfig/hashmap_mem.pc")
  [ "$pc_prefix" = "$prefix" ] || fail "hashmap_mem.pc has prefix=$pc_prefix, not the install prefix $prefix"
  cflags=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags hashmap_mem | sed "s/ *$//")
  [ "$cflags" = "-I$prefix/include" ] || fail "pkg-config --cflags gives '$cflags', not -I$prefix/include"
  step "hashmap_mem.pc: prefix=$pc_prefix, cflags $cflags"

  if [ "$shared" = OFF ]; then
    runtime=$(nm -u "$libdir/libhashmap_mem.a" | awk '{ print $2 }' | grep -E '^_ZN?St|^_ZSt|__cxa_|__gxx_|_Unwind_|^_Zn|^_Zd' | sort -u || true)
    [ -z "$runtime" ] || fail "the static library references the C++ runtime: $runtime"
    step "static library: no C++ runtime symbol ($(nm -u "$libdir/libhashmap_mem.a" | awk '{ print $2 }' | sort -u | grep -v '^_ZN11hashmap_mem' | tr '\n' ' '))"
  else
    exported=$(nm -D --defined-only "$libdir/libhashmap_mem.so" | awk '$2 ~ /^[TW]$/ { print $3 }')
    stray=$(echo "$exported" | grep -vE '^hashmap_mem_|^_ZN11hashmap_mem' || true)
    detail=$(echo "$exported" | grep -E '^_ZN11hashmap_mem6detail' || true)
    [ -z "$stray$detail" ] || fail "the shared library exports more than the API: $stray $detail"
    step "shared library: exports $(echo "$exported" | wc -l) API functions, no detail:: symbol"
  fi

  step "BUILD_SHARED_LIBS=$shared: consumer project with find_package"
  cmake -S "$consumer" -B "$work/consumer-$shared" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
  cmake --build "$work/consumer-$shared" >/dev/null
  "$work/consumer-$shared/view_client"
  "$work/consumer-$shared/c_client"

  if [ "$shared" = OFF ]; then
    step "a C-only consumer project (LANGUAGES C) with find_package"
    cmake -S "$consumer" -B "$work/consumer-c-only" -G Ninja -DCONSUMER_C_ONLY=ON -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/consumer-c-only" >/dev/null
    "$work/consumer-c-only/c_client"
  fi

  step "BUILD_SHARED_LIBS=$shared: cc -std=c11 -Wall -Wextra -Werror c_client.c \$(pkg-config --cflags --libs hashmap_mem)"
  flags=$(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs hashmap_mem)
  # shellcheck disable=SC2086
  cc -std=c11 -Wall -Wextra -Werror "$consumer/c_client.c" $flags -o "$work/pkg-config-client-$shared"
  LD_LIBRARY_PATH="$libdir" "$work/pkg-config-client-$shared"
done

step "add_subdirectory: only the library is built"
cmake -S "$consumer" -B "$work/consumer-subdirectory" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DHASHMAP_MEM_SOURCE_DIR="$root" >/dev/null
targets=$(cmake --build "$work/consumer-subdirectory" --target help | awk -F: '/: phony|: CXX|: C_/ { print $1 }')
extra=$(echo "$targets" | grep -E 'unit_tests|harness|fuzzer|properties|hashmap-mem-script|readme' || true)
[ -z "$extra" ] || fail "add_subdirectory builds more than the library: $extra"
cmake --build "$work/consumer-subdirectory" >/dev/null
"$work/consumer-subdirectory/view_client"

# A C-only parent once stopped at generate: "No known features for CXX compiler".
step "a C-only project (project(vm C)) with add_subdirectory"
cmake -S "$consumer" -B "$work/consumer-c-only-subdirectory" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONSUMER_C_ONLY=ON \
  -DHASHMAP_MEM_SOURCE_DIR="$root" >/dev/null
cmake --build "$work/consumer-c-only-subdirectory" >/dev/null
"$work/consumer-c-only-subdirectory/c_client"
step "a C-only project (project(vm C)) with FetchContent"
cmake -S "$consumer" -B "$work/consumer-c-only-fetchcontent" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONSUMER_C_ONLY=ON \
  -DCONSUMER_FETCHCONTENT=ON -DFETCHCONTENT_SOURCE_DIR_HASHMAP_MEM="$root" >/dev/null
cmake --build "$work/consumer-c-only-fetchcontent" >/dev/null
"$work/consumer-c-only-fetchcontent/c_client"
step "passed"
