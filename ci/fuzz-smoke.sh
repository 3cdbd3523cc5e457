#!/usr/bin/env bash
# CI smoke test of the five libFuzzer targets, in the `make fuzz` build
# (build/fuzz: clang, ASan+UBSan, configured by ci/fuzz-common.sh):
#   1. replay: each target runs every input of corpus/<t>/ and corpus/regressions/<t>/ once;
#   2. fuzz:   each target fuzzes for FUZZ_SMOKE_SECONDS (default 20), its .options and
#              .dict applied, new inputs going to a scratch corpus (the committed one is
#              only read), targets in parallel on the machine's cores.
# Any crash, leak, timeout or sanitizer report fails the run and prints the input (hex),
# the op script it decodes to, and the reproduce command: make repro CRASH=<file> TARGET=<t>.
# Run: bash ci/fuzz-smoke.sh            FUZZ_SMOKE_SECONDS=60 bash ci/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

BUILD=${BUILD:-build}
JOBS=${JOBS:-$(nproc)}
seconds=${FUZZ_SMOKE_SECONDS:-20}
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
build_dir=$root/$BUILD/fuzz          # the `make fuzz` build, shared
dir=$root/$BUILD/ci-fuzz-smoke       # scratch corpus, artifacts, logs
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh             # configure_fuzz_build, libfuzzer_options
configure_fuzz_build "$build_dir"
cmake --build "$build_dir" -j "$JOBS" --target "${targets[@]}" hashmap-mem-script

exe_of() { echo "$build_dir/fuzz/$1"; }
script_tool=$build_dir/harness/hashmap-mem-script

# Prints what a failing input is and how to reproduce it.
report_crash() {
  local t=$1 file=$2
  echo "=== $t: crashing input $file ($(wc -c < "$file") bytes)"
  head -c 256 "$file" | od -An -tx1 | sed 's/^/    /'
  echo "=== decoded op script:"
  "$script_tool" --decode "$t" "$file" 2>&1 | head -n 60 | sed 's/^/    /' || true
  echo "=== reproduce: make repro CRASH=$file TARGET=$t"
}

rm -rf "$dir/artifacts" "$dir/scratch" "$dir/logs"
mkdir -p "$dir/logs"
failed=0

echo "--- replay of the committed corpus"
for t in "${targets[@]}"; do
  mapfile -t inputs < <(find "corpus/$t" "corpus/regressions/$t" -type f 2>/dev/null | sort)
  [ ${#inputs[@]} -gt 0 ] || { echo "FAIL $t: corpus/$t is empty"; failed=1; continue; }
  mkdir -p "$dir/artifacts/$t"
  if "$(exe_of "$t")" -artifact_prefix="$dir/artifacts/$t/" "${inputs[@]}" > "$dir/logs/$t.replay" 2>&1; then
    echo "  $t: ${#inputs[@]} inputs replayed"
  else
    failed=1
    tail -n 40 "$dir/logs/$t.replay"
    culprit=$(grep -o "Running: .*" "$dir/logs/$t.replay" | tail -n 1 | cut -d' ' -f2-)
    if [ -f "$culprit" ]; then report_crash "$t" "$culprit"; else echo "=== $t: replay failed before naming an input"; fi
  fi
done
[ "$failed" -eq 0 ] || { echo "fuzz-smoke: the committed corpus crashes"; exit 1; }

echo "--- fuzzing each target for $seconds s ($JOBS at a time)"
fuzz_one() {
  local t=$1 opts
  opts=$(libfuzzer_options "fuzz/$t.options")
  [[ "$opts" == *-dict=* ]] || opts="$opts -dict=fuzz/$t.dict"
  mkdir -p "$dir/scratch/$t" "$dir/artifacts/$t"
  # shellcheck disable=SC2086  # opts is a list of flags
  "$(exe_of "$t")" $opts -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$t/" "$dir/scratch/$t" "corpus/$t" "corpus/regressions/$t" \
    > "$dir/logs/$t.fuzz" 2>&1
}
declare -A pid_of
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
  fuzz_one "$t" &
  pid_of[$t]=$!
done

printf '  %-18s %10s %8s %6s %8s %s\n' target execs exec/s cov corpus+ result
for t in "${targets[@]}"; do
  status=0
  wait "${pid_of[$t]}" || status=$?
  log=$dir/logs/$t.fuzz
  final_stat() { grep -o "stat::$1: *[0-9]*" "$log" | grep -o '[0-9]*$' || echo '?'; }
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  artifact=$(find "$dir/artifacts/$t" -type f | head -n 1)
  result=ok
  if [ "$status" -ne 0 ] || [ -n "$artifact" ]; then result="FAIL (exit $status)"; failed=1; fi
  printf '  %-18s %10s %8s %6s %8s %s\n' "$t" "$(final_stat number_of_executed_units)" \
    "$(final_stat average_exec_per_sec)" "${cov:-?}" "$(final_stat new_units_added)" "$result"
  if [ "$result" != ok ]; then
    grep -A 30 -m 1 -E "ERROR: |runtime error|==[0-9]+==" "$log" | head -n 40 || tail -n 40 "$log"
    [ -z "$artifact" ] || report_crash "$t" "$artifact"
  fi
done
[ "$failed" -eq 0 ] || { echo "fuzz-smoke: FAILED (logs in $dir/logs)"; exit 1; }
echo "fuzz-smoke: all targets clean (new inputs in $dir/scratch, not kept)"
