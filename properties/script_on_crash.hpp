// Under ASan/UBSan a memory error ends the process before rapidcheck can
// shrink or print a counterexample. While a ScriptOnCrash lives, such a death
// first prints the op script of the test case that was running (not shrunk),
// so the crash still replays with `hashmap-mem-script --model`.
#pragma once

#include "run/checked_executor.hpp"

namespace hashmap_mem::properties {

class ScriptOnCrash {
public:
    explicit ScriptOnCrash(const harness::CheckedExecutor& running);
    ~ScriptOnCrash();
    ScriptOnCrash(const ScriptOnCrash&) = delete;
    ScriptOnCrash& operator=(const ScriptOnCrash&) = delete;
};

}  // namespace hashmap_mem::properties
