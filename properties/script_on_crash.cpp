#include "script_on_crash.hpp"

#include <cstdio>

#include "script/script.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define HASHMAP_MEM_HAS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define HASHMAP_MEM_HAS_SANITIZER 1
#endif
#endif

#ifdef HASHMAP_MEM_HAS_SANITIZER
#include <sanitizer/common_interface_defs.h>
#endif

namespace hashmap_mem::properties {

namespace {

// The sanitizer's death callback takes no argument: the running case is global.
const harness::CheckedExecutor* running_case = nullptr;

[[maybe_unused]] void print_running_script() {
    if (running_case == nullptr) return;
    const std::string script = harness::print(running_case->history());
    std::fprintf(stderr,
                 "\n# sanitizer stopped the test case running these ops (last op is where it died; not shrunk)\n"
                 "# replay: hashmap-mem-script --model < this-script\n%s",
                 script.c_str());
}

}  // namespace

ScriptOnCrash::ScriptOnCrash(const harness::CheckedExecutor& running) {
    running_case = &running;
#ifdef HASHMAP_MEM_HAS_SANITIZER
    __sanitizer_set_death_callback(print_running_script);
#endif
}

ScriptOnCrash::~ScriptOnCrash() { running_case = nullptr; }

}  // namespace hashmap_mem::properties
