// gtest main for the property tests.
//
// HASHMAP_MEM_PROPERTY_SCALE=N runs N times as many test cases per property
// (rapidcheck's max_success = 100 * N), unless RC_PARAMS already sets
// max_success. Both reach rapidcheck through RC_PARAMS, which it reads when
// the first property starts.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace {

constexpr long DEFAULT_MAX_SUCCESS = 100;

void apply_scale() {
    const char* scale_text = std::getenv("HASHMAP_MEM_PROPERTY_SCALE");
    if (scale_text == nullptr) return;
    const long scale = std::strtol(scale_text, nullptr, 10);
    const char* params_text = std::getenv("RC_PARAMS");
    std::string params = params_text == nullptr ? "" : params_text;
    if (scale < 1 || params.find("max_success") != std::string::npos) return;
    params += " max_success=" + std::to_string(DEFAULT_MAX_SUCCESS * scale);
    setenv("RC_PARAMS", params.c_str(), 1);
}

}  // namespace

int main(int argc, char** argv) {
    apply_scale();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
