// A fuzz target runs each op as it is decoded (Script's sink, one Op kept
// across inputs); a failure decodes the input again into a list to print
// the script. Both must give the same ops, or a printed script is not the
// one that failed.
#include <gtest/gtest.h>

#include "fuzz_input/input_reading.hpp"
#include "keys/splitmix.hpp"
#include "script/script.hpp"

namespace hashmap_mem::harness {
namespace {

using fuzz_input::ByteReader;
using fuzz_input::Script;

std::vector<Op> listed(const Bytes& input) {
    Script s(input.size());
    ByteReader in(input.data(), input.size());
    fuzz_input::decode_overwrite(in, s);
    return s.ops;
}

std::string streamed(const Bytes& input, Op& scratch) {
    std::string text;
    Script s([&text](const Op& op) { text += print(op) + "\n"; }, scratch);
    ByteReader in(input.data(), input.size());
    fuzz_input::decode_overwrite(in, s);
    return text;
}

// overwrite_fuzzer's mirrored layouts repeat each put or del on the other
// map (Script::again_on), the one op the sink does not build anew.
TEST(ScriptSink, StreamsTheOpsTheListHoldsWithOneOpKeptAcrossInputs) {
    Op scratch;  // one for every input, as run_fuzz_input keeps it
    std::uint64_t seed = 25;
    int mirrored_inputs = 0;
    for (int n = 0; n < 2000; ++n) {
        Bytes input(1 + splitmix(seed) % 96);
        for (std::uint8_t& b : input) b = static_cast<std::uint8_t>(splitmix(seed));
        const std::vector<Op> ops = listed(input);
        ASSERT_EQ(streamed(input, scratch), print(ops)) << "input " << n;
        for (std::size_t i = 1; i < ops.size(); ++i) {
            if (ops[i].map != ops[i - 1].map && ops[i].kind == ops[i - 1].kind && ops[i].key == ops[i - 1].key &&
                (ops[i].kind == OpKind::Put || ops[i].kind == OpKind::Del)) {
                ++mirrored_inputs;
                break;
            }
        }
    }
    EXPECT_GT(mirrored_inputs, 20);  // again_on ran, in both modes
}

}  // namespace
}  // namespace hashmap_mem::harness
