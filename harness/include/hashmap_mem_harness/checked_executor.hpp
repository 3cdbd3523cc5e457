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

// "invariant broken: <failure>", the replay command, then the script `ops`.
std::string failure_report(const std::string& failure, const std::vector<Op>& ops);

// Orders map ids without memcmp (std::string's compare calls it, through
// ASan's interceptor and libFuzzer's hook: 7% of ops_fuzzer for ids like "m").
struct IdLess {
    bool operator()(const std::string& a, const std::string& b) const noexcept {
        if (a.size() != b.size()) return a.size() < b.size();
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i] != b[i]) return a[i] < b[i];
        }
        return false;
    }
};

class CheckedExecutor {
public:
    struct Options {
        // Without history (fuzz targets), report() has no script to print:
        // the caller prints its own ops. Saves copying every op.
        bool keep_history = true;
        // After put/get/has/del, check only what the op can have changed
        // (check_change) instead of the whole map; finish() then checks
        // every map fully. Either way a read-only op that changed no byte
        // is not checked again: same image, same model, same verdict.
        bool incremental = false;
    };

    CheckedExecutor() = default;
    explicit CheckedExecutor(Options options) : options_(options) {}

    StepResult execute(const Op& op);

    // Every invariant of every map, checked in full: "" or the failure.
    std::string finish();

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
    std::string check_after(const Op& op);
    const Bytes& image_before(const std::string& id, const Block& block, Bytes& scratch);
    void remember_key(const std::string& id, const Bytes& key);

    Options options_;
    Executor real_;
    std::map<std::string, Model, IdLess> models_;
    struct RecentKeys {
        std::vector<std::string> keys;  // absent-key probes: keys ops named lately
        std::size_t oldest = 0;
    };
    std::map<std::string, RecentKeys, IdLess> recent_keys_;
    Bytes target_scratch_, source_scratch_;
    std::map<std::string, Bytes, IdLess> checked_images_;  // each map's image when its last check passed (the premise)
    std::vector<Op> history_;
};

}  // namespace hashmap_mem::harness
