# hashmap-mem: thin front door over CMake and the scripts in ci/.
#   make test       ASan+UBSan build (clang) of everything, then ctest
#   make fuzz       every libFuzzer target for FUZZ_SECONDS each, with a summary
#   make fuzz-merge minimise the scratch corpus into corpus/
#   make repro CRASH=<file>   replay one fuzz input in the sanitizer build; exit 0 only if it REPRODUCED
#   make coverage   source-based coverage of core/ from the test suite
#   make bench      release build of bench/, ratio lines at the end
#   make gcc-test   plain g++ build of library and tests
#   make exhaustive every scope of the exhaustive explorer, release build (~20-40 min)
#   make sizing     the table of inserts refused by fill (docs/sizing.md)
# Missing tools are installed by ci/install-deps.sh (Debian packages).

BUILD ?= build
JOBS ?= $(shell nproc)
CXX_CLANG ?= clang++
CC_CLANG ?= clang
FUZZ_SECONDS ?= 60
CMAKE_GEN := -G Ninja

.PHONY: all test deps fuzz fuzz-merge repro coverage bench gcc-test exhaustive sizing clean

all: test

# A stamp per machine state: re-run the installer when a tool or header is missing.
deps:
	@command -v $(CXX_CLANG) >/dev/null && command -v cmake >/dev/null && command -v ninja >/dev/null \
	  && test -f /usr/include/rapidcheck.h && test -f /usr/include/gtest/gtest.h \
	  && test -f /usr/include/benchmark/benchmark.h && test -d /usr/include/absl \
	  && command -v afl-clang-fast++ >/dev/null && command -v valgrind >/dev/null \
	  && test -x /usr/bin/cargo && test -f /usr/share/cargo/registry/fxhash-0.2.1/Cargo.toml \
	  || bash ci/install-deps.sh

$(BUILD)/asan/build.ninja: | deps
	cmake -S . -B $(BUILD)/asan $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=$(CXX_CLANG) \
	  -DCMAKE_C_COMPILER=$(CC_CLANG) -DHASHMAP_MEM_SANITIZE=ON

test: deps $(BUILD)/asan/build.ninja
	cmake --build $(BUILD)/asan -j $(JOBS)
	cd $(BUILD)/asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

gcc-test: deps
	cmake -S . -B $(BUILD)/gcc $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc
	cmake --build $(BUILD)/gcc -j $(JOBS)
	cd $(BUILD)/gcc && ctest --output-on-failure -j $(JOBS)

# Release: the explorer runs hundreds of millions of checked ops; ctest runs
# its bounded scopes under ASan+UBSan. Not in $(BUILD)/release: that is the
# install build (README, `cmake --preset release`), tests off, any generator.
exhaustive: deps
	cmake -S . -B $(BUILD)/release-tools $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=$(CXX_CLANG) \
	  -DHASHMAP_MEM_BUILD_TESTS=ON -DHASHMAP_MEM_BUILD_PROPERTIES=OFF  # the harness is built with tests or fuzz
	cmake --build $(BUILD)/release-tools -j $(JOBS) --target hashmap-mem-explore
	$(BUILD)/release-tools/explore/hashmap-mem-explore --scope all

# The refusal table of docs/sizing.md, in the same Release build.
sizing: deps
	cmake -S . -B $(BUILD)/release-tools $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=$(CXX_CLANG) \
	  -DHASHMAP_MEM_BUILD_TESTS=ON -DHASHMAP_MEM_BUILD_PROPERTIES=OFF
	cmake --build $(BUILD)/release-tools -j $(JOBS) --target hashmap-mem-sizing
	$(BUILD)/release-tools/harness/hashmap-mem-sizing

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) BUILD=$(BUILD) bash ci/fuzz.sh

fuzz-merge: deps
	BUILD=$(BUILD) bash ci/fuzz-merge.sh

repro: deps
	@test -n "$(CRASH)" || { echo "usage: make repro CRASH=<file> [TARGET=<target>]"; exit 2; }
	@BUILD=$(BUILD) bash ci/repro.sh "$(CRASH)" $(TARGET)

coverage: deps
	BUILD=$(BUILD) bash ci/coverage.sh

bench: deps
	BUILD=$(BUILD) bash ci/bench.sh

clean:
	rm -rf $(BUILD)
