// The map against the harness's model, driven by rapidcheck's state machine:
// random sequences of put, get, has, del, ow (both ways and onto itself),
// scan, scandel, re-init, check and via (front end) on two maps. Every op is checked against
// the model and every invariant; a failure prints the op script to replay.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "commands.hpp"
#include "script_on_crash.hpp"

namespace hashmap_mem::properties {
namespace {

// rapidcheck's size (0..99 over the 100 cases) gives 1..size+1 commands;
// `command_scale` and the mix's length multiply the size.
void run_machine(const Machine& initial, double command_scale) {
    Sut sut;
    const ScriptOnCrash crash_report(sut);
    for (const MapState* map : {&initial.a, &initial.b}) {
        for (const harness::Op& op : {map->new_op(), map->via_op()}) {  // each case picks its front ends
            const harness::StepResult step = sut.execute(op);
            if (!step.failure.empty()) RC_FAIL(sut.report(step.failure));
        }
    }
    const double length = command_scale * initial.mix.length;
    const auto commands = *rc::gen::scale(length, rc::state::gen::commands(initial, gen_command));
    rc::state::runAll(commands, initial, sut);
}

// Limits 1..64: 40 keys of one home fill a window and wrap past the last bucket.
RC_GTEST_PROP(MapMachine, SmallMapsAgreeWithTheModelAfterEveryOp, ()) {
    run_machine(*gen_machine(Limits::Small), 1.5);
}

// Up to 32768 buckets: each op's checks walk every bucket, so a fifth of the ops.
RC_GTEST_PROP(MapMachine, LargeMapsAgreeWithTheModelAfterEveryOp, ()) {
    run_machine(*gen_machine(Limits::Large), 0.2);
}

}  // namespace
}  // namespace hashmap_mem::properties
