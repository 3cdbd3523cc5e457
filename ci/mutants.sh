#!/bin/bash
# Mutation test of the fuzz targets: each ci/mutants/<name>.patch breaks the
# core on purpose (never applied to the real tree). Its first line names the
# fuzz target that must find it ("# target: ops_fuzzer"), its second the bug.
# For each patch, in one copy of the tree ($MUTANT_DIR/tree) with one fuzz
# build: apply it, build that target, keep the binary, revert the patch; the
# binary then fuzzes from the committed corpus (corpus/<target>/, and
# corpus/regressions/<target>/ unless MUTANT_REGRESSIONS=0) until it crashes
# or MUTANT_SECONDS (default 60) pass. The fuzzers run after every build, one
# at a time on a machine left quiet: a find time is the fuzzer's own (beside
# a -j2 build one binary took 0.15 to 0.39 s). Prints one row per mutant with
# the seconds to the first crash and the inputs run before it (libFuzzer's
# executed units: the count does not depend on the machine's speed);
# exits 1 if a mutant survives or a patch no longer applies (the core changed:
# refresh the patch, same bug).
# CI runs it with MUTANT_REGRESSIONS=0: a mutant that only a pinned input
# finds does not count as found.
# The first column is the exhaustive explorer's time to find the mutant
# (explore_mutant below).
# Run: bash ci/mutants.sh [NAME...]      MUTANT_REGRESSIONS=0 bash ci/mutants.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
MUTANT_SECONDS=${MUTANT_SECONDS:-60}
MUTANT_DIR=${MUTANT_DIR:-/tmp/hashmap-mem-mutants}
JOBS=${JOBS:-$(nproc)}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for p in ci/mutants/*.patch; do names+=("$(basename "$p" .patch)"); done
fi

# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh

tree=$MUTANT_DIR/tree
mkdir -p "$MUTANT_DIR"
# A fresh copy of the tracked files; the build dir survives between runs.
rm -rf "$tree/src" && mkdir -p "$tree/src"
git ls-files -z | xargs -0 cp --parents -t "$tree/src"
(cd "$tree/src" && git init -q && git add -A && git -c user.name=m -c user.email=m@m commit -qm base)
(cd "$tree/src" && configure_fuzz_build "$tree/build")

# The fuzz target named on the first line of mutant $1's patch.
patch_target() { sed -n '1s/^# target: *//p' "$root/ci/mutants/$1.patch"; }

