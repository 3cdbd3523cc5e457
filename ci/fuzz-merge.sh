#!/bin/bash
# make fuzz-merge: minimises corpus/<target>/ plus the scratch inputs of
# `make fuzz` (fuzz-scratch/<target>/) with libFuzzer -merge=1 into a fresh
# corpus/<target>/: the smallest set of inputs that keeps all their coverage.
# corpus/regressions/ is never touched (pinned inputs stay as they are).
# Run: make fuzz-merge   or   bash ci/fuzz-merge.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
SCRATCH=${FUZZ_SCRATCH:-fuzz-scratch}
build_dir=$BUILD/fuzz
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
[ $# -gt 0 ] && targets=("$@")

# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh
configure_fuzz_build "$build_dir"
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"

for t in "${targets[@]}"; do
  merged=$(mktemp -d)
  mkdir -p "corpus/$t" "$SCRATCH/$t"
  before=$(find "corpus/$t" -type f | wc -l)
  # shellcheck disable=SC2046
  "$build_dir/fuzz/$t" -merge=1 $(libfuzzer_options "fuzz/$t.options") "$merged" "corpus/$t" "$SCRATCH/$t" \
    >"$merged.log" 2>&1 || { cat "$merged.log"; exit 1; }
  find "corpus/$t" -maxdepth 1 -type f -delete
  cp "$merged"/* "corpus/$t/"
  rm -rf "$merged" "$merged.log"
  printf '%-17s %4d -> %4d inputs, %s\n' "$t" "$before" "$(find "corpus/$t" -type f | wc -l)" \
    "$(du -sh "corpus/$t" | cut -f1)"
done
echo "review with git status corpus/, then commit"
