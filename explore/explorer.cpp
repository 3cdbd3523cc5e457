#include "explorer.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string_view>
#include <unordered_set>

#include "hashmap_mem/hashmap_mem.hpp"
#include "run/checked_executor.hpp"
#include "explore_keys.hpp"
#include "script/script.hpp"
#include "keys/splitmix.hpp"

namespace hashmap_mem::harness {

namespace {

Op map_op(OpKind kind, const std::string& id) {
    Op op;
    op.kind = kind;
    op.map = id;
    return op;
}

// The op that makes the fresh map: `new`, in a block filled with the
// scope's pattern before init (zeros without one).
Op root_op(const Scope& scope, const std::string& id) {
    Op op = map_op(OpKind::New, id);
    op.layout = scope.layout;
    op.fill = scope.fill;
    return op;
}

// `via` for the scope's front end, or nothing for the raw API.
void select_front_end(const Scope& scope, const std::string& id, std::vector<Op>& script) {
    if (scope.front_end == FrontEnd::Raw) return;
    Op op = map_op(OpKind::Via, id);
    op.number = static_cast<std::uint64_t>(scope.front_end);
    script.push_back(op);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The states found so far: images in one arena (a state is its image), each
// with the op that first reached it from its parent. Appended in
// breadth-first order, so the parent chain is a shortest script. Told apart
// as Scope::dedup says: by the image, or by a masked copy (Scope::Dedup).
class StateSet {
public:
    StateSet(std::size_t image_size, Scope::Dedup dedup)
        : image_size_(image_size), dedup_(dedup), masked_(dedup != Scope::Dedup::Image), seen_(1024, Hash{this}, Equal{this}) {}

    std::size_t size() const noexcept { return nodes_.size(); }
    const std::uint8_t* image(std::size_t i) const noexcept { return images_.data() + i * image_size_; }
    std::size_t depth(std::size_t i) const noexcept { return nodes_[i].depth; }

    // Adds the image unless known: true when new.
    bool add(const std::uint8_t* image, std::size_t parent, std::size_t op) {
        std::vector<std::uint8_t>& keys = masked_ ? keys_ : images_;
        const std::size_t at = keys.size();
        keys.insert(keys.end(), image, image + image_size_);
        if (masked_) mask_stale_bytes(keys.data() + at);
        const auto index = static_cast<std::uint32_t>(nodes_.size());
        if (!seen_.insert(index).second) {
            keys.resize(at);
            return false;
        }
        if (masked_) images_.insert(images_.end(), image, image + image_size_);
        const std::uint32_t depth = index == 0 ? 0 : nodes_[parent].depth + 1;
        nodes_.push_back(Node{static_cast<std::uint32_t>(parent), static_cast<std::uint32_t>(op), depth});
        return true;
    }

    // The alphabet indices of the ops from the fresh map to state i.
    std::vector<std::size_t> path(std::size_t i) const {
        std::vector<std::size_t> ops;
        for (; i != 0; i = nodes_[i].parent) ops.push_back(nodes_[i].op);
        std::reverse(ops.begin(), ops.end());
        return ops;
    }

private:
    struct Node {
        std::uint32_t parent;
        std::uint32_t op;
        std::uint32_t depth;
    };
    const std::uint8_t* key(std::uint32_t i) const {
        return (masked_ ? keys_ : images_).data() + std::size_t{i} * image_size_;
    }
    struct Hash {
        const StateSet* set;
        std::size_t operator()(std::uint32_t i) const {
            return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(set->key(i)), set->image_size_));
        }
    };
    struct Equal {
        const StateSet* set;
        bool operator()(std::uint32_t a, std::uint32_t b) const {
            return std::memcmp(set->key(a), set->key(b), set->image_size_) == 0;
        }
    };

    void mask_stale_bytes(std::uint8_t* image) const {
        const MapHeader h = read_header(image);
        for (std::size_t i = 0; i < h.capacity; ++i) {
            std::uint8_t* bucket = image + MAP_BUCKETS_OFFSET + i * h.bucket_size;
            if (bucket[0] != static_cast<std::uint8_t>(BucketStatus::Occupied)) {
                std::memset(bucket + 1, 0, h.bucket_size - 1);
            } else if (dedup_ == Scope::Dedup::Placement) {
                std::memset(bucket + h.value_offset, 0, h.value_size);
            }
        }
    }

