#include "run/checked_executor.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include "hashmap_mem/hashmap_mem.hpp"
#include "front_ends/front_end.hpp"
#include "oracle/front_end_oracle.hpp"
#include "model/invariants.hpp"
#include "oracle/reference.hpp"
#include "run/map_calls.hpp"
#include "script/op_kinds.hpp"
#include "script/script.hpp"
#include "oracle/spec_hash.hpp"

namespace hashmap_mem::harness {

namespace {

constexpr std::size_t RECENT_KEYS = 16;


std::string wrong_answer(const std::string& what, const std::string& got, const std::string& expected) {
    return what + " answered '" + got + "', expected '" + expected + "'";
}


// The same answer, value for value (get: the same value bytes).
bool same_answer(const Answer& a, const Answer& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Answer::Kind::Flag: return a.flag == b.flag;
        case Answer::Kind::Value: return a.value_size == b.value_size && bytes_equal(a.value, b.value, a.value_size);
        case Answer::Kind::Index: return a.index == b.index;
        case Answer::Kind::Indices: return a.indices == b.indices && a.put == b.put;
        case Answer::Kind::Absent: return true;
        case Answer::Kind::Error:
        case Answer::Kind::Text: return a.text == b.text;
    }
    return false;
}

}  // namespace

// One op's answer check: the op, its answer, what was there before it, and
// for a map op (OpKindRow::on_map) its map. Its member functions are the
// checkers, one per op kind (has and del share one); the table in row()
// finds each kind's, with what the rest of the checker does for the kind.
// The kind's name, arguments and traits: script/op_kinds.hpp.
struct CheckedExecutor::AnswerCheck {
    CheckedExecutor& ex;
    const Op& op;
    const Answer& answer;
    const Bytes& target_before;  // Before::TARGET_IMAGE: the map's image before the op
    const Bytes& source_before;  // Before::SOURCE_IMAGE: the source's image before the op
    const std::vector<std::uint32_t>& occupied_before;  // Before::OCCUPIED: the buckets Occupied before the op
    Block* block = nullptr;    // a map op's map: never null in its checker
    MapState* map = nullptr;

    std::string hash() { return ""; }
    std::string layout();
    std::string new_map();
    std::string put();
    std::string get();
    std::string has_or_del();
    std::string overwrite();
    std::string next();
    std::string img() { return ""; }
    std::string load();
    std::string check();
    std::string scan();
    std::string scandel();
    std::string scanput();
    std::string via();

    // How the reference (reference.hpp) runs the op: not at all, reference::run, reference::overwrite.
    enum class Reference : std::uint8_t { None, Run, Overwrite };
    // What a kind's checker needs from before the op (bits).
    enum Before : std::uint8_t { NOTHING = 0, TARGET_IMAGE = 1, SOURCE_IMAGE = 2, OCCUPIED = 4 };
    struct Row {
        OpKind kind;
        std::string (AnswerCheck::*check)();
        Reference reference;
        std::uint8_t before;
        // Options::incremental: check_change checks what it changed (its key's
        // buckets; scandel's, the keys it removed) instead of the whole map.
        bool incremental;
        // Then no Tombstone may be left that remove promises to reclaim (SPEC §5).
        bool reclaims;
    };
    static const Row& row(OpKind kind);

    std::string line() const { return print(op); }        // printed only for a failure (it allocates)
    std::string result() const { return print(answer); }  // likewise
    bool is_error() const { return answer.kind == Answer::Kind::Error; }
    bool flag_is(bool flag) const { return answer.kind == Answer::Kind::Flag && answer.flag == flag; }
    bool ok() const { return answer.kind == Answer::Kind::Text && answer.text == "ok"; }
    // An op that had to be refused: "" if it was, else the line and `what`.
    std::string must_refuse(const char* what) const { return is_error() ? "" : line() + ": " + what; }
    bool key_fits() const { return op.key.size() == map->model.header.key_size; }
    bool value_fits() const { return op.value.size() == map->model.header.value_size; }
    // The op's key, now ex.key_ (a model key), remembered for absent-key probes: where the model has it.
    Model::Entries::iterator take_key() {
        ex.key_.assign(reinterpret_cast<const char*>(op.key.data()), op.key.size());
        remember_key(*map, op.key);
        return map->model.entries.find(ex.key_);
    }
};