# Fuzzes mutant $1 (its binary kept in $MUTANT_DIR/bin); writes its row to $MUTANT_DIR/$1.row.
fuzz_mutant() {
  local name=$1 exe=$MUTANT_DIR/bin/$1 target work=$MUTANT_DIR/$1
  target=$(patch_target "$name")
  rm -rf "$work" && mkdir -p "$work/scratch"
  cp corpus/"$target"/* "$work/scratch/"
  local regressions=("corpus/regressions/$target")
  [ "${MUTANT_REGRESSIONS:-1}" = 0 ] && regressions=()
  local start seconds why
  start=$(date +%s.%N)
  # symbolize=0: the seconds are to the find, not to the report (symbolizing
  # the stack took 0.18 s of a 0.33 s find); the "invariant broken" line and
  # the crash file are what the row and a replay need.
  # shellcheck disable=SC2046  # the options are a list of flags
  if ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}symbolize=0 UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}symbolize=0 \
      "$exe" -max_total_time="$MUTANT_SECONDS" -dict="fuzz/$target.dict" -print_final_stats=1 \
      $(libfuzzer_options "fuzz/$target.options") -artifact_prefix="$work/" \
      "$work/scratch" "${regressions[@]}" >"$work/fuzz.log" 2>&1; then
    printf '%-42s %-18s %s\n' "$name" "$target" "SURVIVED ${MUTANT_SECONDS} s" > "$MUTANT_DIR/$name.row"
  else
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    why=$(grep -m1 -aE 'invariant broken|ERROR: AddressSanitizer|runtime error' "$work/fuzz.log" | cut -c1-60 || true)
    units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
    printf '%-42s %-18s found in %6s s %7s inputs  %s\n' "$name" "$target" "$seconds" "${units:-?}" "$why" > "$MUTANT_DIR/$name.row"
  fi
}

# The exhaustive explorer's bounded scope (what ctest runs), built in the same
# tree (hashmap-mem-explore and hashmap-mem-script: a few files over the
# harness the fuzz target already built) and run with a timeout; writes the
# seconds to its failure to $MUTANT_DIR/$1.explore, after checking that the
# script it printed fails on the same mutant's hashmap-mem-script --model.
# "-": no map of capacity <= 8 made by `new` shows these, so the explorer
# cannot: a total_size that wraps u32 needs a layout of gigabytes; a key 32
# buckets from home needs capacity >= 64 and a full window; validate's
# element_count check is met only by images no op makes (the explorer loads
# only images the ops reached); a 31-bucket window differs from 32 only at
# capacity >= 32 with a window of 32 keys; an insert's walk reaches its third
# group of 4 (where the skipped key check is) only at capacity >= 16. Its
# keys are 8 bytes wide, so compares of other key sizes (key-compare-*) are
# out of its reach; it makes only valid layouts of capacity <= 8 (no layout
# error, no limit 32768) and loads only the valid images its ops reached (no
# header at a rule's edge, no refusal to describe). Any other mutant it
# misses fails the script.
EXPLORE_BLIND=" layout-total-size-wraps-u32 validate-accepts-key-32-from-home validate-skips-element-count window-of-31-buckets insert-skips-key-past-tombstone 
  key-compare-16-ignores-last-byte key-compare-24-ignores-middle-word key-compare-tail-skips-last-byte 
  layout-refuses-limit-32768 layout-value-alignment-named-key-alignment describe-misnames-value-overlaps-key 
  validate-accepts-limit-above-capacity validate-accepts-limit-half-capacity validate-skips-secret-code 
  validate-value-past-bucket-named-key-range "
explore_mutant() {
  local name=$1 bin=$MUTANT_DIR/bin/$1.tools log=$MUTANT_DIR/$1.explore.log start rc=0 seconds
  start=$(date +%s.%N)
  timeout "${EXPLORE_SECONDS:-120}" "$bin/hashmap-mem-explore" --scope bounded >"$log" 2>&1 || rc=$?
  seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f s", b - a }')
  if [ $rc = 0 ] || [ $rc = 124 ]; then
    if [[ "$EXPLORE_BLIND" == *" $name "* ]]; then echo "-"; else echo "MISSED"; fi
  elif [ $rc != 1 ]; then
    echo "$seconds crash"
  elif sed -n '/^# replay/,$p' "$log" | "$bin/hashmap-mem-script" --model >/dev/null 2>&1; then
    echo "NO-REPLAY"
  else
    echo "$seconds"
  fi >"$MUTANT_DIR/$name.explore"
}

built=()
for name in "${names[@]}"; do
  patch="$root/ci/mutants/$name.patch"
  target=$(patch_target "$name")
  rm -f "$MUTANT_DIR/$name.row"
  if ! (cd "$tree/src" && git apply "$patch"); then
    printf '%-42s %-18s %s\n' "$name" "$target" "PATCH DOES NOT APPLY" > "$MUTANT_DIR/$name.row"
    continue
  fi
  (cd "$tree/src" && cmake --build "$tree/build" -j "$JOBS" --target "$target" >/dev/null)
  mkdir -p "$MUTANT_DIR/bin" && cp "$tree/build/fuzz/$target" "$MUTANT_DIR/bin/$name"
  (cd "$tree/src" && cmake --build "$tree/build" -j "$JOBS" --target hashmap-mem-explore hashmap-mem-script >/dev/null)
  mkdir -p "$MUTANT_DIR/bin/$name.tools" && cp "$tree/build/explore/hashmap-mem-explore" "$tree/build/harness/hashmap-mem-script" "$MUTANT_DIR/bin/$name.tools/"
  (cd "$tree/src" && git apply -R "$patch")
  # Explore while the next mutant builds; at most JOBS - 1 explorers at once.
  while [ "$(jobs -rp | wc -l)" -ge $((JOBS > 1 ? JOBS - 1 : 1)) ]; do wait -n || true; done
  explore_mutant "$name" &
  built+=("$name")
done
wait

for name in "${built[@]}"; do
  fuzz_mutant "$name"
done

status=0
printf '\n%-12s %-42s %-18s %s\n' "explorer" "mutant" "target" "result (MUTANT_REGRESSIONS=${MUTANT_REGRESSIONS:-1})"
for name in "${names[@]}"; do
  row=$(cat "$MUTANT_DIR/$name.row")
  explored=$(cat "$MUTANT_DIR/$name.explore" 2>/dev/null || echo "?")
  printf '%-12s %s\n' "$explored" "$row"
  [[ "$row" == *"found in"* ]] || status=1
  [[ "$explored" =~ ^(-|[0-9.]+\ s(\ crash)?)$ ]] || status=1
done
exit $status
