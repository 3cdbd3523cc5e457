#include "script/op_kinds.hpp"

#include <gtest/gtest.h>

#include <string>

#include "run/checked_executor.hpp"
#include "run/executor.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {
namespace {

// A well-formed line of the row's kind on map `id` (made key_size 1, value_size 1).
std::string sample(const OpKindRow& row, const std::string& id, const std::string& key = "01",
                   const std::string& value = "02") {
    std::string line(row.name);
    for (const ArgShape& arg : row.args) {
        switch (arg.field) {
            case Field::None: return line;
            case Field::Map:
            case Field::MadeMap:
            case Field::Source: line += " " + id; break;
            case Field::Key: line += " " + key; break;
            case Field::Value: line += " " + value; break;
            case Field::Hex: line += " 0a0b"; break;
            case Field::Layout: line += " 1 1 1 1 8"; break;
            case Field::Fill: line += " 5a"; break;
            case Field::Number: line += " 3"; break;
            case Field::FrontEnd: line += " view"; break;
        }
    }
    return line;
}

Op parsed(const std::string& line) {
    const ParsedLine result = parse_line(line);
    EXPECT_TRUE(std::holds_alternative<Op>(result)) << line;
    return std::holds_alternative<Op>(result) ? std::get<Op>(result) : Op{};
}

TEST(OpKinds, EveryKindHasItsRowAtItsIndexAndAHelpLine) {
    for (std::size_t i = 0; i < OP_KIND_COUNT; ++i) {
        const OpKindRow& row = op_kind(static_cast<OpKind>(i));
        EXPECT_EQ(static_cast<std::size_t>(row.kind), i);
        EXPECT_NE(script_commands_help().find("  " + std::string(row.name) + " "), std::string::npos) << row.name;
    }
}

TEST(OpKinds, EveryKindPrintsTheLineItParsedFrom) {
    for (const OpKindRow& row : OP_KINDS) {
        const std::string line = sample(row, "m");
        const Op op = parsed(line);
        EXPECT_EQ(op.kind, row.kind) << line;
        EXPECT_EQ(print(op), line);
    }
    EXPECT_EQ(print(parsed("new m 1 1 1 1 8")), "new m 1 1 1 1 8");  // FILL left out
}

TEST(OpKinds, TraitsAreWhatTheExecutorDoes) {
    for (const OpKindRow& row : OP_KINDS) {
        Executor executor;
        executor.execute(parsed("new m 1 1 1 1 8"));
        for (const char* key : {"01", "05", "07"}) executor.execute(parsed("put m " + std::string(key) + " 06"));
        const std::string image = executor.execute(parsed("img m"));
        executor.execute(parsed(sample(row, "m")));
        if (row.reads_only) {
            EXPECT_EQ(executor.execute(parsed("img m")), image) << row.name;
        }
        const bool no_map = executor.execute(parsed(sample(row, "q"))).rfind("error no map 'q'", 0) == 0;
        EXPECT_EQ(no_map, row.on_map()) << row.name;
        const bool key_refused = executor.execute(parsed(sample(row, "m", "0102"))).rfind("error key has 2 bytes", 0) == 0;
        EXPECT_EQ(key_refused, row.keyed()) << row.name;
        const bool value_refused = executor.execute(parsed(sample(row, "m", "01", "."))).rfind("error value has 0", 0) == 0;
        EXPECT_EQ(value_refused, row.takes_value()) << row.name;
    }
}

TEST(OpKinds, EveryKindPassesItsCheckerOnALiveMap) {
    CheckedExecutor checked;
    checked.execute(parsed("new m 1 1 1 1 8"));
    for (const OpKindRow& row : OP_KINDS) {
        for (const char* key : {"01", "05", "07"}) checked.execute(parsed("put m " + std::string(key) + " 06"));
        EXPECT_EQ(checked.execute(parsed(sample(row, "m"))).failure, "") << row.name;
    }
    EXPECT_EQ(checked.finish(), "");
}

}  // namespace
}  // namespace hashmap_mem::harness