const CheckedExecutor::AnswerCheck::Row& CheckedExecutor::AnswerCheck::row(OpKind kind) {
    using A = AnswerCheck;
    using R = Reference;
    static constexpr Row CHECKS[] = {
        // kind, checker, reference, before, incremental, reclaims
        {OpKind::Hash, &A::hash, R::None, NOTHING, false, false},
        {OpKind::Layout, &A::layout, R::None, NOTHING, false, false},
        {OpKind::New, &A::new_map, R::None, NOTHING, false, false},
        {OpKind::Put, &A::put, R::Run, NOTHING, true, false},
        {OpKind::Get, &A::get, R::Run, NOTHING, true, false},
        {OpKind::Has, &A::has_or_del, R::Run, NOTHING, true, false},
        {OpKind::Del, &A::has_or_del, R::Run, NOTHING, true, true},
        // TARGET_IMAGE: taken, though overwrite's checker reads only the source's.
        {OpKind::Ow, &A::overwrite, R::Overwrite, TARGET_IMAGE | SOURCE_IMAGE, false, true},
        {OpKind::Next, &A::next, R::Run, NOTHING, false, false},
        {OpKind::Img, &A::img, R::None, NOTHING, false, false},
        {OpKind::Load, &A::load, R::None, NOTHING, false, false},
        {OpKind::Check, &A::check, R::None, NOTHING, false, false},
        {OpKind::Scan, &A::scan, R::Run, OCCUPIED, false, false},
        {OpKind::ScanDel, &A::scandel, R::Run, TARGET_IMAGE | OCCUPIED, true, true},
        {OpKind::ScanPut, &A::scanput, R::Run, OCCUPIED, true, false},
        {OpKind::Via, &A::via, R::None, NOTHING, false, false},
    };
    static_assert(std::size(CHECKS) == OP_KIND_COUNT, "every OpKind has a checker");
    static_assert(rows_in_kind_order(CHECKS), "CHECKS[k] is the row of OpKind k");
    return CHECKS[static_cast<std::size_t>(kind)];
}

CheckedExecutor::MapState* CheckedExecutor::state(const std::string& id) {
    for (MapState& m : maps_) {
        if (m.live && m.id.size() == id.size() && bytes_equal(m.id.data(), id.data(), id.size())) return &m;
    }
    return nullptr;
}

// Keeps the buffers (images, probe strings, model buckets) for the next
// script: a fuzz target runs one script per input, and allocating them anew
// cost page faults and ASan's allocator ~15% of ops_fuzzer's time (perf).
// What grows with the script is freed (blocks) or recycled (model
// entries; probe keys, at most RECENT_KEYS per map): libFuzzer runs an
// input again, with a leak check, whenever it allocated more than it freed,
// and that took 11% of ops_fuzzer's time while entries outlived their input.
void CheckedExecutor::reset() {
    real_.clear();
    for (MapState& m : maps_) {
        m.live = false;
        m.model.clear();
        forget_recent_keys(m);
    }
    history_.clear();
}

const Model* CheckedExecutor::model(const std::string& id) const {
    const MapState* m = const_cast<CheckedExecutor*>(this)->state(id);
    return m == nullptr ? nullptr : &m->model;
}

// A map made anew (new, load): a new model; no recent keys, no checked image.
CheckedExecutor::MapState& CheckedExecutor::fresh_state(const std::string& id, const MapHeader& header) {
    MapState* m = state(id);
    for (MapState& dead : maps_) {
        if (m == nullptr && !dead.live) m = &dead;
    }
    if (m == nullptr) m = &maps_.emplace_back();
    m->live = true;
    m->id = id;
    m->model.header = header;
    m->model.clear();
    forget_recent_keys(*m);
    m->image_valid = false;
    m->live_front_ends_checked = false;
    return *m;
}

// The ring emptied, its strings kept: a key above 15 bytes is a heap string,
// and making them anew for every script was 16 of the 33 allocations of a
// repeated ops_fuzzer input with 32-byte keys (ASan's malloc hook).
void CheckedExecutor::forget_recent_keys(MapState& state) {
    for (std::string& k : state.recent_keys) state.spare_keys.push_back(std::move(k));
    state.recent_keys.clear();
    state.oldest_recent = 0;
}

