// Answers are values (Executor::run); print(Answer) must still give the result
// lines of SPEC §9 that hashmap-mem-script prints and the conformance vectors
// hold, including the harness-only scan lines. The map has capacity 4 and
// key_size 1, so each key's home is known: 01 -> 0 (fxhash64.txt: 517c...),
// 02 -> 1 (a2f9...).
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "run/executor.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {
namespace {

std::vector<std::string> results_of(const std::vector<std::string>& lines) {
    Executor executor;
    std::vector<std::string> results;
    for (const std::string& line : lines) {
        const ParsedLine parsed = parse_line(line);
        EXPECT_TRUE(std::holds_alternative<Op>(parsed)) << line;
        if (std::holds_alternative<Op>(parsed)) results.push_back(executor.execute(std::get<Op>(parsed)));
    }
    return results;
}

TEST(AnswerPrint, GivesTheResultLineOfEveryKind) {
    EXPECT_EQ(results_of({"new m 1 1 2 1 4", "put m 01 aabb", "get m 01", "get m 02", "has m 01", "del m 02",
                          "next m 1", "check m", "put m 0102 aabb"}),
              (std::vector<std::string>{"ok", "1", "aabb", "none", "1", "0", "65535", "ok",
                                        "error key has 2 bytes, the map's key_size is 1"}));
}

// After the put: O E E E. scanput puts key 02 after visiting bucket 0; it
// lands at bucket 1, after the entry it followed, so the scan visits it:
// "0 1 put 1". scandel 1 then removes both.
TEST(AnswerPrint, GivesScanLinesWithIndicesThenPut) {
    EXPECT_EQ(results_of({"new m 1 1 0 1 4", "scan m", "put m 01 .", "scanput m 1 02 .", "scandel m 1", "scan m",
                          "scanput m 5 03 ."}),
              (std::vector<std::string>{"ok", ".", "1", "0 1 put 1", "0 1", ".", ". put -"}));
}

}  // namespace
}  // namespace hashmap_mem::harness
