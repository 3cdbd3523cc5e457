// Invariants of a live map, written from SPEC without calling validate (the
// harness must not trust the code it checks). Each returns "" when it holds,
// else a sentence naming the broken invariant and the bucket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "script/bytes.hpp"
#include "model/model.hpp"

namespace hashmap_mem::harness {

// Header fields still equal to the ones made; status bytes 0/1/2;
// element_count = Occupied buckets; no two Occupied buckets with equal keys;
// every Occupied key within its window from home with no Empty between.
std::string check_structure(const std::uint8_t* block, const MapHeader& made);

// The map holds exactly the model's entries: a bucket walk finds each of them
// once with its value, lookup finds every model key with its value, and each
// key of `absent_probes` that the model lacks is not found. (has is lookup !=
// null by definition; has ops check it against the model.)
std::string check_contents(std::uint8_t* block, const Model& model, const std::vector<std::string>& absent_probes);

// The same invariants as check_structure + check_contents, checked only where
// one op can have broken them. Premise: `before` (the map's image before the
// op) passed both checks against the model as it was, and the op touched
// `key` (empty for none). Looks at the buckets whose bytes changed, the keys
// they held or hold, `key`, and every key whose walk crosses a changed bucket;
// under the premise nothing else can differ. nullopt when more than
// `max_changed` buckets changed (check fully instead).
std::optional<std::string> check_change(std::uint8_t* block, const std::uint8_t* before, const Model& model,
                                        const Bytes& key, const std::vector<std::string>& absent_probes,
                                        std::size_t max_changed);
// Where the bucket bytes of two images of one layout (before's) differ, as
// offsets into the block.
ByteRange bucket_bytes_differing(const std::uint8_t* block, const std::uint8_t* before);
// The same as check_change above, given bucket_bytes_differing(block, before).
std::optional<std::string> check_change(std::uint8_t* block, const std::uint8_t* before, ByteRange differs,
                                        const Model& model, const Bytes& key,
                                        const std::vector<std::string>& absent_probes, std::size_t max_changed);

// A null from get_or_reserve_entry is allowed only for an absent key whose
// whole window is Occupied.
std::string check_full_for_key(const std::uint8_t* block, const std::string& key);

// The answer of next ID START: the first Occupied bucket at or after start,
// or 65535 when none.
std::string check_next(const std::uint8_t* block, std::uint64_t start, std::uint64_t answer);

// Scan invariants: `visited` are the indices a full scan returned; they must be
// strictly increasing and be exactly the Occupied buckets `occupied_before`
// (those present when the scan began); starts at or past capacity end at once.
std::string check_scan(std::uint8_t* block, const std::vector<std::uint32_t>& occupied_before,
                       const std::vector<std::uint32_t>& visited);

// The Occupied buckets in index order, into `indices` (reused: scans are frequent).
void occupied_indices(const std::uint8_t* block, std::vector<std::uint32_t>& indices);

}  // namespace hashmap_mem::harness
