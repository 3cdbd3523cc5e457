#!/usr/bin/env bash
# Runs ci/oss-fuzz/build.sh WITHOUT docker, in the environment base-builder's
# `compile` gives it, then makes on $OUT the checks base-runner's
# bad_build_check / run_fuzzer make, for four builds:
#   address    SANITIZER=address   FUZZING_ENGINE=libfuzzer  (clang)
#   undefined  SANITIZER=undefined FUZZING_ENGINE=libfuzzer  (clang; through
#              .clusterfuzzlite/build.sh, which runs ci/oss-fuzz/build.sh)
#   afl        SANITIZER=address   FUZZING_ENGINE=afl  (Debian afl++: afl-clang-fast++,
#              LIB_FUZZING_ENGINE=/usr/lib/afl/libAFLDriver.a)
#   memory     SANITIZER=memory    FUZZING_ENGINE=libfuzzer  (clang, -fsanitize=memory
#              -fsanitize-memory-track-origins; what is checked: below)
# Checks per target: found in $OUT (an executable holding LLVMFuzzerTestOneInput),
# ELF x86-64, sanitizer calls as bad_build_check counts them, coverage
# instrumentation (libFuzzer: >= 100 edges, no "is the code instrumented";
# afl: __afl_ symbols and afl-fuzz reaching "All set and ready to roll"),
# "Done 4 runs" with its .options and .dict applied as run_fuzzer applies them,
# and the seed corpus zip unzips to every committed input and replays cleanly.
# Differences from OSS-Fuzz: Debian's clang-14 and afl++ 4.04c instead of the
# image's clang; afl-fuzz runs 5 s (-V 5) instead of up to 35 s; CXXFLAGS carry
# -stdlib=libc++ in the afl build only: Debian's libFuzzer archive is built
# against libstdc++ and does not link with libc++ code (OSS-Fuzz's carries a
# private libc++), so the libc++ build is checked through afl++'s C driver.
# The memory build differs most: OSS-Fuzz links MSan targets with an MSan-built
# libc++ and a libFuzzer carrying its own; Debian has neither, so here the
# targets use the uninstrumented libstdc++ and libFuzzer, and their runs
# report false positives (tried: every target's first input, std::map nodes
# linked by _Rb_tree_insert_and_rebalance in libstdc++.so, a map the harness
# no longer uses; with heap poisoning off, image_fuzzer's seeds, a stack string
# built there; and libFuzzer's own uninstrumented calls, see ci/msan.sh). So for memory only the
# build is checked: build.sh passes with OSS-Fuzz's flags, ELF, MSan calls as
# bad_build_check counts them (>= 1000, no ASan), coverage edges (>= 100, from
# the engine's start), and the seed zip; ci/msan.sh runs the map under MSan
# (the malloc driver, and these corpora through the replay mains).
# Run: bash ci/check-oss-fuzz-build.sh [address] [undefined] [afl] [memory]   (default: all four)
#      KEEP=1 keeps the scratch tree (printed at the end).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
targets=(ops_fuzzer overwrite_fuzzer scan_fuzzer image_fuzzer frontend_fuzzer)
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(address undefined afl memory)
scratch=$(mktemp -d /tmp/check-oss-fuzz.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$scratch"' EXIT

# base-clang / base-builder / base-runner values (oss-fuzz infra/base-images).
common_cflags="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
ubsan_checks=array-bounds,bool,builtin,enum,float-divide-by-zero,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound,vptr
san_address="-fsanitize=address -fsanitize-address-use-after-scope"
san_undefined="-fsanitize=$ubsan_checks,unsigned-integer-overflow -fno-sanitize-recover=$ubsan_checks"
san_memory="-fsanitize=memory -fsanitize-memory-track-origins"
runner_asan="alloc_dealloc_mismatch=0:allocator_may_return_null=1:allocator_release_to_os_interval_ms=500:check_malloc_usable_size=0:detect_container_overflow=1:detect_odr_violation=0:detect_leaks=1:detect_stack_use_after_return=1:fast_unwind_on_fatal=0:handle_abort=1:handle_segv=1:handle_sigill=1:max_uar_stack_size_log=16:print_scariness=1:quarantine_size_mb=10:strict_memcmp=1:symbolize=1:use_sigaltstack=1:dedup_token_length=3"
runner_ubsan="print_stacktrace=1:print_summary=1:silence_unsigned_overflow=1:symbolize=1:dedup_token_length=3"
runner_msan="print_stats=1:symbolize=1:dedup_token_length=3"
fuzzer_args="-rss_limit_mb=2560 -timeout=25"

failures=0
bad() { echo "BAD BUILD [$config] $*"; failures=$((failures + 1)); }
ok() { echo "  ok [$config] $*"; }

# The [libfuzzer] section of an .options file as flags (base-runner's parse_options.py).
libfuzzer_options() { python3 "$root/ci/libfuzzer-options.py" "$1"; }

# bad_build_check's count of calls into one sanitizer runtime.
sanitizer_calls() { objdump -dC "$1" | grep -cE "callq?\s+[0-9a-f]+\s+<__$2" || true; }

build() {
  local src=$1 out=$2 work=$3 cc cxx sanflags covflags engine fuzzing_engine sanitizer
  case $config in
    address)   cc=clang cxx=clang++ sanitizer=address fuzzing_engine=libfuzzer
               sanflags=$san_address covflags=-fsanitize=fuzzer-no-link engine=-fsanitize=fuzzer ;;
    undefined) cc=clang cxx=clang++ sanitizer=undefined fuzzing_engine=libfuzzer
               sanflags=$san_undefined covflags=-fsanitize=fuzzer-no-link engine=-fsanitize=fuzzer ;;
    memory)    cc=clang cxx=clang++ sanitizer=memory fuzzing_engine=libfuzzer
               sanflags=$san_memory covflags=-fsanitize=fuzzer-no-link engine=-fsanitize=fuzzer ;;
    # compile_afl: afl-clang-fast instruments, so no -fsanitize=fuzzer-no-link.
    afl)       cc=afl-clang-fast cxx=afl-clang-fast++ sanitizer=address fuzzing_engine=afl
               sanflags=$san_address covflags="" engine=/usr/lib/afl/libAFLDriver.a ;;
    *) echo "unknown configuration '$config' (address, undefined, memory, afl)"; exit 2 ;;
  esac
  [ "$fuzzing_engine" = libfuzzer ] || test -f "$engine" || { echo "missing $engine (apt-get install afl++)"; exit 2; }
  local cflags="$common_cflags $sanflags $covflags" cxxextra=""
  [ "$fuzzing_engine" = libfuzzer ] || cxxextra=-stdlib=libc++
  # The Dockerfile's layout: source in $SRC/hashmap-mem, build.sh in $SRC; compile
  # runs `bash -eux $SRC/build.sh` from the WORKDIR with only its own environment.
  (cd "$root" && tar --exclude=./build --exclude=./.git -cf - .) | tar -C "$src/hashmap-mem" -xf -
  # The UBSan build goes through ClusterFuzzLite's build.sh (which runs the same script).
  local script=ci/oss-fuzz/build.sh
  [ "$config" != undefined ] || script=.clusterfuzzlite/build.sh
  cp "$root/$script" "$src/build.sh"
  (cd "$src/hashmap-mem" && env -i PATH="$PATH" HOME="$HOME" \
      CC="$cc" CXX="$cxx" CFLAGS="$cflags" CXXFLAGS="$cflags $cxxextra" \
      LIB_FUZZING_ENGINE="$engine" SANITIZER="$sanitizer" FUZZING_ENGINE="$fuzzing_engine" \
      FUZZING_LANGUAGE=c++ ARCHITECTURE=x86_64 SRC="$src" OUT="$out" WORK="$work" \
      AFL_QUIET=1 AFL_IGNORE_UNKNOWN_ENVS=1 ASAN_OPTIONS=detect_leaks=0 \
      bash -eux "$src/build.sh") > "$work/../build.log" 2>&1 \
    || { tail -n 40 "$work/../build.log"; bad "build.sh failed (log above)"; return 1; }
  ok "$script passed"
}

