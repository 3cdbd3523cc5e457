// The spine of every checker: runs each op on the real map and on the model,
// compares the answer with the model's, and checks every invariant after
// every op. Fuzz targets, property tests and `hashmap-mem-script --model`
// only decide how to report a failure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "hashmap_mem_harness/executor.hpp"
#include "hashmap_mem_harness/model.hpp"
#include "hashmap_mem_harness/op.hpp"

namespace hashmap_mem::harness {

struct StepResult {
    std::string result;   // the result line, as hashmap-mem-script prints it
    std::string failure;  // empty, or the invariant or answer that broke
};

class CheckedExecutor {
public:
    StepResult execute(const Op& op);

    // The ops run so far: with a failure, the op script that reproduces it.
    const std::vector<Op>& history() const noexcept { return history_; }
    // "<failure>\n# replay: hashmap-mem-script --model < script\n<script>"
    std::string report(const std::string& failure) const;

    const Executor& real() const noexcept { return real_; }
    const Model* model(const std::string& id) const;

private:
    std::string check_answer(const Op& op, const std::string& result, const std::vector<std::uint8_t>& target_before,
                             const std::vector<std::uint8_t>& source_before, const std::vector<std::uint32_t>& occupied_before);
    std::string check_map(const std::string& id);
    void remember_key(const std::string& id, const Bytes& key);

    Executor real_;
    std::map<std::string, Model> models_;
    std::map<std::string, std::vector<std::string>> recent_keys_;  // absent-key probes per map
    std::vector<Op> history_;
};

}  // namespace hashmap_mem::harness
