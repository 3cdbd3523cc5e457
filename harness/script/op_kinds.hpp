// The op kinds, one row each: the command's name, its arguments as data,
// its help line, and the traits the executor and the checker ask about.
// parse_line and print (script.cpp) read the arguments from here: they hold
// no code per kind, and neither do the trait questions below.
//
// To add an op kind (say a new C API call):
//   1. script/op.hpp: its enumerator, before the marked line, and OP_KIND_COUNT
//      if it is now the last.
//   2. Here: its row in OP_KINDS, in enum order (the static_asserts below
//      fail the build otherwise). Its arguments are parsed and printed from
//      the row; a new kind of argument is a Field, read and printed in
//      script.cpp (read_arg, print_arg).
//   3. run/executor.cpp: how it runs, a case of Executor::run's switch.
//   4. oracle/reference.cpp: how the Rust crate runs it, if the reference
//      does (a case of reference::run; the others answer an error there).
//   5. run/checked_executor.cpp: its checker and its row in CHECKS (how the
//      reference runs it, what its check needs from before the op).
// -Wswitch names the kind in 3 and 4 until it has its case; 2 and 5 are
// static_asserted; op_kinds_test.cpp round-trips every row's line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "script/op.hpp"

namespace hashmap_mem::harness {

// What an argument is, so which member of Op its words fill and how they read.
enum class Field : std::uint8_t {
    None,      // no argument: the end of a row's list
    Map,       // ID: a map that must exist (ow's TARGET) -> Op::map
    MadeMap,   // ID: the map new or load makes, existing or not -> Op::map
    Source,    // ow's SOURCE: a map that must exist -> Op::source
    Key,       // hex bytes, the map's key_size of them -> Op::key
    Value,     // hex bytes, the map's value_size of them -> Op::value
    Hex,       // hex bytes of any length (hash's input, load's image) -> Op::key
    Layout,    // five decimal numbers: KS KA VS VA LIMIT -> Op::layout
    Fill,      // optional, the last argument: hex bytes, not '.' -> Op::fill
    Number,    // a decimal number, at least `minimum` -> Op::number
    FrontEnd,  // raw, c or view -> Op::number (a FrontEnd)
};

struct ArgShape {
    Field field = Field::None;
    std::string_view usage;      // its words in the usage line: "ID", "KS KA VS VA LIMIT", "[FILL]"
    std::string_view what;       // its name in parse errors: "key 'zz' is not hex ..."
    std::uint64_t minimum = 0;   // Number: a smaller one is refused ("every must be at least 1")
};

inline constexpr std::size_t MAX_ARGS = 4;

struct OpKindRow {
    OpKind kind;
    std::string_view name;
    ArgShape args[MAX_ARGS];  // in order; Field::None after the last
    // Runs on a live map and changes neither it nor its reference image when
    // the map is right (a byte it changed is a bug the checker finds).
    bool reads_only;
    std::string_view does;  // what it prints, for hashmap-mem-script --help

    constexpr bool has(Field field) const {
        for (const ArgShape& arg : args) {
            if (arg.field == field) return true;
        }
        return false;
    }
    // Runs on a map that exists ("error no map" otherwise): not hash, layout, new, load.
    constexpr bool on_map() const { return has(Field::Map); }
    // Takes a key of the map's key_size (refused with "error key has N bytes" otherwise).
    constexpr bool keyed() const { return has(Field::Key); }
    // Takes a value of the map's value_size (refused likewise).
    constexpr bool takes_value() const { return has(Field::Value); }
    // Reads a second map, its source (ow).
    constexpr bool two_maps() const { return has(Field::Source); }
};

namespace op_args {
inline constexpr ArgShape MAP{Field::Map, "ID", "", 0};
inline constexpr ArgShape MADE_MAP{Field::MadeMap, "ID", "", 0};
inline constexpr ArgShape KEY{Field::Key, "KEY", "key", 0};
inline constexpr ArgShape VALUE{Field::Value, "VALUE", "value", 0};
inline constexpr ArgShape LAYOUT{Field::Layout, "KS KA VS VA LIMIT", "", 0};
inline constexpr ArgShape EVERY{Field::Number, "EVERY", "every", 1};
}  // namespace op_args

// Indexed by OpKind: op_kind() below.
inline constexpr OpKindRow OP_KINDS[] = {
    // kind, name, arguments, reads only, what it prints
    {OpKind::Hash, "hash", {{Field::Hex, "HEX", "bytes", 0}}, false, "FxHash64 of the bytes: 16 hex digits"},
    {OpKind::Layout, "layout", {op_args::LAYOUT}, false,
     "bucket_size key_offset value_offset capacity total_size, or error"},
    {OpKind::New, "new", {op_args::MADE_MAP, op_args::LAYOUT, {Field::Fill, "[FILL]", "fill", 0}}, false,
     "a block (zeros, or FILL repeated) and init: ok or error"},
    {OpKind::Put, "put", {op_args::MAP, op_args::KEY, op_args::VALUE}, false,
     "get_or_reserve_entry, then write VALUE: 1, or 0 (window full)"},
    {OpKind::Get, "get", {op_args::MAP, op_args::KEY}, true, "lookup: the value's hex, or none"},
    {OpKind::Has, "has", {op_args::MAP, op_args::KEY}, true, "has: 1 or 0"},
    {OpKind::Del, "del", {op_args::MAP, op_args::KEY}, false, "remove: 1 or 0"},
    {OpKind::Ow, "ow", {{Field::Map, "TARGET", "", 0}, {Field::Source, "SOURCE", "", 0}}, false,
     "overwrite(TARGET, SOURCE): 1 or 0"},
    {OpKind::Next, "next", {op_args::MAP, {Field::Number, "START", "start", 0}}, true,
     "find_next_valid_entry: the index, 65535 at the end"},
    {OpKind::Img, "img", {op_args::MAP}, true, "the whole block in hex"},
    {OpKind::Load, "load", {op_args::MADE_MAP, {Field::Hex, "HEX", "image", 0}}, false,
     "copy the bytes to a new block and validate: ok (kept) or error"},
    {OpKind::Check, "check", {op_args::MAP}, true, "validate the map: ok or error"},
    {OpKind::Scan, "scan", {op_args::MAP}, true, "(harness) a full scan: the indices visited"},
    {OpKind::ScanDel, "scandel", {op_args::MAP, op_args::EVERY}, false,
     "(harness) a full scan removing every EVERY-th entry visited"},
    {OpKind::ScanPut, "scanput", {op_args::MAP, op_args::EVERY, op_args::KEY, op_args::VALUE}, false,
     "(harness) a full scan putting KEY once, after the EVERY-th entry"},
    {OpKind::Via, "via", {op_args::MAP, {Field::FrontEnd, "raw|c|view", "front end", 0}}, true,
     "(harness) map ID's later ops go through that front end"},
};

// For a table indexed by kind (this one, the checkers'): row k is OpKind k's.
template <typename Row, std::size_t N>
constexpr bool rows_in_kind_order(const Row (&rows)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(rows[i].kind) != i) return false;
    }
    return true;
}
static_assert(std::size(OP_KINDS) == OP_KIND_COUNT, "every OpKind has a row in OP_KINDS");
static_assert(rows_in_kind_order(OP_KINDS), "OP_KINDS[k] is the row of OpKind k");

constexpr const OpKindRow& op_kind(OpKind kind) { return OP_KINDS[static_cast<std::size_t>(kind)]; }

}  // namespace hashmap_mem::harness
