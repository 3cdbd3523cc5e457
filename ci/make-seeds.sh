#!/bin/bash
# Regenerates the committed seed corpus: ci/make-seeds.py writes shaped and
# random inputs, then each target's libFuzzer -merge=1 keeps the smallest set
# with the same coverage into corpus/<target>/ (replacing what is there;
# corpus/regressions/ is not touched).
# Run: bash ci/make-seeds.sh   (then review and commit corpus/)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
build_dir=$BUILD/fuzz
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)

# shellcheck source=ci/fuzz-common.sh
source ci/fuzz-common.sh
configure_fuzz_build "$build_dir"
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"

raw=$(mktemp -d)
python3 ci/make-seeds.py "$raw"
for t in "${targets[@]}"; do
  merged=$(mktemp -d)
  # shellcheck disable=SC2046
  "$build_dir/fuzz/$t" -merge=1 $(libfuzzer_options "fuzz/$t.options") "$merged" "$raw/$t" >"$merged.log" 2>&1 \
    || { cat "$merged.log"; exit 1; }
  mkdir -p "corpus/$t"
  find "corpus/$t" -maxdepth 1 -type f -delete
  cp "$merged"/* "corpus/$t/"
  rm -rf "$merged" "$merged.log"
  printf '%-17s %4d inputs, %s\n' "$t" "$(find "corpus/$t" -type f | wc -l)" "$(du -sh "corpus/$t" | cut -f1)"
done
rm -rf "$raw"
