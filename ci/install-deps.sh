#!/usr/bin/env bash
# Installs the Debian packages hashmap-mem builds, tests, fuzzes and benchmarks with.
# Run: sudo bash ci/install-deps.sh   (root in CI; idempotent, installs only what is missing)
# The Makefile calls it when a tool or header is missing, so a fresh machine needs nothing by hand.
set -euo pipefail

packages=(
  clang-14 llvm-14 libclang-rt-14-dev   # compiler, libFuzzer, ASan/UBSan runtimes, llvm-cov/profdata
  cmake ninja-build make g++
  googletest libgtest-dev libgmock-dev  # GoogleTest (built from source by CMake's GTest module if needed)
  librapidcheck-dev                     # rapidcheck with rapidcheck/gtest.h and rapidcheck/state.h
  libbenchmark-dev libabsl-dev          # bench/: Google Benchmark, absl::flat_hash_map
  valgrind zip unzip python3 file      # file: ci/check-oss-fuzz-build.sh checks ELF x86-64
  afl++                                 # ci/check-oss-fuzz-build.sh: FUZZING_ENGINE=afl
  libc++-14-dev libc++abi-14-dev        # ci/check-oss-fuzz-build.sh: OSS-Fuzz compiles with -stdlib=libc++
  cargo librust-fxhash-dev              # the hash oracle: a Rust program built offline against the released fxhash 0.2.1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
