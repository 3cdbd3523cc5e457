#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script for hashmap-mem.
# Builds the five fuzz targets with the compiler and flags the builder image
# gives ($CXX, $CXXFLAGS; the project is C++ only, so $CC/$CFLAGS go unused),
# links $LIB_FUZZING_ENGINE into the fuzz executables only (through the CMake
# option HASHMAP_MEM_LIB_FUZZING_ENGINE), and puts into $OUT, per target:
# the executable, <target>_seed_corpus.zip (corpus/<target>/ plus
# corpus/regressions/<target>/), <target>.dict and <target>.options.
# Run: by `compile` inside gcr.io/oss-fuzz-base/base-builder, from the source
# root (the Dockerfile's WORKDIR); without docker: bash ci/check-oss-fuzz-build.sh

src=$(pwd)
build="$WORK/hashmap-mem-build"
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)

test -f "$src/fuzz/CMakeLists.txt" || { echo "build.sh: run me from the hashmap-mem source root" >&2; exit 1; }

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# No CMAKE_BUILD_TYPE: the flags are exactly $CXXFLAGS (-O1 ..., sanitizers,
# -fsanitize=fuzzer-no-link), and assert() stays on. Tests and property tests
# are off: they need GoogleTest/rapidcheck, which are not built with libc++.
cmake -S "$src" -B "$build" "${generator[@]}" \
  -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DHASHMAP_MEM_FUZZ=ON \
  -DHASHMAP_MEM_LIB_FUZZING_ENGINE="$LIB_FUZZING_ENGINE" \
  -DHASHMAP_MEM_SANITIZE=OFF \
  -DHASHMAP_MEM_BUILD_TESTS=OFF \
  -DHASHMAP_MEM_BUILD_PROPERTIES=OFF \
  -DHASHMAP_MEM_BUILD_BENCH=OFF
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

for t in "${targets[@]}"; do
  exe=$(find "$build" -type f -name "$t" -perm -u+x | head -n 1)
  test -n "$exe" || { echo "build.sh: $t was not built" >&2; exit 1; }
  cp "$exe" "$OUT/$t"
  cp "$src/fuzz/$t.dict" "$src/fuzz/$t.options" "$OUT/"

  # Flat seed corpus: regressions get a prefix so no name can collide.
  seeds="$WORK/seeds/$t"
  rm -rf "$seeds" && mkdir -p "$seeds"
  find "$src/corpus/$t" -maxdepth 1 -type f -exec cp -t "$seeds" {} +
  if [ -d "$src/corpus/regressions/$t" ]; then
    for f in "$src/corpus/regressions/$t"/*; do
      [ -f "$f" ] && cp "$f" "$seeds/regression-$(basename "$f")"
    done
  fi
  rm -f "$OUT/${t}_seed_corpus.zip"
  (cd "$seeds" && zip -q -X "$OUT/${t}_seed_corpus.zip" ./*)
done