// A ring of the last RECENT_KEYS distinct keys: the oldest slot is reused
// (assign keeps its capacity), so a full ring allocates nothing.
void CheckedExecutor::remember_key(MapState& state, const Bytes& key) {
    auto& keys = state.recent_keys;
    for (const std::string& k : keys) {
        if (k.size() == key.size() && bytes_equal(k.data(), key.data(), k.size())) return;
    }
    const char* bytes = reinterpret_cast<const char*>(key.data());
    if (keys.size() < RECENT_KEYS) {
        if (state.spare_keys.empty()) {
            keys.emplace_back(bytes, key.size());
        } else {
            keys.push_back(std::move(state.spare_keys.back()));
            state.spare_keys.pop_back();
            keys.back().assign(bytes, key.size());
        }
    } else {
        keys[state.oldest_recent].assign(bytes, key.size());
        state.oldest_recent = (state.oldest_recent + 1) % RECENT_KEYS;
    }
}

// A refused layout's line names the error SPEC §3 gives it (reference::layout_error).
// Arguments above u32 are refused by the executor with its own sentence.
static std::string check_layout_error_line(const LayoutArgs& args, const Answer& answer) {
    if (answer.kind != Answer::Kind::Error) return "";
    for (const std::uint64_t f : {args.key_size, args.key_alignment, args.value_size, args.value_alignment, args.logical_limit}) {
        if (f > UINT32_MAX) return "";
    }
    const LayoutError expected = reference::layout_error(args);
    const std::string line = std::string("error ") + reference::layout_message(expected);
    if (print(answer) == line) return "";
    return "refused as '" + print(answer) + "', expected '" + line + "' (LayoutError " +
           std::to_string(static_cast<int>(expected)) + ", SPEC §3)";
}

std::string failure_report(const std::string& failure, const std::vector<Op>& ops) {
    return "invariant broken: " + failure + "\n# replay: hashmap-mem-script --model < this-script\n" + print(ops);
}

std::string CheckedExecutor::report(const std::string& failure) const { return failure_report(failure, history_); }

StepResult CheckedExecutor::execute(const Op& op) {
    if (options_.keep_history) history_.push_back(op);
    static const Bytes none;
    const Bytes* target_before = &none;
    const Bytes* source_before = &none;
    std::vector<std::uint32_t>& occupied_before = occupied_before_;  // reused: a scan per op allocated twice
    occupied_before.clear();
    const std::uint8_t before = AnswerCheck::row(op.kind).before;
    if (const Block* block = real_.find(op.map)) {
        if (before & AnswerCheck::TARGET_IMAGE) target_before = &image_before(op.map, *block, target_scratch_);
        if (before & AnswerCheck::OCCUPIED) occupied_indices(block->data(), occupied_before);
    }
    if (before & AnswerCheck::SOURCE_IMAGE) {
        if (const Block* source = real_.find(op.source)) source_before = &image_before(op.source, *source, source_scratch_);
    }

    StepResult step;
    changed_valid_ = false;
    if (state_report_ != nullptr) state_report_->before(op, real_);
    real_.run(op, answer_);
    if (state_report_ != nullptr) state_report_->after(op, answer_, real_);
    run_reference(op);
    if (options_.print_results) step.result = print(answer_);
    step.failure = check_answer(op, answer_, *target_before, *source_before, occupied_before);
    if (step.failure.empty()) step.failure = check_reference(op, answer_);
    if (step.failure.empty() && !op.map.empty()) step.failure = check_after(op);
    if (!step.failure.empty()) {
        for (MapState& m : maps_) m.image_valid = false;  // the premise of check_change is gone
    }
    return step;
}

// The map's image now: its last checked image when that still is its image
// (between ops, unless a check failed), else a copy in `scratch`. Saves a copy
// of the block per scandel (6% of ops_fuzzer, perf).
const Bytes& CheckedExecutor::image_before(const std::string& id, const Block& block, Bytes& scratch) {
    const MapState* m = state(id);
    if (m != nullptr && m->image_valid && m->image.size() == block.size() &&
        differing_range(m->image.data(), block.data(), block.size()).empty()) {
        return m->image;
    }
    scratch.assign(block.data(), block.data() + block.size());
    return scratch;
}

