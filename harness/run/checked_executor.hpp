// The spine of every checker: runs each op on the real map and on the model,
// compares the answer with the model's, and checks every invariant after
// every op. Fuzz targets, property tests and `hashmap-mem-script --model`
// only decide how to report a failure.
#pragma once

#include <cstdint>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "script/bytes.hpp"
#include "run/executor.hpp"
#include "model/state_report.hpp"
#include "model/model.hpp"
#include "script/op.hpp"

namespace hashmap_mem::harness {

struct StepResult {
    std::string result;   // the result line, as hashmap-mem-script prints it (unless Options::print_results is off)
    std::string failure;  // empty, or the invariant or answer that broke
};

// "invariant broken: <failure>", the replay command, then the script `ops`.
std::string failure_report(const std::string& failure, const std::vector<Op>& ops);

class CheckedExecutor {
public:
    struct Options {
        // Without history (fuzz targets), report() has no script to print:
        // the caller prints its own ops. Saves copying every op.
        bool keep_history = true;
        // After put/get/has/del/scandel, check only what the op can have changed
        // (check_change) instead of the whole map; finish() then checks
        // every map fully. Either way a read-only op that changed no byte
        // is not checked again: same image, same model, same verdict.
        bool incremental = false;
        // StepResult::result is printed only when asked: the fuzz targets
        // compare answers as values and print only a failure.
        bool print_results = true;
    };

    CheckedExecutor() = default;
    explicit CheckedExecutor(Options options) : options_(options) {}

    StepResult execute(const Op& op);

    // Forgets every map and the history, as if newly made, but keeps the
    // buffers for the next script.
    void reset();

    // Every invariant of every map, checked in full: "" or the failure.
    std::string finish();

    // The ops run so far: with a failure, the op script that reproduces it.
    const std::vector<Op>& history() const noexcept { return history_; }
    // "<failure>\n# replay: hashmap-mem-script --model < script\n<script>"
    std::string report(const std::string& failure) const;

    const Executor& real() const noexcept { return real_; }
    const Model* model(const std::string& id) const;

    // Counts what each op reached (state_report.hpp); null (the default): none.
    void set_state_report(StateReport* report) noexcept { state_report_ = report; }

private:
    // Everything the checker keeps about one map, found once per op.
    struct MapState {
        std::string id;
        Model model;
        std::vector<std::string> recent_keys;  // absent-key probes: keys ops named lately (a ring)
        std::vector<std::string> spare_keys;   // recent_keys' strings kept across scripts, buffers and all
        std::size_t oldest_recent = 0;
        Bytes image;               // the map's image when its last check passed: the premise of check_change
        bool image_valid = false;  // false until a check passes, and after any failure
        bool live = false;         // false: a map of an earlier script, kept for its buffers
        bool live_front_ends_checked = false;  // a check op ran every front end's validate on it
        // The byte-level oracle (reference.hpp): the Rust crate's image of this map.
        Bytes reference;
        // Tombstones followed by an Empty bucket that the map had when loaded:
        // the map reclaims only what its own removals leave (SPEC §5), so
        // none may appear that is not in this list (empty for a new map).
        std::vector<std::uint32_t> tolerated_tombstones;
    };

    // The op's checker (one per kind) with what it was given: checked_executor.cpp.
    struct AnswerCheck;
    std::string check_answer(const Op& op, const Answer& answer, const std::vector<std::uint8_t>& target_before,
                             const std::vector<std::uint8_t>& source_before, const std::vector<std::uint32_t>& occupied_before);
    std::string check_map(MapState& state, const Block& block);
    void run_reference(const Op& op);
    std::string check_reference(const Op& op, const Answer& answer);
    std::string check_after(const Op& op);
    std::string compare_reference(const Op& op, MapState& m, const Block& block);
    // Keys (at most 40 bytes) of front-end checks that passed: a
    // direct-mapped table allocated once, so that a new key allocates
    // nothing (libFuzzer runs a leak check after any input that ends with
    // more mallocs than frees: a std::unordered_set cost 90% of the time).
    class PassedChecks {
    public:
        static constexpr std::size_t SLOTS = 4096, KEY_BYTES = 40;
        bool contains(const void* key, std::size_t size) const;
        void insert(const void* key, std::size_t size);  // evicts what shared its slot
    private:
        using Slot = std::array<std::uint8_t, KEY_BYTES + 1>;  // [0]: the key's size, 0 = empty
        static std::size_t slot(const void* key, std::size_t size);
        std::vector<Slot> slots_ = std::vector<Slot>(SLOTS);
    };
    std::string once_per_process(PassedChecks& passed, const void* key, std::size_t size,
                                 const std::function<std::string()>& check);
    std::string layout_front_ends(const LayoutArgs& args);
    const Bytes& image_before(const std::string& id, const Block& block, Bytes& scratch);
    static void remember_key(MapState& state, const Bytes& key);
    static void forget_recent_keys(MapState& state);
    MapState* state(const std::string& id);
    MapState& fresh_state(const std::string& id, const MapHeader& header);

    Options options_;
    StateReport* state_report_ = nullptr;
    // The op's bucket bytes that differ from the map's last checked image,
    // when compare_reference computed them (check_after reuses them).
    ByteRange changed_{};
    bool changed_valid_ = false;
    Executor real_;
    // A script names a handful of maps: a linear search beats a std::map.
    std::vector<MapState> maps_;
    Bytes target_scratch_, source_scratch_;
    std::string key_;  // the op's key as a model key; reused, so keys above 15 bytes allocate once
    std::vector<std::uint32_t> occupied_before_, occupied_after_;  // scans: reused buffers
    Answer answer_;                                                // the last op's; reused
    Answer reference_answer_;  // the reference's answer to the last op; reused
    bool reference_ran_ = false;
    Bytes reference_source_;  // ow: a copy of the source's reference image (also for ow m m)
    std::vector<std::uint32_t> reclaimable_;  // reused
    std::vector<Op> history_;
    // Front-end answers already checked in this process, kept across reset()
    // (once_per_process): a layout's answers are a
    // function of its five arguments; a live map's validate and attach
    // answers, of its header, its size and its address mod 256.
    PassedChecks layouts_checked_, live_headers_checked_;
};

}  // namespace hashmap_mem::harness
