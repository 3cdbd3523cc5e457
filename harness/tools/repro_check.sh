#!/bin/bash
# ci/repro.sh says, in its last line and exit status, which of three things
# happened: 0 REPRODUCED, 1 DID NOT REPRODUCE, 2 COULD NOT RUN. Run by ctest:
#   repro_check.sh ROOT OPS_FUZZER_REPLAY HASHMAP_MEM_SCRIPT SCRATCH
set -uo pipefail
root=$1 replay=$2 script_tool=$3 scratch=$4
rm -rf "$scratch" && mkdir -p "$scratch"
failures=0

# A build dir REPRO_BUILD_DIR takes as it is: the given replay executable.
fake_build() {
  mkdir -p "$1/fuzz" "$1/harness"
  ln -sf "$script_tool" "$1/harness/hashmap-mem-script"
  if [ "$2" = real ]; then ln -sf "$replay" "$1/fuzz/ops_fuzzer_replay"; else
    printf '#!/bin/sh\necho "planted failure" >&2\nkill -ABRT $$\n' > "$1/fuzz/ops_fuzzer_replay"
    chmod +x "$1/fuzz/ops_fuzzer_replay"
  fi
}

# expect CODE REGEX [env...] -- ARGS: repro.sh's exit code and last line.
expect() {
  local code=$1 regex=$2; shift 2
  local envs=(); while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  local out got=0
  out=$(env "${envs[@]}" bash "$root/ci/repro.sh" "$@" 2>&1) || got=$?
  local last; last=$(printf '%s\n' "$out" | tail -n 1)
  if [ "$got" -ne "$code" ] || ! [[ "$last" =~ $regex ]]; then
    echo "FAIL: repro.sh $* gave $got, last line '$last'; expected $code and /$regex/"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok: $code  $last"
  fi
}

passing=$(find "$root/corpus/ops_fuzzer" -type f | sort | head -n 1)
[ -n "$passing" ] || { echo "no corpus/ops_fuzzer input"; exit 1; }
fake_build "$scratch/real" real
fake_build "$scratch/planted" planted

expect 0 '^repro: REPRODUCED: .* fails \(killed by signal 6 \(ABRT\)' REPRO_BUILD_DIR="$scratch/planted" -- "$passing"
# The replay's own report is shown; the shell's "line N: PID Aborted" is not.
out=$(REPRO_BUILD_DIR="$scratch/planted" bash "$root/ci/repro.sh" "$passing" 2>&1)
if ! grep -q '^planted failure$' <<<"$out" || grep -qE 'line [0-9]+: +[0-9]+ Aborted' <<<"$out"; then
  echo "FAIL: the replay's report is missing, or the shell's Aborted line is shown:"; printf '%s\n' "$out" | sed 's/^/    /'
  failures=$((failures + 1))
fi
expect 1 '^repro: DID NOT REPRODUCE: .* passes' REPRO_BUILD_DIR="$scratch/real" -- "$passing"
expect 2 '^repro: COULD NOT RUN: no file ' REPRO_BUILD_DIR="$scratch/real" -- "$scratch/no-such-input"
expect 2 "^repro: COULD NOT RUN: unknown target 'ops'" REPRO_BUILD_DIR="$scratch/real" -- "$passing" ops
expect 2 '^repro: COULD NOT RUN: no replay executable ' REPRO_BUILD_DIR="$scratch/empty" -- "$passing"
expect 2 '^repro: COULD NOT RUN: usage' REPRO_BUILD_DIR="$scratch/real" --
[ "$failures" -eq 0 ] || exit 1
echo "repro_check: all seven checks as expected"
