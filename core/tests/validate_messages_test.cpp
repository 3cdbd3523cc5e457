// Every ValidateError has its own message; out-of-range values are named too.
#include <set>
#include <string>

#include "validate_support.hpp"

namespace hashmap_mem::test {
namespace {

TEST(ValidateMessages, EveryErrorHasADistinctNonEmptyMessage) {
    const auto last = static_cast<int>(ValidateError::KeyUnreachableTooFar);
    std::set<std::string> messages;
    for (int e = 0; e <= last; ++e) {
        const std::string message = describe(static_cast<ValidateError>(e));
        EXPECT_FALSE(message.empty());
        EXPECT_NE(message, "unknown validate error") << e;
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), static_cast<std::size_t>(last + 1));
    EXPECT_STREQ(describe(static_cast<ValidateError>(last + 1)), "unknown validate error");
}

}  // namespace
}  // namespace hashmap_mem::test