check_target() {
  local out=$1 t=$2 log=$3 exe=$1/$2 edges=""
  # run_fuzzer: [libfuzzer] options, then -dict=<target>.dict unless they name one.
  local opts; opts=$(libfuzzer_options "$out/$t.options")
  [[ "$opts" == *-dict=* ]] || opts="$opts -dict=$t.dict"

  grep -q "ELF 64-bit LSB.*x86-64" <(file -L "$exe") || bad "$t: not an ELF x86-64 executable: $(file -L "$exe")"

  local asan ubsan msan
  asan=$(sanitizer_calls "$exe" asan); ubsan=$(sanitizer_calls "$exe" ubsan); msan=$(sanitizer_calls "$exe" msan)
  if [ "$config" = memory ]; then
    [ "$asan" -eq 0 ] || bad "$t: MSan build has $asan ASan calls"
    [ "$msan" -ge 1000 ] || bad "$t: only $msan MSan calls (< 1000): not compiled with MSan?"
    [ "$ubsan" -le 200 ] || bad "$t: MSan build has $ubsan UBSan calls (> 200)"
  elif [ "$config" = undefined ]; then
    [ "$asan" -eq 0 ] || bad "$t: UBSan build has $asan ASan calls"
    [ "$ubsan" -ge 168 ] || bad "$t: only $ubsan UBSan calls (< 168): not compiled with UBSan?"
  else
    [ "$asan" -ge 1000 ] || bad "$t: only $asan ASan calls (< 1000): not compiled with ASan?"
    [ "$ubsan" -le 200 ] || bad "$t: ASan build has $ubsan UBSan calls (> 200)"
  fi
  [ "$config" = memory ] || [ "$msan" -eq 0 ] || bad "$t: $config build has $msan MSan calls"

  if [ "$config" = afl ]; then
    grep -q "__afl_area_ptr" <(nm "$exe") || bad "$t: no __afl_area_ptr: not instrumented by afl-clang-fast"
    # check_engine / check_startup_crash for afl: afl-fuzz starts, no crash.
    local in=$scratch/$config/afl-in/$t; mkdir -p "$in"; echo input > "$in/input"
    (cd "$out" && env AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
        AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=30000 AFL_IGNORE_PROBLEMS=1 \
        ASAN_OPTIONS="$runner_asan:abort_on_error=1:symbolize=0:detect_odr_violation=0" \
        timeout --preserve-status -s INT 35s afl-fuzz -m none -t 5000+ -V 5 \
          -i "$in" -o "$scratch/$config/afl-out-$t" -x "$t.dict" -- "$exe") > "$log.afl" 2>&1 || true
    grep -q "All set and ready to roll" "$log.afl" || { tail -n 30 "$log.afl"; bad "$t: afl-fuzz did not start"; }
    ! grep -qE "target binary (crashed|terminated)" "$log.afl" || bad "$t: afl-fuzz: target binary crashed"
  else
    # check_engine: instrumented for libFuzzer, enough edges.
    (cd "$out" && "$exe" -seed=1337 -runs=4) > "$log.engine" 2>&1 || true
    ! grep -q "no interesting inputs were found. Is the code instrumented" "$log.engine" || bad "$t: no coverage instrumentation"
    local edges; edges=$(grep -Po "INFO: Loaded [[:digit:]]+ module.*\(.*(counters|guards)\):[[:space:]]+\K[[:digit:]]+" "$log.engine" || true)
    [ -n "$edges" ] && [ "$edges" -ge 100 ] || bad "$t: ${edges:-no} instrumented edges (< 100)"
    # check_startup_crash through run_fuzzer: options and dictionary applied.
    # Not for memory (see the header): its runs meet Debian's uninstrumented libstdc++.
    if [ "$config" != memory ]; then
      (cd "$out" && ASAN_OPTIONS=$runner_asan UBSAN_OPTIONS=$runner_ubsan \
          bash -c "./$t $fuzzer_args -seed=1337 -runs=4 $opts < /dev/null") > "$log.startup" 2>&1 || true
      grep -q "Done 4 runs" "$log.startup" || { tail -n 30 "$log.startup"; bad "$t: no 'Done 4 runs' (startup crash?)"; }
      ! grep -q "unrecognized flag" "$log.startup" || bad "$t: $t.options holds a flag libFuzzer does not know: $opts"
      grep -q "Dictionary: [0-9]* entries" "$log.startup" || bad "$t: dictionary not loaded ($opts)"
    fi
  fi

  # check_seed_corpus: the zip holds every committed input; replaying it is clean.
  local seeds=$scratch/$config/seeds/$t want got
  mkdir -p "$seeds"
  unzip -q -o -d "$seeds" "$out/${t}_seed_corpus.zip" || { bad "$t: ${t}_seed_corpus.zip does not unzip"; return; }
  want=$(find "$root/corpus/$t" "$root/corpus/regressions/$t" -maxdepth 1 -type f 2>/dev/null | wc -l)
  got=$(find "$seeds" -type f | wc -l)
  [ "$got" -gt 0 ] && [ "$got" -eq "$want" ] || bad "$t: seed corpus has $got files, corpus/ has $want"
  if [ "$config" = memory ]; then
    echo "  note [memory] $t: seeds not replayed here (uninstrumented libstdc++/libFuzzer); ci/msan.sh replays them"
  elif [ "$config" = afl ]; then
    # afl++'s driver runs each file named on its command line once.
    (cd "$out" && ASAN_OPTIONS=$runner_asan find "$seeds" -type f -exec "$exe" {} +) > "$log.seeds" 2>&1 \
      || { tail -n 30 "$log.seeds"; bad "$t: a seed crashes the afl build"; }
  else
    (cd "$out" && ASAN_OPTIONS=$runner_asan UBSAN_OPTIONS=$runner_ubsan \
        bash -c "./$t $fuzzer_args -runs=0 $seeds $opts < /dev/null") > "$log.seeds" 2>&1 \
      || { tail -n 30 "$log.seeds"; bad "$t: a seed crashes the $config build"; }
  fi
  echo "  checked [$config] $t: asan calls $asan, ubsan calls $ubsan, msan calls $msan${edges:+, edges $edges}, seeds $got"
}

