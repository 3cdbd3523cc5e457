#!/bin/bash
# Mutation test of the fuzz targets: each ci/mutants/<name>.patch breaks the
# core on purpose (never applied to the real tree). Its first line names the
# fuzz target that must find it ("# target: ops_fuzzer"), its second the bug.
# For each patch, in one copy of the tree ($MUTANT_DIR/tree) with one fuzz
# build: apply it, build that target, keep the binary, revert the patch; the
# binary then fuzzes from the committed corpus (corpus/<target>/, and
# corpus/regressions/<target>/ unless MUTANT_REGRESSIONS=0) until it crashes
# or MUTANT_SECONDS (default 60) pass, while the next mutant builds on the
# other core. Prints one row per mutant with the seconds to the first crash;
# exits 1 if a mutant survives or a patch no longer applies (the core changed:
# refresh the patch, same bug).
# CI runs it with MUTANT_REGRESSIONS=0: a mutant that only a pinned input
# finds does not count as found.
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

# Fuzzes mutant $1 (binary $2, target $3); writes its row to $MUTANT_DIR/$1.row.
fuzz_mutant() {
  local name=$1 exe=$2 target=$3 work=$MUTANT_DIR/$1
  rm -rf "$work" && mkdir -p "$work/scratch"
  cp corpus/"$target"/* "$work/scratch/"
  local regressions=("corpus/regressions/$target")
  [ "${MUTANT_REGRESSIONS:-1}" = 0 ] && regressions=()
  local start seconds why
  start=$(date +%s.%N)
  # shellcheck disable=SC2046  # the options are a list of flags
  if "$exe" -max_total_time="$MUTANT_SECONDS" -dict="fuzz/$target.dict" \
      $(libfuzzer_options "fuzz/$target.options") -artifact_prefix="$work/" \
      "$work/scratch" "${regressions[@]}" >"$work/fuzz.log" 2>&1; then
    printf '%-42s %-18s %s\n' "$name" "$target" "SURVIVED ${MUTANT_SECONDS} s" > "$MUTANT_DIR/$name.row"
  else
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    why=$(grep -m1 -aE 'invariant broken|ERROR: AddressSanitizer|runtime error' "$work/fuzz.log" | cut -c1-60 || true)
    printf '%-42s %-18s found in %6s s  %s\n' "$name" "$target" "$seconds" "$why" > "$MUTANT_DIR/$name.row"
  fi
}

pids=()
for name in "${names[@]}"; do
  patch="$root/ci/mutants/$name.patch"
  target=$(sed -n '1s/^# target: *//p' "$patch")
  rm -f "$MUTANT_DIR/$name.row"
  if ! (cd "$tree/src" && git apply "$patch"); then
    printf '%-42s %-18s %s\n' "$name" "$target" "PATCH DOES NOT APPLY" > "$MUTANT_DIR/$name.row"
    continue
  fi
  (cd "$tree/src" && cmake --build "$tree/build" -j "$JOBS" --target "$target" >/dev/null)
  mkdir -p "$MUTANT_DIR/bin" && cp "$tree/build/fuzz/$target" "$MUTANT_DIR/bin/$name"
  (cd "$tree/src" && git apply -R "$patch")
  # Fuzz while the next mutant builds; at most JOBS - 1 fuzzers at once.
  while [ "$(jobs -rp | wc -l)" -ge $((JOBS > 1 ? JOBS - 1 : 1)) ]; do wait -n || true; done
  fuzz_mutant "$name" "$MUTANT_DIR/bin/$name" "$target" &
  pids+=($!)
done
wait

status=0
printf '\n%-42s %-18s %s\n' "mutant" "target" "result (MUTANT_REGRESSIONS=${MUTANT_REGRESSIONS:-1})"
for name in "${names[@]}"; do
  row=$(cat "$MUTANT_DIR/$name.row")
  echo "$row"
  [[ "$row" == *"found in"* ]] || status=1
done
exit $status
