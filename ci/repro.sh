#!/bin/bash
# make repro CRASH=<file> [TARGET=<target>]: prints the op script a fuzz input
# decodes to, then replays it once in the sanitizer build (ASan+UBSan): the
# target's replay executable from $BUILD/asan (as `make test` builds it), else
# the libFuzzer executable from $BUILD/fuzz. The target is read from the path
# (fuzz-scratch/crashes/ops_fuzzer/crash-..., corpus/regressions/scan_fuzzer/...)
# unless given. Exit status: the replay's (non-zero when the input fails).
# Run: make repro CRASH=fuzz-scratch/crashes/ops_fuzzer/crash-abc   or   bash ci/repro.sh FILE [TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
crash=${1:?usage: ci/repro.sh FILE [TARGET]}
target=${2:-}
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
[ -f "$crash" ] || { echo "repro: no file $crash" >&2; exit 2; }
if [ -z "$target" ]; then
  for t in "${targets[@]}"; do
    case "$crash" in *"$t"*) target=$t ;; esac
  done
fi
[ -n "$target" ] || { echo "repro: cannot tell the target from $crash; add TARGET=<one of ${targets[*]}>" >&2; exit 2; }

if [ -x "$BUILD/asan/fuzz/${target}_replay" ] || [ ! -x "$BUILD/fuzz/$target" ]; then
  # The make test build; configured here as the Makefile does when missing.
  [ -f "$BUILD/asan/build.ninja" ] || cmake -S . -B "$BUILD/asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER="${CXX_CLANG:-clang++}" -DCMAKE_C_COMPILER="${CC_CLANG:-clang}" -DHASHMAP_MEM_SANITIZE=ON >/dev/null
  cmake --build "$BUILD/asan" --target "${target}_replay" hashmap-mem-script >/dev/null
  replay=("$BUILD/asan/fuzz/${target}_replay")
  script_tool=$BUILD/asan/harness/hashmap-mem-script
else
  replay=("$BUILD/fuzz/$target" -runs=1)
  script_tool=$BUILD/fuzz/harness/hashmap-mem-script
fi

echo "# op script ($script_tool --decode $target $crash):"
"$script_tool" --decode "$target" "$crash"
echo "# replaying with ${replay[*]}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"${replay[@]}" "$crash" || status=$?
[ "$status" -eq 0 ] && echo "# repro: the input passes (no failure)" || echo "# repro: failed with status $status"
exit "$status"