std::size_t CheckedExecutor::PassedChecks::slot(const void* key, std::size_t size) {
    std::uint64_t h = 0xcbf29ce484222325u;  // FNV-1a
    for (std::size_t i = 0; i < size; ++i) h = (h ^ static_cast<const std::uint8_t*>(key)[i]) * 0x100000001b3u;
    return static_cast<std::size_t>(h ^ (h >> 32)) % SLOTS;
}

bool CheckedExecutor::PassedChecks::contains(const void* key, std::size_t size) const {
    const Slot& s = slots_[slot(key, size)];
    return s[0] == size && std::memcmp(s.data() + 1, key, size) == 0;
}

void CheckedExecutor::PassedChecks::insert(const void* key, std::size_t size) {
    Slot& s = slots_[slot(key, size)];
    s[0] = static_cast<std::uint8_t>(size);
    std::memcpy(s.data() + 1, key, size);
}

// A check of front-end answers that are a function of `key`, once per
// distinct key in this process (kept across reset()): a pass is kept, a
// failure never. A key evicted from its slot is checked again when it
// comes back: never skipped wrongly.
std::string CheckedExecutor::once_per_process(PassedChecks& passed, const void* key, std::size_t size,
                                              const std::function<std::string()>& check) {
    static_assert(sizeof(std::uint64_t) * 5 <= PassedChecks::KEY_BYTES, "a layout's key fits");
    if (passed.contains(key, size)) return "";
    std::string failure = check();
    if (failure.empty()) passed.insert(key, size);
    return failure;
}

// A layout's front-end answers are a function of its five arguments; fuzz
// inputs repeat a few layouts (3.6% of ops_fuzzer's time, perf).
std::string CheckedExecutor::layout_front_ends(const LayoutArgs& args) {
    const std::uint64_t fields[] = {args.key_size, args.key_alignment, args.value_size, args.value_alignment, args.logical_limit};
    return once_per_process(layouts_checked_, fields, sizeof fields, [&args] { return check_layout_front_ends(args); });
}

std::string CheckedExecutor::check_after(const Op& op) {
    MapState* m = state(op.map);
    Block* block = real_.find(op.map);
    if (m == nullptr || block == nullptr) return "";
    if (m->image_valid && m->image.size() == block->size()) {
        const bool header_same = bytes_equal(block->data(), m->image.data(), MAP_BUCKETS_OFFSET);
        const bool reads = op_kind(op.kind).reads_only;
        // Incremental: the buckets a read wrote (a bug) are found by the next
        // op's diff against the same premise image, or by finish(); the diff
        // after every read was 9% of scan_fuzzer (perf).
        if (reads && header_same && options_.incremental && !changed_valid_) return "";
        const ByteRange differs = changed_valid_ ? changed_ : bucket_bytes_differing(block->data(), m->image.data());
        if (reads && header_same && differs.empty()) return "";
        // A scandel checks the keys it removed (the changed buckets' keys).
        // A scanput puts one key, as a put does.
        if (options_.incremental && AnswerCheck::row(op.kind).incremental) {
            // 8: a put changes one bucket, a del one plus the Tombstones it
            // reclaims; a scandel removing more is checked in full.
            const std::optional<std::string> failure =
                check_change(block->data(), m->image.data(), differs, m->model, op.key, m->recent_keys, 8);
            if (failure) {
                if (!failure->empty()) return "map " + op.map + ": " + *failure;
                // The image now passed: it becomes the premise. Only what changed is copied.
                std::memcpy(m->image.data(), block->data(), MAP_BUCKETS_OFFSET);
                std::memcpy(m->image.data() + differs.first, block->data() + differs.first, differs.end - differs.first);
                return "";
            }
        }
    }
    return check_map(*m, *block);
}

std::string CheckedExecutor::finish() {
    for (MapState& m : maps_) {
        if (Block* block = m.live ? real_.find(m.id) : nullptr) {
            std::string failure = check_map(m, *block);
            if (!failure.empty()) return failure;
        }
    }
    return "";
}

