// The byte-level oracle: the Rust crate's algorithms written as plainly as
// SPEC states them (bucket-by-bucket walks, the first Tombstone, the Empty
// that ends the walk, the crate's overwrite with its limit check first), on
// the checker's own copy of each map. Nothing here is shared with core/: the
// hash is spec_hash.hpp's, the layout a 64-bit recomputation of SPEC §3.
//
// The checker runs every op on the real map and on its reference image and
// compares the answers and every byte of the two images. The one documented
// difference (SPEC §5): the real map may have reclaimed a Tombstone, status
// 0 where the reference has 1, where no key's walk crosses it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hashmap_mem/layout.hpp"
#include "hashmap_mem/validate.hpp"
#include "script/bytes.hpp"
#include "run/executor.hpp"
#include "script/op.hpp"

namespace hashmap_mem::harness::reference {

// SPEC §3 in 64-bit arithmetic: nullopt for every input SPEC refuses.
struct LayoutNumbers {
    std::uint64_t key_offset = 0;
    std::uint64_t value_offset = 0;
    std::uint64_t bucket_size = 0;
    std::uint64_t capacity = 0;
    std::uint64_t total_size = 0;
};
std::optional<LayoutNumbers> layout(const LayoutArgs& args);
// "bucket_size key_offset value_offset capacity total_size", the layout op's line.
std::string print(const LayoutNumbers& numbers);

// Which error SPEC §3 gives a refused layout (LayoutError::None when it is
// valid); the enum names the kind only, nothing of core computes it. With one
// rule broken, that rule's error. With several, the shape of a bucket first
// (calculate_bucket_layout takes no limit, so layout must answer as it does):
// key_size 0, key_alignment (0, not a power of two, above 128), the same for
// value_alignment, value_offset above u32, bucket_size above u32; then
// logical_limit 0 and above 32768; then total_size above u32.
// Trusts: every argument fits u32 (the executor refuses others itself).
LayoutError layout_error(const LayoutArgs& args);

// SPEC §10 as the first problem found, in the order of ValidateError (the
// order hashmap_mem.h documents): the header rules one by one, then status
// bytes in index order, element_count, then each Occupied bucket in index
// order (too far from its home, then its walk: an Empty bucket or an equal
// key, whichever the walk meets first). `bucket` where the problem is in one.
struct ValidateVerdict {
    ValidateError error = ValidateError::None;
    std::uint32_t bucket = 0;
};
ValidateVerdict validate(const std::uint8_t* block, std::size_t size);

// The sentence each error must be described with (the messages are outputs
// of the API, as its numbers are), and the C status each maps to.
const char* layout_message(LayoutError error);
const char* validate_message(ValidateError error);
std::int32_t c_status(LayoutError error);
std::int32_t c_status(ValidateError error);
// The executor's line for a refused image: the sentence, and " (bucket N)"
// for the errors that are in one bucket.
std::string validate_line(const ValidateVerdict& verdict);

// The block `init` makes in zero-filled memory (SPEC §8): the header, then
// every bucket byte 0. Trusts: `numbers` came from layout(args).
Bytes init(const LayoutArgs& args, const LayoutNumbers& numbers);
// The same into `image`, whose buffer is kept (a new vector per fuzz input
// was 3% of ops_fuzzer's time, perf: an allocation and fresh pages).
void init(const LayoutArgs& args, const LayoutNumbers& numbers, Bytes& image);

// Runs a map op (put, get, has, del, next, scan, scandel, scanput) on
// `image` as the Rust crate would, into `answer` (get's value points into
// `image`). Trusts: `image` is a live map, and the op's key and value have
// the map's sizes (the executor refuses other ops before they reach a map).
void run(const Op& op, Bytes& image, Answer& answer);

// overwrite(target, source) as the Rust crate does it, but all or nothing
// (SPEC §6.4): on a failed reservation target keeps its entries, with a
// Tombstone (key written, value not) in each bucket the crate reserved.
// `source` is a separate copy even for ow m m (aliasing changes no answer).
bool overwrite(Bytes& target, const Bytes& source);

// "" when `real` equals `expected` byte for byte but for status bytes 0 in
// `real` where `expected` has 1 at a bucket no key's walk crosses; else a
// sentence naming the first byte that differs and why it may not.
std::string compare_images(const std::uint8_t* real, const Bytes& expected);
// The same over bytes [from, to) only.
std::string compare_images(const std::uint8_t* real, const Bytes& expected, std::size_t from, std::size_t to);

// The Tombstones SPEC §5 and docs/format.md promise to reclaim: a Tombstone whose
// next bucket in probe order is Empty. Their buckets, in index order.
void reclaimable_tombstones(const std::uint8_t* block, std::vector<std::uint32_t>& out);

}  // namespace hashmap_mem::harness::reference
