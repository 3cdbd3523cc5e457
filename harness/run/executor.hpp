// Runs ops against real maps, each in a block of exactly total_size bytes
// (so AddressSanitizer sees a read one byte past the end), and prints each
// result line of SPEC §9. Knows nothing of models or invariants.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "front_ends/front_end.hpp"
#include "script/op.hpp"

namespace hashmap_mem::harness {

// Blocks above this are refused by `new` and `load` (a harness limit, not the
// map's): a fuzz input must not make the harness allocate gigabytes.
inline constexpr std::size_t MAX_BLOCK_BYTES = std::size_t{1} << 30;

class Block {
public:
    explicit Block(std::size_t size) : bytes_(new std::uint8_t[size == 0 ? 1 : size]()), size_(size) {}
    std::uint8_t* data() noexcept { return bytes_.get(); }
    const std::uint8_t* data() const noexcept { return bytes_.get(); }
    std::size_t size() const noexcept { return size_; }

private:
    std::unique_ptr<std::uint8_t[]> bytes_;
    std::size_t size_;
};

// What an op answered, as plain values, so the checker compares values, not
// text; print() gives the result line of SPEC §9.
struct Answer {
    enum class Kind : std::uint8_t {
        Error,    // "error <text>": a command that cannot run
        Text,     // `text`: ok, hash, layout, img
        Flag,     // put, has, del, ow: "1" or "0"
        Value,    // get: the hex of value_size bytes at `value` (in the block, until the next op)
        Absent,   // get: "none"
        Index,    // next
        Indices,  // scan, scandel: the indices visited or "."; scanput adds " put " and `put`
    };
    Kind kind = Kind::Text;
    bool flag = false;
    std::uint64_t index = 0;
    const std::uint8_t* value = nullptr;
    std::size_t value_size = 0;
    std::vector<std::uint32_t> indices;
    char put = 0;  // scanput: '1', '0' (null) or '-' (fewer entries than EVERY); 0 otherwise
    std::string text;
};

std::string print(const Answer& answer);

class Executor {
public:
    // Frees every map (their blocks), keeping the buffers for the next
    // script: as a new Executor, without a new slot vector per fuzz input.
    void clear() noexcept { maps_.clear(); }
    // Runs op into `answer` (reused: its buffers keep their capacity).
    void run(const Op& op, Answer& answer);
    // The result line; "error <why>" for a command that cannot run (no such
    // map, a key of the wrong length, an invalid layout or image).
    std::string execute(const Op& op);

    Block* find(const std::string& id);
    const Block* find(const std::string& id) const;
    // The front end map `id`'s ops run through (`via`), or null for no such map.
    const MapFrontEnd* front_end(const std::string& id) const;

private:
    struct Slot {
        std::string id;
        Block block;
        MapFrontEnd front_end;
    };
    Slot* slot(const std::string& id);
    void store(const std::string& id, Block block);
    void run_new(const Op& op, Answer& answer);
    void run_load(const Op& op, Answer& answer);

    // A script names a handful of maps: a linear search over short ids beat
    // std::map's string compares (4.5% of ops_fuzzer, perf).
    std::vector<Slot> maps_;
    Bytes removed_key_;  // scandel's copy of the key it removes; reused
};

// Shared by the executor and the script checker: "error <why>" for a key or
// value whose length does not match the map's, else empty.
std::string check_key_length(const Block& block, const Bytes& key);

}  // namespace hashmap_mem::harness