// The full check; when it passes, the image becomes the premise of check_change.
std::string CheckedExecutor::check_map(MapState& m, const Block& block) {
    std::uint8_t* data = const_cast<Block&>(block).data();
    std::string failure = check_structure(data, m.model.header);
    if (failure.empty()) failure = check_contents(data, m.model, m.recent_keys);
    if (!failure.empty()) return "map " + m.id + ": " + failure;
    m.image.assign(data, data + block.size());  // keeps its capacity
    m.image_valid = true;
    return "";
}

// The kind's checker; a map op's first finds the map.
std::string CheckedExecutor::check_answer(const Op& op, const Answer& answer, const Bytes& target_before,
                                          const Bytes& source_before,
                                          const std::vector<std::uint32_t>& occupied_before) {
    AnswerCheck check{*this, op, answer, target_before, source_before, occupied_before};
    if (op_kind(op.kind).on_map()) {
        check.block = real_.find(op.map);
        check.map = state(op.map);
        if (check.block == nullptr || check.map == nullptr) return check.must_refuse("ran on a map that does not exist");
    }
    return (check.*AnswerCheck::row(op.kind).check)();
}

std::string CheckedExecutor::AnswerCheck::layout() {
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(op.layout);
    if (is_error() != !numbers || (!is_error() && answer.text != reference::print(*numbers))) {
        return wrong_answer(line(), result(), numbers ? reference::print(*numbers) : "error") + " (SPEC §3 in 64 bits)";
    }
    const std::string which = check_layout_error_line(op.layout, answer);
    return which.empty() ? ex.layout_front_ends(op.layout) : line() + ": " + which;
}

std::string CheckedExecutor::AnswerCheck::new_map() {
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(op.layout);
    const bool valid = numbers.has_value();
    if (is_error() && valid) return line() + ": a valid layout was refused: " + result();
    if (!is_error() && !valid) return line() + ": an invalid layout was accepted";
    const std::string which = is_error() ? check_layout_error_line(op.layout, answer) : "";
    if (!which.empty()) return line() + ": " + which;
    const std::string front_ends = ex.layout_front_ends(op.layout);
    if (!front_ends.empty() || is_error()) return front_ends;
    const MapHeader h = read_header(ex.real_.find(op.map)->data());
    if (h.key_size != op.layout.key_size || h.value_size != op.layout.value_size ||
        h.logical_limit != op.layout.logical_limit || h.capacity < op.layout.logical_limit ||
        (h.capacity & (h.capacity - 1)) != 0 || h.element_count != 0 || h.padding_and_secret_code != SECRET_CODE) {
        return line() + ": init wrote a header that does not match the layout";
    }
    MapState& made = ex.fresh_state(op.map, h);
    reference::init(op.layout, *numbers, made.reference);
    made.tolerated_tombstones.clear();
    return "";
}

std::string CheckedExecutor::AnswerCheck::put() {
    if (!key_fits() || !value_fits()) return must_refuse("a key or value of the wrong length was accepted");
    Model& model = map->model;
    const auto present = take_key();
    if (flag_is(true)) {
        model.put(ex.key_, reinterpret_cast<const char*>(op.value.data()), op.value.size());
        return "";
    }
    if (!flag_is(false)) return wrong_answer(line(), result(), "1");
    if (present != model.entries.end()) return line() + ": get_or_reserve_entry gave null for a present key";
    return check_full_for_key(block->data(), ex.key_);
}

std::string CheckedExecutor::AnswerCheck::get() {
    if (!key_fits()) return must_refuse("a key of the wrong length was accepted");
    const auto present = take_key();
    if (present == map->model.entries.end()) {
        return answer.kind == Answer::Kind::Absent ? "" : wrong_answer(line(), result(), "none");
    }
    const std::string& value = present->second;
    if (answer.kind == Answer::Kind::Value && answer.value_size == value.size() &&
        bytes_equal(value.data(), answer.value, answer.value_size)) {
        return "";
    }
    return wrong_answer(line(), result(), to_hex(reinterpret_cast<const std::uint8_t*>(value.data()), value.size()));
}

// has and del: 1 iff the model has the key; del then takes it from the model.
std::string CheckedExecutor::AnswerCheck::has_or_del() {
    if (!key_fits()) return must_refuse("a key of the wrong length was accepted");
    const bool in_model = take_key() != map->model.entries.end();
    if (!flag_is(in_model)) return wrong_answer(line(), result(), in_model ? "1" : "0");
    if (op.kind == OpKind::Del && in_model) map->model.erase(ex.key_);
    return "";
}