for config in "${configs[@]}"; do
  start=$SECONDS
  base=$scratch/$config
  mkdir -p "$base/src/hashmap-mem" "$base/out" "$base/work" "$base/logs"
  echo "--- [$config] build"
  build "$base/src" "$base/out" "$base/work" || continue

  # base-runner's targets_list: executables in $OUT holding the fuzzer entry point.
  found=$(cd "$base/out" && grep -l LLVMFuzzerTestOneInput $(find . -maxdepth 1 -type f -executable -printf '%f\n') \
            | sort | tr '\n' ' ')
  expected=$(printf '%s\n' "${targets[@]}" | sort | tr '\n' ' ')
  [ "$found" = "$expected" ] && ok "fuzz targets in \$OUT: $found" || bad "fuzz targets in \$OUT: '$found', expected '$expected'"

  for t in "${targets[@]}"; do
    for f in "$t" "$t.dict" "$t.options" "${t}_seed_corpus.zip"; do
      [ -s "$base/out/$f" ] || bad "missing \$OUT/$f"
    done
    if [ -x "$base/out/$t" ]; then check_target "$base/out" "$t" "$base/logs/$t"; fi
  done
  echo "--- [$config] done in $((SECONDS - start)) s"
done

[ -z "${KEEP:-}" ] || echo "scratch tree kept: $scratch"
if [ "$failures" -ne 0 ]; then
  echo "check-oss-fuzz-build: $failures problem(s)"
  exit 1
fi
echo "check-oss-fuzz-build: ${configs[*]}: all checks passed"
