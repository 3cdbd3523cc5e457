#!/bin/bash
# make repro CRASH=<file> [TARGET=<target>]: prints the op script a fuzz input
# decodes to, then replays it once in the sanitizer build (ASan+UBSan): the
# target's replay executable from $BUILD/asan (as `make test` builds it), else
# the libFuzzer executable from $BUILD/fuzz. The target is read from the path
# (fuzz-scratch/crashes/ops_fuzzer/crash-..., corpus/regressions/scan_fuzzer/...)
# unless given. REPRO_BUILD_DIR=<dir> replays with that build's
# <dir>/fuzz/<target>_replay and <dir>/harness/hashmap-mem-script as they are
# (no rebuild).
# The last line and the exit status say what happened, as an interestingness
# test's would (creduce: 0 is "the bug is there"):
#   0  REPRODUCED: the input fails (its sanitizer or check report is above)
#   1  DID NOT REPRODUCE: the input passes in this build
#   2  COULD NOT RUN: no such file, unknown target, or the build failed
# `make repro` exits 0 only when it reproduced (make turns 1 and 2 into its 2).
# Run: make repro CRASH=fuzz-scratch/crashes/ops_fuzzer/crash-abc   or   bash ci/repro.sh FILE [TARGET]
set -uo pipefail
cd "$(dirname "$0")/.."

could_not_run() { echo "repro: COULD NOT RUN: $*" >&2; exit 2; }

BUILD=${BUILD:-build}
[ $# -ge 1 ] || could_not_run "usage: ci/repro.sh FILE [TARGET]"
crash=$1
target=${2:-}
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
[ -f "$crash" ] || could_not_run "no file $crash"
if [ -z "$target" ]; then
  for t in "${targets[@]}"; do
    case "$crash" in *"$t"*) target=$t ;; esac
  done
fi
[ -n "$target" ] || could_not_run "cannot tell the target from $crash; add TARGET=<one of ${targets[*]}>"
case " ${targets[*]} " in *" $target "*) ;; *) could_not_run "unknown target '$target' (one of ${targets[*]})" ;; esac

if [ -n "${REPRO_BUILD_DIR:-}" ]; then
  replay=("$REPRO_BUILD_DIR/fuzz/${target}_replay")
  script_tool=$REPRO_BUILD_DIR/harness/hashmap-mem-script
elif [ -x "$BUILD/asan/fuzz/${target}_replay" ] || [ ! -x "$BUILD/fuzz/$target" ]; then
  # The make test build; configured here as the Makefile does when missing.
  if [ ! -f "$BUILD/asan/build.ninja" ]; then
    cmake -S . -B "$BUILD/asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="${CXX_CLANG:-clang++}" \
      -DCMAKE_C_COMPILER="${CC_CLANG:-clang}" -DHASHMAP_MEM_SANITIZE=ON >/dev/null || could_not_run "configuring $BUILD/asan failed"
  fi
  cmake --build "$BUILD/asan" --target "${target}_replay" hashmap-mem-script >/dev/null \
    || could_not_run "building ${target}_replay in $BUILD/asan failed (cmake --build $BUILD/asan shows why)"
  replay=("$BUILD/asan/fuzz/${target}_replay")
  script_tool=$BUILD/asan/harness/hashmap-mem-script
else
  replay=("$BUILD/fuzz/$target" -runs=1)
  script_tool=$BUILD/fuzz/harness/hashmap-mem-script
fi
[ -x "${replay[0]}" ] || could_not_run "no replay executable ${replay[0]}"
[ -x "$script_tool" ] || could_not_run "no $script_tool"

echo "# op script ($script_tool --decode $target $crash):"
"$script_tool" --decode "$target" "$crash" || could_not_run "$script_tool could not decode $crash"
echo "# replaying with ${replay[*]} $crash"
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
# The replay's stderr (its report) goes where ours does; the shell's own
# "Aborted" line for a killed child does not (the verdict below says it).
{ "${replay[@]}" "$crash" 2>&3 3>&- || status=$?; } 3>&2 2>/dev/null
if [ "$status" -eq 0 ]; then
  echo "repro: DID NOT REPRODUCE: $crash passes with ${replay[*]}"
  exit 1
fi
if [ "$status" -gt 128 ]; then how="killed by signal $((status - 128)) ($(kill -l "$((status - 128))" 2>/dev/null || echo '?'))"; else how="exit status $status"; fi
echo "repro: REPRODUCED: $crash fails ($how; the report is above)"
exit 0