std::string CheckedExecutor::AnswerCheck::overwrite() {
    const Block* source = ex.real_.find(op.source);
    const MapState* source_state = ex.state(op.source);
    if (source == nullptr || source_state == nullptr) return must_refuse("ran with a source that does not exist");
    // Compared in place: a copy of the source per ow was an allocation and a memcpy.
    if (source->size() != source_before.size() || !bytes_equal(source->data(), source_before.data(), source->size())) {
        return line() + ": overwrite wrote to its source";
    }
    // The reference ran the crate's overwrite (limit check first, then
    // layouts, then source buckets in index order, all or nothing): its
    // answer is the one; the image compare (check_reference) does the rest.
    const bool expected = ex.reference_answer_.flag;
    if (!flag_is(expected)) return wrong_answer(line(), result(), expected ? "1" : "0") + " (the Rust crate's overwrite)";
    if (expected && op.map != op.source) {
        for (const auto& [k, v] : source_state->model.entries) map->model.put(k, v);
    }
    return "";  // a failure leaves the model as it was: check_contents proves nothing was lost or added
}

std::string CheckedExecutor::AnswerCheck::next() {
    if (answer.kind != Answer::Kind::Index) return line() + ": " + result();
    return check_next(block->data(), op.number, answer.index);
}

std::string CheckedExecutor::AnswerCheck::load() {
    // Which verdict, not only whether: the reference's validate (SPEC §10).
    const std::string expected = expected_load_line(op.key.data(), op.key.size());
    if (result() != expected) return wrong_answer("load " + op.map + " <" + std::to_string(op.key.size()) + "-byte image>", result(), expected);
    const std::string front_ends = check_validate_front_ends(op.key.data(), op.key.size());
    if (!front_ends.empty()) return "load " + op.map + ": " + front_ends;
    if (ok()) {
        const Block* loaded_block = ex.real_.find(op.map);
        Model seeded = model_from_image(loaded_block->data());
        MapState& loaded = ex.fresh_state(op.map, seeded.header);
        loaded.model = std::move(seeded);
        loaded.reference.assign(loaded_block->data(), loaded_block->data() + loaded_block->size());
        reference::reclaimable_tombstones(loaded_block->data(), loaded.tolerated_tombstones);
    }
    return "";
}

std::string CheckedExecutor::AnswerCheck::check() {
    if (!ok()) return line() + ": validate refused a live map: " + result();
    // Every front end's verdict on the live map too (a script replaying a
    // failed load ends in check: the explorer's restores are loads), on
    // the map's first check: the check itself validates through the
    // map's own front end every time, and attach's other verdicts
    // depend on the header only. Every check ran validate 5 to 7 times,
    // 8% of ops_fuzzer (callgrind); loads check every front end always.
    if (map->live_front_ends_checked) return "";
    map->live_front_ends_checked = true;
    // Once per layout (the header but its element_count), block size and
    // address mod 256: on a map validate accepts, what the front ends should
    // answer follows from those (check_validate_front_ends); their answers
    // on other contents are checked by every load, never skipped. This
    // compare, on each input's first check of a map, was 6.9% of
    // ops_fuzzer's time (perf).
    std::uint8_t seen[MAP_BUCKETS_OFFSET + sizeof(std::uint64_t) + 1];
    std::memcpy(seen, block->data(), MAP_BUCKETS_OFFSET);
    seen[2] = seen[3] = 0;  // element_count
    const std::uint64_t size = block->size();
    std::memcpy(seen + MAP_BUCKETS_OFFSET, &size, sizeof size);
    seen[sizeof seen - 1] = static_cast<std::uint8_t>(reinterpret_cast<std::uintptr_t>(block->data()) % 256);
    const std::string front_ends = ex.once_per_process(ex.live_headers_checked_, seen, sizeof seen, [this] {
        return check_validate_front_ends(block->data(), block->size());
    });
    return front_ends.empty() ? "" : line() + ": " + front_ends;
}

