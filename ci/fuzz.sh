#!/bin/bash
# make fuzz: builds the five libFuzzer targets with clang
# (-fsanitize=fuzzer,address,undefined) in $BUILD/fuzz and runs each for
# FUZZ_SECONDS (default 60), at most nproc at a time, from a scratch corpus
# fuzz-scratch/<target>/ seeded with corpus/<target>/ (the committed corpus is
# never written; `make fuzz-merge` folds new inputs into it). Prints progress
# every 10 s and a table per target (exec/s, cov, peak RSS), then the state
# report (ci/state-report.py; also $SCRATCH/state-report.json); on a crash prints the crashing file, the
# op script it decodes to and the command that reproduces it. Exit 1 on a crash.
# Run: make fuzz [FUZZ_SECONDS=60]   or   FUZZ_SECONDS=10 bash ci/fuzz.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-$(nproc)}
SCRATCH=${FUZZ_SCRATCH:-fuzz-scratch}
build_dir=$BUILD/fuzz
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
[ $# -gt 0 ] && targets=("$@")

# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh
configure_fuzz_build "$build_dir"
cmake --build "$build_dir" -j "$JOBS" --target "${targets[@]}" hashmap-mem-script

mkdir -p "$SCRATCH/logs"
run_target() {
  local t=$1
  mkdir -p "$SCRATCH/$t" "$SCRATCH/crashes/$t"
  cp -n corpus/"$t"/* "$SCRATCH/$t/" 2>/dev/null || true
  # shellcheck disable=SC2046  # the options are separate flags
  "$build_dir/fuzz/$t" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
    -dict="fuzz/$t.dict" $(libfuzzer_options "fuzz/$t.options") \
    -artifact_prefix="$SCRATCH/crashes/$t/" "$SCRATCH/$t" "corpus/regressions/$t" \
    >"$SCRATCH/logs/$t.log" 2>&1 || true
}

# "#1234 ... cov: 321 ... exec/s: 999" -> the newest status line of a log.
status_of() { grep -aE '^#[0-9]+' "$SCRATCH/logs/$1.log" 2>/dev/null | tail -n 1 || true; }

echo "fuzz: ${targets[*]}: ${FUZZ_SECONDS}s each, $JOBS at a time; logs in $SCRATCH/logs/"
: >"$SCRATCH/logs/.started"
rm -f "$SCRATCH"/logs/*.reported
# Every log emptied now, not when its target starts: a target still waiting
# for a core would otherwise show the previous run's last lines as its own.
for t in "${targets[@]}"; do : >"$SCRATCH/logs/$t.log"; done
SECONDS=0
pending=("${targets[@]}")
running=0
while [ ${#pending[@]} -gt 0 ] || [ "$running" -gt 0 ]; do
  while [ ${#pending[@]} -gt 0 ] && [ "$running" -lt "$JOBS" ]; do
    : >"$SCRATCH/logs/${pending[0]}.log"
    run_target "${pending[0]}" &
    pending=("${pending[@]:1}")
    running=$((running + 1))
  done
  # Progress: wake on a finished target or every 10 s.
  for _ in $(seq 10); do
    sleep 1
    [ "$(jobs -rp | wc -l)" -lt "$running" ] && break
  done
  running=$(jobs -rp | wc -l)
  for t in "${targets[@]}"; do
    line=$(status_of "$t")
    [ -z "$line" ] || [ -f "$SCRATCH/logs/$t.reported" ] && continue
    printf '  [%4ss] %-17s %s\n' "$SECONDS" "$t" "$(echo "$line" | cut -c1-100)"
    case "$line" in *DONE*) : >"$SCRATCH/logs/$t.reported" ;; esac  # a finished target is shown once
  done
done
wait

stat_of() { grep -a "^stat::$2:" "$SCRATCH/logs/$1.log" | awk '{print $2}' | tail -n 1 || true; }
summary=$SCRATCH/summary.txt
printf '\n%-17s %10s %8s %6s %8s %8s %8s\n' target execs exec/s cov rss_mb corpus crashes | tee "$summary"
crashed=0
for t in "${targets[@]}"; do
  cov=$(grep -aoE 'cov: [0-9]+' "$SCRATCH/logs/$t.log" | tail -n 1 | awk '{print $2}' || true)  # none: crashed while loading
  corpus=$(find "$SCRATCH/$t" -maxdepth 1 -type f | wc -l)
  crashes=$(find "$SCRATCH/crashes/$t" -maxdepth 1 -type f -newer "$SCRATCH/logs/.started" | wc -l)
  printf '%-17s %10s %8s %6s %8s %8s %8s\n' "$t" "$(stat_of "$t" number_of_executed_units)" \
    "$(stat_of "$t" average_exec_per_sec)" "${cov:--}" "$(stat_of "$t" peak_rss_mb)" "$corpus" "$crashes" | tee -a "$summary"
  [ "$crashes" -gt 0 ] && crashed=1
done

# The state report: each scratch corpus replayed once (-runs=0; no leak
# check, whose second run of an input would count it twice) with the
# harness's counters on, then one table and $SCRATCH/state-report.json.
states=()
for t in "${targets[@]}"; do
  states+=("$SCRATCH/logs/$t.state.json")
  rm -f "$SCRATCH/logs/$t.state.json"
  # shellcheck disable=SC2046
  HASHMAP_MEM_STATE_REPORT="$SCRATCH/logs/$t.state.json" "$build_dir/fuzz/$t" -runs=0 -detect_leaks=0 \
    $(libfuzzer_options "fuzz/$t.options") "$SCRATCH/$t" >"$SCRATCH/logs/$t.state.log" 2>&1 || true
done
python3 ci/state-report.py "$SCRATCH/state-report.json" "${states[@]}" || true

if [ "$crashed" -eq 1 ]; then
  for t in "${targets[@]}"; do
    find "$SCRATCH/crashes/$t" -maxdepth 1 -type f -newer "$SCRATCH/logs/.started" | while read -r file; do
      echo
      echo "CRASH in $t: $file"
      grep -a -m 1 -E 'invariant broken|ERROR: |runtime error' "$SCRATCH/logs/$t.log" || true
      echo "op script (hashmap-mem-script --decode $t $file):"
      "$build_dir/harness/hashmap-mem-script" --decode "$t" "$file" | sed 's/^/  /' | cut -c1-200
      echo "reproduce: make repro CRASH=$file"
    done
  done
  exit 1
fi
echo "no crashes; new inputs are in $SCRATCH/<target>/ (make fuzz-merge folds them into corpus/)"
