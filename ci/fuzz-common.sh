# Shared by ci/fuzz.sh, ci/fuzz-merge.sh, ci/repro.sh and ci/make-seeds.sh
# (sourced, not run): the fuzz build's configuration and .options parsing.

# Configures the libFuzzer build in $1: clang, ASan+UBSan through the project
# option, -fsanitize=fuzzer-no-link for every file (the targets link
# -fsanitize=fuzzer), no tests.
configure_fuzz_build() {
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="${CXX_CLANG:-clang++}" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" -DHASHMAP_MEM_SANITIZE=ON -DHASHMAP_MEM_FUZZ=ON \
    -DHASHMAP_MEM_BUILD_TESTS=OFF -DHASHMAP_MEM_BUILD_PROPERTIES=OFF -DHASHMAP_MEM_BUILD_BENCH=OFF >/dev/null
}

# The [libfuzzer] section of an .options file as flags: "-max_len=256 ...".
libfuzzer_options() {
  awk -F ' *= *' '/^\[/ { in_section = ($0 == "[libfuzzer]"); next }
                  in_section && NF == 2 && $1 !~ /^[#;]/ { printf "-%s=%s ", $1, $2 }' "$1"
}
