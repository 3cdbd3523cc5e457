// One rapidcheck command per map operation. Each holds the harness Op it
// stands for: `run` executes it through the CheckedExecutor (which checks the
// answer against its model and every invariant), `show` prints its op-script
// line, so a shrunk counterexample reads as a script hashmap-mem-script replays.
#pragma once

#include <memory>
#include <ostream>
#include <utility>

#include <rapidcheck.h>
#include <rapidcheck/state.h>

#include "run/checked_executor.hpp"
#include "script/script.hpp"
#include "machine.hpp"

namespace hashmap_mem::properties {

using Sut = harness::CheckedExecutor;
using MapCommand = rc::state::Command<Machine, Sut>;

class OpCommand : public MapCommand {
public:
    void checkPreconditions(const Machine& machine) const override {
        // Shrinking may replay a command against other layouts: keep only fitting ones.
        if (!op_.key.empty()) RC_PRE(op_.key.size() == machine.map(op_.map).layout.key_size);
        if (op_.kind == harness::OpKind::Put) RC_PRE(op_.value.size() == machine.map(op_.map).layout.value_size);
    }
    void run(const Machine&, Sut& sut) const override {
        const harness::StepResult step = sut.execute(op_);
        if (!step.failure.empty()) RC_FAIL(sut.report(step.failure));
    }
    void show(std::ostream& os) const override { os << harness::print(op_); }

protected:
    OpCommand(harness::OpKind kind, std::string map) {
        op_.kind = kind;
        op_.map = std::move(map);
    }
    harness::Op op_;
};

// put ID KEY VALUE: get_or_reserve_entry, then the value written.
struct Put : OpCommand {
    explicit Put(const Machine& m) : OpCommand(harness::OpKind::Put, gen_map_id(m)) {
        op_.key = gen_key(m, m.map(op_.map));
        op_.value = gen_bytes(m.map(op_.map).layout.value_size);
    }
    void apply(Machine& m) const override { m.map(op_.map).add_key(op_.key); }
};

template <harness::OpKind Kind>
struct KeyQuery : OpCommand {  // get / has: change nothing
    explicit KeyQuery(const Machine& m) : OpCommand(Kind, gen_map_id(m)) { op_.key = gen_key(m, m.map(op_.map)); }
};
using Get = KeyQuery<harness::OpKind::Get>;
using Has = KeyQuery<harness::OpKind::Has>;

struct Remove : OpCommand {
    explicit Remove(const Machine& m) : OpCommand(harness::OpKind::Del, gen_map_id(m)) {
        op_.key = gen_key(m, m.map(op_.map));
    }
    void apply(Machine& m) const override { m.map(op_.map).forget_key(op_.key); }
};

// ow T S in both directions, and onto itself.
struct Overwrite : OpCommand {
    explicit Overwrite(const Machine&) : OpCommand(harness::OpKind::Ow, "") {
        std::tie(op_.map, op_.source) = *rc::gen::weightedElement<std::pair<std::string, std::string>>(
            {{2, {"a", "b"}}, {2, {"b", "a"}}, {1, {"a", "a"}}, {1, {"b", "b"}}});
    }
    void apply(Machine& m) const override {
        const MapState& source = m.map(op_.source);
        MapState& target = m.map(op_.map);
        if (op_.map == op_.source || source.layout.key_size != target.layout.key_size) return;
        for (const Bytes& key : source.keys) target.add_key(key);
    }
};

struct FullScan : OpCommand {
    explicit FullScan(const Machine& m) : OpCommand(harness::OpKind::Scan, gen_map_id(m)) {}
};

// scandel ID EVERY: removes every EVERY-th entry right after the scan returns it.
struct ScanWithRemoval : OpCommand {
    explicit ScanWithRemoval(const Machine& m) : OpCommand(harness::OpKind::ScanDel, gen_map_id(m)) {
        op_.number = *rc::gen::inRange<std::uint64_t>(1, 5);
    }
    void apply(Machine& m) const override {
        if (op_.number == 1) m.map(op_.map).keys.clear();
    }
};

// new ID with the map's own layout: init again, the map is empty.
struct ReInit : OpCommand {
    explicit ReInit(const Machine& m) : OpCommand(harness::OpKind::New, gen_map_id(m)) {
        op_.layout = m.map(op_.map).layout;
        op_.fill = gen_fill(m.map(op_.map));  // a new block, holding what users' blocks hold
    }
    void apply(Machine& m) const override { m.map(op_.map).keys.clear(); }
};

// check ID: validate must accept every live map.
struct Validate : OpCommand {
    explicit Validate(const Machine& m) : OpCommand(harness::OpKind::Check, gen_map_id(m)) {}
};

// via ID raw|c|view: the map's later ops run through the C API or MapView,
// checked exactly as the raw API (a view answers an error for sizes it has no
// instantiation for, and the map stays as it was).
struct SelectFrontEnd : OpCommand {
    explicit SelectFrontEnd(const Machine& m) : OpCommand(harness::OpKind::Via, gen_map_id(m)) {
        op_.number = static_cast<std::uint64_t>(
            *rc::gen::element(harness::FrontEnd::Raw, harness::FrontEnd::C, harness::FrontEnd::View));
    }
};

// The machine is shared by the ten generators (rapidcheck may run them again
// while shrinking, after `m` is gone): one copy per command, not nine.
template <typename C>
rc::Gen<std::shared_ptr<const MapCommand>> gen_one(std::shared_ptr<const Machine> m) {
    return rc::gen::exec([m] { return std::shared_ptr<const MapCommand>(std::make_shared<const C>(*m)); });
}

// Weighted by the test case's mix (see Mix in machine.hpp).
inline rc::Gen<std::shared_ptr<const MapCommand>> gen_command(const Machine& machine) {
    const auto m = std::make_shared<const Machine>(machine);
    const Mix& x = m->mix;
    return rc::gen::weightedOneOf<std::shared_ptr<const MapCommand>>(
        {{x.put, gen_one<Put>(m)}, {x.get, gen_one<Get>(m)}, {x.has, gen_one<Has>(m)}, {x.remove, gen_one<Remove>(m)},
         {x.overwrite, gen_one<Overwrite>(m)}, {x.scan, gen_one<FullScan>(m)},
         {x.scandel, gen_one<ScanWithRemoval>(m)}, {x.reinit, gen_one<ReInit>(m)}, {x.check, gen_one<Validate>(m)},
         {x.via, gen_one<SelectFrontEnd>(m)}});
}

}  // namespace hashmap_mem::properties
