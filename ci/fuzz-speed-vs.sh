#!/usr/bin/env bash
# Interleaved fuzz speed of this tree against another (issue 25's acceptance):
#   bash ci/fuzz-speed-vs.sh OLD_TREE [SECONDS] [ROUNDS] [TARGET...]
# OLD_TREE: a checkout (e.g. `git worktree add ../old 13d22c9`) whose fuzz
# targets are built in OLD_TREE/build/fuzz (`make fuzz` there builds them).
# For each round and target, old then new run alone (one core each, no
# parallel job), from a fresh copy of their own committed corpus, with their
# own .dict and .options, for SECONDS (default 30). Prints exec/s, edges
# covered and RSS of each run and new/old exec/s.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh
old=${1:?usage: ci/fuzz-speed-vs.sh OLD_TREE [SECONDS] [ROUNDS] [TARGET...]}
old=$(cd "$old" && pwd)
seconds=${2:-30}
rounds=${3:-1}
shift $(( $# < 3 ? $# : 3 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer)
new=$(pwd)
cmake --build build/fuzz >/dev/null
work=$(mktemp -d -p "${FUZZ_SPEED_TMP:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
run_one() {  # tree target -> "execs_per_s cov rss_mb"
  local tree=$1 t=$2 dir="$work/$(basename "$1")-$2"
  rm -rf "$dir" && mkdir -p "$dir" && cp -r "$tree/corpus/$t" "$dir/corpus"
  local opts=""
  [ -f "$tree/fuzz/$t.options" ] && opts=$(libfuzzer_options "$tree/fuzz/$t.options")
  # shellcheck disable=SC2086
  (cd "$tree" && "$tree/build/fuzz/fuzz/$t" -max_total_time="$seconds" -print_final_stats=1 \
      -dict="fuzz/$t.dict" $opts "$dir/corpus") >"$dir/log" 2>&1 || true
  local execs cov rss
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$dir/log")
  cov=$(grep -o 'cov: [0-9]*' "$dir/log" | tail -1 | cut -d' ' -f2)
  echo "$(( ${execs:-0} / seconds )) ${cov:-0} ${rss:-0}"
}
printf '%-18s %5s %10s %10s %7s %12s %10s\n' target round old_exec/s new_exec/s new/old "edges o->n" "rss o/n MB"
for r in $(seq 1 "$rounds"); do
  for t in "${targets[@]}"; do
    read -r oe oc orss < <(run_one "$old" "$t")
    read -r ne nc nrss < <(run_one "$new" "$t")
    printf '%-18s %5s %10s %10s %7s %12s %10s\n' "$t" "$r" "$oe" "$ne" \
      "$(python3 -c "print(f'{$ne/max($oe,1):.2f}')")" "$oc->$nc" "$orss/$nrss"
  done
done
