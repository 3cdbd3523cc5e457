// One operation of the op script language (SPEC §9), plus two harness-only
// scan commands. Everything that drives a map (scripts, fuzz inputs, property
// tests) becomes a sequence of these, so every failure prints as a script.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "script/bytes.hpp"

namespace hashmap_mem::harness {

enum class OpKind : std::uint8_t {
    Hash,     // hash HEX
    Layout,   // layout KS KA VS VA LIMIT
    New,      // new ID KS KA VS VA LIMIT [FILL]
    Put,      // put ID KEY VALUE
    Get,      // get ID KEY
    Has,      // has ID KEY
    Del,      // del ID KEY
    Ow,       // ow TARGET SOURCE
    Next,     // next ID START
    Img,      // img ID
    Load,     // load ID HEX
    Check,    // check ID
    Scan,     // scan ID            (harness) full scan; prints the indices visited
    ScanDel,  // scandel ID EVERY   (harness) full scan removing every EVERY-th entry visited
    ScanPut,  // scanput ID EVERY KEY VALUE  (harness) full scan that puts KEY once, after the EVERY-th entry
    Via,      // via ID raw|c|view  (harness) map ID's later ops run through that front end (number: a FrontEnd)
    // A new kind goes before this line, and OP_KIND_COUNT names the last one: see script/op_kinds.hpp.
};
inline constexpr std::size_t OP_KIND_COUNT = static_cast<std::size_t>(OpKind::Via) + 1;

struct LayoutArgs {
    // Wider than the API's u32 so that the script can say "does not fit".
    std::uint64_t key_size = 0;
    std::uint64_t key_alignment = 0;
    std::uint64_t value_size = 0;
    std::uint64_t value_alignment = 0;
    std::uint64_t logical_limit = 0;
};

struct Op {
    OpKind kind = OpKind::Hash;
    std::string map;     // ID; the target of ow
    std::string source;  // the source of ow
    Bytes key;           // hash/put/get/has/del key; load image
    Bytes value;         // put value
    LayoutArgs layout;   // layout, new
    Bytes fill;          // new: the block's bytes before init, this pattern repeated (none: zeros)
    std::uint64_t number = 0;  // next START, scandel/scanput EVERY, via's FrontEnd
};

}  // namespace hashmap_mem::harness
