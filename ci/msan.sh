#!/usr/bin/env bash
# MemorySanitizer stage: builds the core library (core/src/*.cpp) and the
# malloc-based driver core/tests/malloc_every_op.cpp with clang-14
# -fsanitize=memory -fsanitize-memory-track-origins, nothing else (no
# GoogleTest, no rapidcheck, no harness: MSan sees only code compiled with it,
# and Debian's libstdc++ is not; the two use no out-of-line libstdc++ code),
# and runs the driver: every op, every key size, maps in blocks from malloc
# whose garbage MSan knows to be uninitialised. Any MSan report fails.
# Then the fuzz targets' corpus replays (fuzz/*_replay over corpus/<target>/ and
# corpus/regressions/<target>/), map and harness built with MSan, with full
# heap poisoning, and every block `new` makes marked uninitialised after its
# fill (the executor's MARK_UNDEFINED), so a byte init leaves unwritten is
# reported wherever a fuzz input's ops read it. One allowance for the
# uninstrumented libstdc++.so, tried and needed:
#   -D_GLIBCXX_ASSERTIONS  makes libstdc++ drop its extern template for
#       std::string, so string members are compiled here, with MSan (else
#       _M_append, _M_create ... in libstdc++.so write bytes MSan never sees).
# The harness uses no std::map: its nodes are linked by
# _Rb_tree_insert_and_rebalance in libstdc++.so, and with heap poisoning MSan
# reported every lookup of the decoder's pool cache (once a std::map) as a
# read of uninitialised memory; the replays ran with poisoning off until
# round 4.
# libFuzzer itself cannot take part: Debian's libFuzzer is uninstrumented and
# calls the MSan-built std::string members without parameter shadow (a report
# in Sha1ToString on the first input).
# Run: bash ci/msan.sh [driver] [replay]   (default both; builds in $BUILD/msan and
#      $BUILD/msan-replay, default build/)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
CXX=${MSAN_CXX:-clang++-14}
out=$BUILD/msan
flags=(-std=c++17 -O1 -g -fsanitize=memory -fsanitize-memory-track-origins -fno-omit-frame-pointer
       -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Icore/include -Iharness)

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(driver replay)
JOBS=${JOBS:-$(nproc)}

run_driver() {
  local start=$SECONDS objects=() src obj
  mkdir -p "$out"
  for src in core/src/*.cpp core/tests/malloc_every_op.cpp; do
    obj=$out/$(basename "$src" .cpp).o
    "$CXX" "${flags[@]}" -c "$src" -o "$obj"
    objects+=("$obj")
  done
  "$CXX" -fsanitize=memory -fsanitize-memory-track-origins "${objects[@]}" -o "$out/malloc_every_op"
  echo "--- msan: built $out/malloc_every_op in $((SECONDS - start)) s"
  # Full poisoning (malloc'd and freed memory uninitialised); the first report exits nonzero.
  MSAN_OPTIONS=halt_on_error=1 "$out/malloc_every_op"
  echo "--- msan: malloc_every_op clean in $((SECONDS - start)) s"
}

run_replay() {
  local start=$SECONDS dir=$BUILD/msan-replay targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
  # Tests on for the *_replay targets; only those are built (no GoogleTest, no rapidcheck).
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_COMPILER="${MSAN_CC:-clang-14}" \
    -DCMAKE_CXX_FLAGS="-O1 -g -fsanitize=memory -fsanitize-memory-track-origins -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=memory" -DHASHMAP_MEM_BUILD_PROPERTIES=OFF >/dev/null
  cmake --build "$dir" -j "$JOBS" --target "${targets[@]/%/_replay}"
  echo "--- msan: built the replays in $((SECONDS - start)) s"
  for t in "${targets[@]}"; do
    MSAN_OPTIONS=halt_on_error=1 \
      "$dir/fuzz/${t}_replay" "corpus/$t" "corpus/regressions/$t" 2>"$dir/$t.log" \
      || { tail -n 40 "$dir/$t.log"; echo "--- msan: $t replay FAILED"; exit 1; }
  done
  echo "--- msan: corpus replays clean in $((SECONDS - start)) s"
}

for part in "${parts[@]}"; do
  case $part in
    driver) run_driver ;;
    replay) run_replay ;;
    *) echo "unknown part '$part' (driver, replay)"; exit 2 ;;
  esac
done