    std::size_t image_size_;
    Scope::Dedup dedup_;
    bool masked_;
    std::vector<std::uint8_t> images_;
    std::vector<std::uint8_t> keys_;  // masked images, when masked_
    std::vector<Node> nodes_;
    std::unordered_set<std::uint32_t, Hash, Equal> seen_;
};

class Explorer {
public:
    Explorer(const Scope& scope, const StateHook& hook) : scope_(scope), hook_(hook) {}

    ExploreResult run() {
        const auto start = std::chrono::steady_clock::now();
        walk();
        if (result_.failure.empty() && states_ && scope_.overwrite_pairs != 0) overwrite_pairs();
        if (states_) result_.states = states_->size();
        result_.seconds = seconds_since(start);
        return result_;
    }

private:
    static constexpr const char* ID = "m";

    // The script from a fresh map `id` to state i, ops renamed to `id`.
    void append_path(std::vector<Op>& script, std::size_t i, const std::string& id) const {
        script.push_back(root_op(scope_, id));
        select_front_end(scope_, id, script);
        for (std::size_t op : states_->path(i)) {
            Op renamed = alphabet_[op];
            renamed.map = id;
            if (renamed.kind == OpKind::Ow) renamed.source = id;
            script.push_back(std::move(renamed));
        }
    }

    void fail(const std::string& failure, std::vector<Op> script) {
        result_.failure = failure_report(failure, script);
        result_.script = std::move(script);
    }

    static bool holds(const CheckedExecutor& checked, const std::string& id, const std::uint8_t* image, std::size_t size) {
        const Block* block = checked.real().find(id);
        return block != nullptr && block->size() == size && std::memcmp(block->data(), image, size) == 0;
    }

    // Makes map `id` hold state i (`load` of its image, which seeds the model
    // from it), unless it does. False after a failure.
    bool restore(CheckedExecutor& checked, const std::string& id, std::size_t i, const std::vector<Op>& prefix) {
        const std::uint8_t* image = states_->image(i);
        if (holds(checked, id, image, image_size_)) return true;
        Op load = map_op(OpKind::Load, id);
        load.key.assign(image, image + image_size_);
        StepResult step = checked.execute(load);
        via_.clear();
        select_front_end(scope_, id, via_);
        for (const Op& via : via_) {
            if (step.failure.empty()) step = checked.execute(via);
        }
        if (step.failure.empty() && holds(checked, id, image, image_size_)) return true;
        std::vector<Op> script = prefix;
        append_path(script, i, id);
        script.push_back(map_op(OpKind::Check, id));
        fail(step.failure.empty() ? "validate refused map " + id + ", a state the ops reached" : step.failure, std::move(script));
        return false;
    }

    void walk() {
        alphabet_ = explore_alphabet(scope_, ID);
        CheckedExecutor checked(CheckedExecutor::Options{false, false, false});
        const Op root = root_op(scope_, ID);
        StepResult step = checked.execute(root);
        via_.clear();
        select_front_end(scope_, ID, via_);
        for (const Op& via : via_) {
            if (step.failure.empty()) step = checked.execute(via);
        }
        const Block* block = checked.real().find(ID);
        if (!step.failure.empty() || block == nullptr) {
            fail(step.failure.empty() ? "the fresh map was refused" : step.failure, {root});
            return;
        }
        image_size_ = block->size();
        states_ = std::make_unique<StateSet>(image_size_, scope_.dedup);
        states_->add(block->data(), 0, 0);
        if (!check_hook(0)) return;
        for (std::size_t i = 0; i < states_->size(); ++i) {
            if (states_->depth(i) >= scope_.max_depth) {
                result_.bound = "depth " + std::to_string(scope_.max_depth);
                continue;  // later states are no shallower: all kept, none expanded
            }
            for (std::size_t op = 0; op < alphabet_.size(); ++op) {
                if (!restore(checked, ID, i, {})) return;
                step = checked.execute(alphabet_[op]);
                ++result_.transitions;
                if (!step.failure.empty()) {
                    std::vector<Op> script;
                    append_path(script, i, ID);
                    script.push_back(alphabet_[op]);
                    return fail(step.failure, std::move(script));
                }
                block = checked.real().find(ID);
                if (std::memcmp(block->data(), states_->image(i), image_size_) == 0) continue;
                if (!states_->add(block->data(), i, op)) continue;
                result_.depth = states_->depth(states_->size() - 1);
                if (!check_hook(states_->size() - 1)) return;
                if (states_->size() >= scope_.max_states) {
                    result_.bound = std::to_string(scope_.max_states) + " states";
                    return;
                }
            }
        }
    }

