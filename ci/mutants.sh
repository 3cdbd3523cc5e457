#!/bin/bash
# Mutation smoke test of the fuzz targets: each ci/mutants/<name>.patch breaks
# the core on purpose (it is never applied to the real tree). For each patch:
# copy the tree to $MUTANT_DIR/<name>, apply it, build the one fuzz target its
# first line names ("# target: ops_fuzzer"), and run that target from the
# committed corpus (corpus/<target>/ and corpus/regressions/<target>/) until it
# crashes or MUTANT_SECONDS (default 60) pass. Prints one row per mutant with
# the seconds to the first crash; exit 1 if a mutant survives or a patch no
# longer applies (the core changed: refresh the patch). MUTANT_REGRESSIONS=0
# leaves out corpus/regressions/ (is the fuzzer itself still quick to find it?).
# Run: bash ci/mutants.sh [NAME...]     (about a minute per mutant on 2 cores)
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

rows=()
status=0
for name in "${names[@]}"; do
  patch="$root/ci/mutants/$name.patch"
  target=$(sed -n '1s/^# target: *//p' "$patch")
  work="$MUTANT_DIR/$name"
  rm -rf "$work" && mkdir -p "$work"
  git ls-files -z | xargs -0 cp --parents -t "$work"
  if ! (cd "$work" && git apply "$patch"); then
    rows+=("$(printf '%-40s %-18s %s' "$name" "$target" "PATCH DOES NOT APPLY")")
    status=1
    continue
  fi
  (cd "$work" && configure_fuzz_build build && cmake --build build -j "$JOBS" --target "$target" >/dev/null)
  scratch="$work/scratch" && mkdir -p "$scratch"
  cp corpus/"$target"/* "$scratch/"
  regressions=("corpus/regressions/$target")
  [ "${MUTANT_REGRESSIONS:-1}" = 0 ] && regressions=()
  start=$(date +%s.%N)
  if "$work/build/fuzz/$target" -max_total_time="$MUTANT_SECONDS" -dict="fuzz/$target.dict" \
      $(libfuzzer_options "fuzz/$target.options") -artifact_prefix="$work/" \
      "$scratch" "${regressions[@]}" >"$work/fuzz.log" 2>&1; then
    rows+=("$(printf '%-40s %-18s %s' "$name" "$target" "SURVIVED ${MUTANT_SECONDS} s")")
    status=1
  else
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    why=$(grep -m1 -aE 'invariant broken|ERROR: AddressSanitizer|runtime error' "$work/fuzz.log" | cut -c1-70 || true)
    rows+=("$(printf '%-40s %-18s found in %6s s  %s' "$name" "$target" "$seconds" "$why")")
  fi
done

printf '\n%-40s %-18s %s\n' "mutant" "target" "result"
printf '%s\n' "${rows[@]}"
exit $status