std::string CheckedExecutor::AnswerCheck::scan() {
    if (answer.kind != Answer::Kind::Indices) return line() + ": " + result();
    const std::string failure = check_scan(block->data(), occupied_before, answer.indices);
    return failure.empty() ? "" : line() + ": " + failure;
}

// A scan, then the model loses every EVERY-th key visited (read from the image before).
std::string CheckedExecutor::AnswerCheck::scandel() {
    const std::string failure = scan();
    if (!failure.empty() || op.number == 0) return failure;
    const std::vector<std::uint32_t>& visited = answer.indices;
    const MapHeader h = read_header(target_before.data());
    for (std::size_t i = op.number - 1; i < visited.size(); i += op.number) {
        const std::uint8_t* bucket = target_before.data() + MAP_BUCKETS_OFFSET + std::size_t{visited[i]} * h.bucket_size;
        ex.key_.assign(reinterpret_cast<const char*>(bucket + h.key_offset), h.key_size);
        map->model.erase(ex.key_);
    }
    return "";
}

std::string CheckedExecutor::AnswerCheck::scanput() {
    if (!key_fits() || !value_fits()) return must_refuse("a key or value of the wrong length was accepted");
    Model& model = map->model;
    const auto present = take_key();
    const std::string& key = ex.key_;
    if (answer.kind != Answer::Kind::Indices) return line() + ": " + result();
    const std::vector<std::uint32_t>& visited = answer.indices;
    const char put = answer.put;
    // What the scan must visit: the entries there when it began, and a
    // bucket the put added iff it lies after the entry the put followed
    // (find_next_valid_entry returns the first Occupied at >= start).
    std::vector<std::uint32_t> expected = occupied_before;
    if (occupied_before.size() < op.number) {
        if (put != '-') return wrong_answer(line(), result(), "no put: fewer entries than EVERY");
    } else if (put == '0') {
        if (present != model.entries.end()) return line() + ": get_or_reserve_entry gave null for a present key";
        const std::string full = check_full_for_key(block->data(), key);
        if (!full.empty()) return line() + ": " + full;
    } else if (put == '1') {
        const bool was_present = present != model.entries.end();
        model.put(key, reinterpret_cast<const char*>(op.value.data()), op.value.size());
        const std::uint32_t cursor = occupied_before[op.number - 1];
        occupied_indices(block->data(), ex.occupied_after_);
        for (std::uint32_t index : ex.occupied_after_) {
            if (was_present || index <= cursor ||
                std::binary_search(occupied_before.begin(), occupied_before.end(), index)) {
                continue;
            }
            expected.insert(std::upper_bound(expected.begin(), expected.end(), index), index);
        }
    } else {
        return wrong_answer(line(), result(), "indices then put 1, 0 or -");
    }
    const std::string failure = check_scan(block->data(), expected, visited);
    return failure.empty() ? "" : line() + ": " + failure;
}

std::string CheckedExecutor::AnswerCheck::via() {
    // A front end that serves the map's sizes must take it: a view
    // whose attach refuses a live map is a wrapper bug. One that does
    // not serve them must say so (its ops would run raw).
    const bool serves = front_end_serves(static_cast<FrontEnd>(op.number), map->model.header.key_size,
                                         map->model.header.value_size);
    if (serves && !ok()) return line() + ": a front end refused a live map it serves: " + result();
    if (!serves && !is_error()) return line() + ": accepted a map whose sizes it has no MapView for";
    return "";
}

// The op on the reference image (reference.hpp), for the ops that run on a
// map that exists, with a key and value of its sizes (others answer an error
// before they reach a map).
void CheckedExecutor::run_reference(const Op& op) {
    reference_ran_ = false;
    MapState* m = state(op.map);
    if (m == nullptr || real_.find(op.map) == nullptr) return;
    const OpKindRow& kind = op_kind(op.kind);
    switch (AnswerCheck::row(op.kind).reference) {
        case AnswerCheck::Reference::None: return;
        case AnswerCheck::Reference::Run:
            if (kind.takes_value() && op.value.size() != m->model.header.value_size) return;
            if (kind.keyed() && op.key.size() != m->model.header.key_size) return;
            reference::run(op, m->reference, reference_answer_);
            break;
        case AnswerCheck::Reference::Overwrite: {
            const MapState* source = state(op.source);
            if (source == nullptr || real_.find(op.source) == nullptr) return;
            // A copy only for ow m m, where the source is the target.
            const Bytes& from = op.map == op.source ? (reference_source_ = source->reference) : source->reference;
            reference_answer_.kind = Answer::Kind::Flag;
            reference_answer_.flag = reference::overwrite(m->reference, from);
            break;
        }
    }
    reference_ran_ = true;
}