    bool check_hook(std::size_t i) {
        if (!hook_) return true;
        const std::string failure = hook_(states_->image(i), image_size_);
        if (failure.empty()) return true;
        std::vector<Op> script;
        append_path(script, i, ID);
        fail(failure, std::move(script));
        return false;
    }

    // `ow a b` for every ordered pair of states (a == b included: two
    // blocks, one image), or for a seeded sample of pairs.
    void overwrite_pairs() {
        const std::size_t n = states_->size();
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
        const bool every = scope_.overwrite_pairs / n >= n;
        if (every) {
            for (std::size_t a = 0; a < n; ++a) {
                for (std::size_t b = 0; b < n; ++b) pairs.emplace_back(a, b);
            }
        } else {
            std::uint64_t rng = 0x5eed ^ n;
            for (std::size_t k = 0; k < scope_.overwrite_pairs; ++k) {
                pairs.emplace_back(static_cast<std::uint32_t>(splitmix(rng) % n), static_cast<std::uint32_t>(splitmix(rng) % n));
            }
            std::sort(pairs.begin(), pairs.end());  // fewer reloads of a
            result_.pairs_sampled = true;
        }
        CheckedExecutor checked(CheckedExecutor::Options{false, false, false});
        for (const std::string id : {"a", "b"}) {
            const StepResult step = checked.execute(root_op(scope_, id));
            if (!step.failure.empty()) return fail(step.failure, {root_op(scope_, id)});
        }
        Op ow = map_op(OpKind::Ow, "a");
        ow.source = "b";
        for (const auto& [a, b] : pairs) {
            std::vector<Op> prefix;
            append_path(prefix, a, "a");
            if (!restore(checked, "a", a, {}) || !restore(checked, "b", b, prefix)) return;
            const StepResult step = checked.execute(ow);
            ++result_.pairs;
            if (!step.failure.empty()) {
                std::vector<Op> script = prefix;
                append_path(script, b, "b");
                script.push_back(ow);
                return fail(step.failure, std::move(script));
            }
        }
    }

    const Scope& scope_;
    const StateHook& hook_;
    std::vector<Op> alphabet_;
    std::vector<Op> via_;  // the scope's via, if any (reused)
    std::size_t image_size_ = 0;
    std::unique_ptr<StateSet> states_;
    ExploreResult result_;
};

}  // namespace

std::vector<Op> explore_alphabet(const Scope& scope, const std::string& id) {
    std::vector<Op> ops;
    auto keyed = [&](OpKind kind, const Bytes& key) {
        Op op = map_op(kind, id);
        op.key = key;
        return op;
    };
    for (const Bytes& key : scope.keys) {
        for (const Bytes& value : scope.values) {
            Op put = keyed(OpKind::Put, key);
            put.value = value;
            ops.push_back(put);
        }
        ops.push_back(keyed(OpKind::Del, key));
        ops.push_back(keyed(OpKind::Get, key));
        ops.push_back(keyed(OpKind::Has, key));
        // A scan that puts the key after its first entry (visited or not).
        Op scanput = keyed(OpKind::ScanPut, key);
        scanput.number = 1;
        scanput.value = scope.values.front();
        ops.push_back(scanput);
    }
    ops.push_back(map_op(OpKind::Scan, id));
    for (std::uint64_t every : {std::uint64_t{1}, std::uint64_t{2}}) {  // remove all; remove every second
        Op scandel = map_op(OpKind::ScanDel, id);
        scandel.number = every;
        ops.push_back(scandel);
    }
    // next from every start, at capacity, past it, and past u16.
    std::uint64_t capacity = 1;
    while (capacity < scope.layout.logical_limit) capacity *= 2;
    std::vector<std::uint64_t> starts;
    for (std::uint64_t s = 0; s <= capacity + 1; ++s) starts.push_back(s);
    for (std::uint64_t s : {std::uint64_t{65535}, std::uint64_t{65536}}) starts.push_back(s);
    for (std::uint64_t s : starts) {
        Op next = map_op(OpKind::Next, id);
        next.number = s;
        ops.push_back(next);
    }
    Op self = map_op(OpKind::Ow, id);  // overwrite(m, m) changes nothing
    self.source = id;
    ops.push_back(self);
    return ops;
}

ExploreResult explore(const Scope& scope, const StateHook& hook) { return Explorer(scope, hook).run(); }

}  // namespace hashmap_mem::harness
