// A wrapper bug is found the way a core bug is: a script that selects the
// front end with `via` runs through the CheckedExecutor, which compares every
// answer with its model. Each case runs twice: with a deliberately wrong
// wrapper (set_front_end_fault) the check must fail, naming the op; with the
// real one, or through another front end, the same script must pass.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "run/checked_executor.hpp"
#include "front_ends/front_end.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {
namespace {

struct Fault {
    explicit Fault(FrontEndFault f) { set_front_end_fault(f); }
    ~Fault() { set_front_end_fault(FrontEndFault::None); }
};

// The first failure of the script, or "" (each op checked incrementally, as the fuzz targets do).
std::string first_failure(const std::string& script) {
    CheckedExecutor checker(CheckedExecutor::Options{true, true, false});
    std::size_t from = 0;
    while (from < script.size()) {
        const std::size_t end = script.find('\n', from);
        const ParsedLine parsed = parse_line(script.substr(from, end - from));
        from = end == std::string::npos ? script.size() : end + 1;
        EXPECT_FALSE(std::holds_alternative<ParseError>(parsed));
        if (const Op* op = std::get_if<Op>(&parsed)) {
            const StepResult step = checker.execute(*op);
            if (!step.failure.empty()) return step.failure;
        }
    }
    return checker.finish();
}

const std::string HAS_SCRIPT = "new a 4 4 4 4 8\nvia a FRONT\nput a 01000000 0a000000\nhas a 01000000\nhas a 02000000\n";

std::string with(std::string script, const std::string& front_end) {
    script.replace(script.find("FRONT"), 5, front_end);
    return script;
}

TEST(FrontEndFault, AnInvertedCHasIsCaughtThroughViaC) {
    const Fault fault(FrontEndFault::CHasInverted);
    const std::string failure = first_failure(with(HAS_SCRIPT, "c"));
    EXPECT_NE(failure.find("has a 01000000 answered '0', expected '1'"), std::string::npos) << failure;
    EXPECT_EQ(first_failure(with(HAS_SCRIPT, "raw")), "");   // the fault is the C wrapper's only
    EXPECT_EQ(first_failure(with(HAS_SCRIPT, "view")), "");
}

TEST(FrontEndFault, AViewEraseThatKeepsTheKeyIsCaughtThroughViaView) {
    const std::string script =
        "new a 8 8 16 8 16\nvia a view\nput a 0100000000000000 " + std::string(32, 'a') + "\ndel a 0100000000000000\n";
    {
        const Fault fault(FrontEndFault::ViewEraseKeeps);
        const std::string failure = first_failure(script);
        EXPECT_NE(failure.find("map a"), std::string::npos) << failure;  // the map still holds the key the model lost
    }
    EXPECT_EQ(first_failure(script), "");
}

TEST(FrontEndFault, WithoutAFaultEveryFrontEndPassesTheSameScript) {
    for (const char* front_end : {"raw", "c", "view"}) {
        EXPECT_EQ(first_failure(with(HAS_SCRIPT, front_end)), "") << front_end;
    }
}

}  // namespace
}  // namespace hashmap_mem::harness