// compare_images, over only the bytes the op could have made differ when the
// map's last checked image is its image before the op (then that image
// passed the compare): the header, the bytes the map changed, and what the
// reference changed. A keyed op changes the reference only in its key's
// window, and a reclaimed Tombstone a new key's walk would cross lies there
// too; next, scan and check change it nowhere. The full compare was 16% of
// ops_fuzzer's instructions (callgrind, first_difference and compare_images).
std::string CheckedExecutor::compare_reference(const Op& op, MapState& m, const Block& block) {
    const OpKindRow& kind = op_kind(op.kind);
    const bool keyed = kind.keyed() && reference_ran_;
    const bool reads = kind.reads_only && !kind.keyed();  // get and has: keyed, or (a refused key) compared in full
    if ((!keyed && !reads) || !m.image_valid || m.image.size() != block.size()) {
        return reference::compare_images(block.data(), m.reference);
    }
    // A read wrote nothing in the reference; what it wrote in the map is in
    // the next op's diff (check_after).
    if (options_.incremental && kind.reads_only) return reference::compare_images(block.data(), m.reference, 0, MAP_BUCKETS_OFFSET);
    changed_ = bucket_bytes_differing(block.data(), m.image.data());
    changed_valid_ = true;
    std::string differs = reference::compare_images(block.data(), m.reference, 0, MAP_BUCKETS_OFFSET);
    if (differs.empty() && changed_.first < changed_.end) {
        differs = reference::compare_images(block.data(), m.reference, changed_.first, changed_.end);
    }
    if (!differs.empty() || !keyed) return differs;
    const MapHeader& h = m.model.header;
    const std::uint32_t home = spec_home(spec_fxhash64(op.key.data(), op.key.size()), h.capacity);
    const std::uint32_t end = home + std::min<std::uint32_t>(h.capacity, 32);
    const auto bucket = [&h](std::uint32_t i) { return MAP_BUCKETS_OFFSET + std::size_t{i} * h.bucket_size; };
    differs = reference::compare_images(block.data(), m.reference, bucket(home), bucket(std::min<std::uint32_t>(end, h.capacity)));
    if (differs.empty() && end > h.capacity) {
        differs = reference::compare_images(block.data(), m.reference, bucket(0), bucket(end - h.capacity));
    }
    return differs;
}

// The answer is the reference's; the image is the reference's but for
// Tombstones reclaimed where no walk crosses them; and no Tombstone is left
// that remove promises to reclaim (one followed by an Empty bucket).
std::string CheckedExecutor::check_reference(const Op& op, const Answer& answer) {
    if (reference_ran_ && !same_answer(answer, reference_answer_)) {
        return wrong_answer(print(op), print(answer), print(reference_answer_)) + " (the Rust crate's answer)";
    }
    MapState* m = state(op.map);
    const Block* block = real_.find(op.map);
    if (m == nullptr || block == nullptr) return "";
    if (m->reference.size() != block->size()) {
        return "map " + op.map + ": block of " + std::to_string(block->size()) + " bytes, the Rust crate's image has " +
               std::to_string(m->reference.size());
    }
    const std::string differs = compare_reference(op, *m, *block);
    if (!differs.empty()) return "map " + op.map + ": after " + print(op) + ": " + differs;
    if (AnswerCheck::row(op.kind).reclaims) {
        reference::reclaimable_tombstones(block->data(), reclaimable_);
        for (const std::uint32_t t : reclaimable_) {
            if (std::find(m->tolerated_tombstones.begin(), m->tolerated_tombstones.end(), t) != m->tolerated_tombstones.end()) continue;
            return "map " + op.map + ": after " + print(op) + ": the Tombstone in bucket " + std::to_string(t) +
                   " is followed by an Empty bucket: remove promises to reclaim it (SPEC §5)";
        }
    }
    return "";
}

}  // namespace hashmap_mem::harness
