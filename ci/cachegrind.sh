#!/usr/bin/env bash
# Per-op cachegrind counts of one map on one bench workload: builds the Release
# bench (as ci/bench.sh does), runs it under cachegrind twice, with OPS and
# 3 * OPS ops, one sample, that map alone, and divides the difference of the
# counts by the ops added, so setup and warm-up cancel out. Counts are
# deterministic (same binary, same numbers), unlike timings on a shared machine.
# Run: BUILD=build bash ci/cachegrind.sh FILTER [MAP] [OPS]
#   e.g. bash ci/cachegrind.sh "workload=miss cap=32768 fill=80 key=8 " hashmap_mem
# FILTER must name one workload with its cap= and fill= (the op count depends
# on them); MAP is hashmap_mem (default), absl, absl_reserved or std; OPS defaults to 100000.
# Prints per op: Ir instructions, Bm mispredicted branches (conditional and
# indirect), D1m L1 data misses (reads and writes), LLm misses of the
# simulated last level, set to a 2 MiB L2 (this VM's L2 per core).
# Insert counts include the untimed clear before each pass over the keys.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
FILTER="${1:?usage: ci/cachegrind.sh FILTER [MAP] [OPS]}"
MAP="${2:-hashmap_mem}"
OPS="${3:-100000}"
[[ "$FILTER" =~ cap=([0-9]+)\ fill=([0-9]+) ]] || { echo "FILTER '$FILTER' has no 'cap=N fill=P'" >&2; exit 2; }
live=$(( BASH_REMATCH[1] * BASH_REMATCH[2] / 100 ))
ops_of() { echo $(( ($1 + live - 1) / live * live )); }  # whole passes, as the bench runs them

cmake -S . -B "$BUILD/bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DHASHMAP_MEM_BUILD_BENCH=ON -DHASHMAP_MEM_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD/bench" -j "${JOBS:-$(nproc)}" --target hashmap_mem_bench >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
summary() {  # total counts of one run: Ir Bm D1m LLm
  valgrind --tool=cachegrind --branch-sim=yes --D1=49152,12,64 --LL=2097152,16,64 \
    --cachegrind-out-file="$out/cg.$1" "$BUILD/bench/bench/hashmap_mem_bench" 1 "$1" "$FILTER" "$MAP" \
    >"$out/stdout.$1" 2>"$out/stderr.$1" || { cat "$out/stderr.$1" >&2; exit 1; }
  grep -q '^ratio ' "$out/stdout.$1" || { echo "no workload matches FILTER '$FILTER'" >&2; exit 2; }
  [ "$(grep -c '^ratio ' "$out/stdout.$1")" = 1 ] || { echo "FILTER '$FILTER' matches more than one workload" >&2; exit 2; }
  awk '/^events:/ { for (i = 2; i <= NF; ++i) col[$i] = i - 1 }
       /^summary:/ { split($0, v, " ");
         print v[col["Ir"] + 1], v[col["Bcm"] + 1] + v[col["Bim"] + 1],
               v[col["D1mr"] + 1] + v[col["D1mw"] + 1], v[col["DLmr"] + 1] + v[col["DLmw"] + 1] }' "$out/cg.$1"
}
small=$(summary "$OPS")
large=$(summary $((3 * OPS)))
added=$(( $(ops_of $((3 * OPS))) - $(ops_of "$OPS") ))
echo "$small $large" | awk -v ops="$added" -v map="$MAP" -v filter="$FILTER" '{
  printf "cachegrind %s%s per op: Ir %.1f  Bm %.2f  D1m %.2f  LLm %.3f\n", filter, map,
         ($5 - $1) / ops, ($6 - $2) / ops, ($7 - $3) / ops, ($8 - $4) / ops }'
