// The three front ends a script can drive a map through: the raw C++ API
// (map_calls.hpp), the C API (hashmap_mem.h) and MapView<K, V>. The executor
// keeps one MapFrontEnd per map and runs every map op through it; the script
// command `via ID raw|c|view` selects it. So every checker (fuzz targets,
// properties, op scripts) checks a wrapper exactly as it checks the core.
//
// What each front end runs:
//   op                 raw                        c                                view
//   new                init                       hashmap_mem_layout + _init       init, then attach
//   put / scanput      get_or_reserve_entry+copy  hashmap_mem_get_or_reserve_entry insert_or_assign
//   get / has / del    lookup / has / remove      hashmap_mem_lookup / has / remove find / contains / erase
//   next               find_next_valid_entry      hashmap_mem_find_next_valid_entry first iterator at >= START
//   scan, scandel      find_next_valid_entry      hashmap_mem_find_next_valid_entry begin(), ++ (erase during it)
//   ow                 overwrite                  hashmap_mem_overwrite            overwrite (MapView has none)
//   check              validate                   hashmap_mem_validate             attach (validate + types)
//   load               validate                   hashmap_mem_validate             validate, then attach
// MapView is instantiated for K = std::array<std::uint8_t, KS>, V =
// std::array<std::uint8_t, VS> with KS in VIEW_KEY_SIZES and VS in
// VIEW_VALUE_SIZES (the fuzz decoder's sizes; MapView has no value_size 0).
// `via ID view` on a map of other sizes answers an error and changes nothing;
// a map re-made (new, load) with such sizes while view is selected runs raw
// until it is re-made with sizes the view serves. A view that was selected and
// whose attach refuses the map makes every op on it answer that error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hashmap_mem/layout.hpp"
#include "hashmap_mem/validate.hpp"
#include "script/bytes.hpp"

namespace hashmap_mem::harness {

enum class FrontEnd : std::uint8_t { Raw, C, View };

inline constexpr std::uint32_t VIEW_KEY_SIZES[] = {1, 2, 3, 4, 5, 7, 8, 12, 16, 20, 33, 40};
inline constexpr std::uint32_t VIEW_VALUE_SIZES[] = {1, 2, 4, 8, 16, 32};

const char* name(FrontEnd front_end) noexcept;  // "raw", "c", "view"
bool parse_front_end(std::string_view word, FrontEnd& out) noexcept;

// Whether `front_end` runs the ops of a map of these sizes itself (raw and c
// always; view for the instantiated sizes), rather than falling back to raw.
bool front_end_serves(FrontEnd front_end, std::uint32_t key_size, std::uint32_t value_size) noexcept;

// A scan's entry; index END_OF_SCAN (0xFFFF) at the end.
struct FrontEndEntry {
    std::uint32_t index;
    const std::uint8_t* key;
};

struct ViewOps;  // one MapView instantiation's ops (front_ends.cpp)

// How the executor drives one map. Every call takes the map's block; bind()
// must follow any change of the block (new, load).
class MapFrontEnd {
public:
    // Selects `front_end` for the map in `block`: "" or why not (nothing changes then).
    std::string select(FrontEnd front_end, std::uint8_t* block, std::size_t size);
    // The map's block was made anew: attach the selected view again.
    void bind(std::uint8_t* block, std::size_t size);
    FrontEnd selected() const noexcept { return selected_; }
    FrontEnd running() const noexcept { return running_; }  // raw where the view cannot serve the sizes
    // Non-empty: the selected view's attach refused the map; every op answers it.
    const std::string& failure() const noexcept { return failure_; }

    // init of a new map (`block` has map_init.total_size bytes): false if the C layout disagrees.
    bool init(std::uint8_t* block, const MapInit& map_init) const;
    bool put(std::uint8_t* block, const Bytes& key, const Bytes& value);  // false: full for this key
    const std::uint8_t* get(std::uint8_t* block, const std::uint8_t* key);
    bool has(std::uint8_t* block, const std::uint8_t* key);
    bool remove(std::uint8_t* block, const std::uint8_t* key);
    std::uint32_t next(std::uint8_t* block, std::uint32_t start);
    FrontEndEntry scan_first(std::uint8_t* block);
    FrontEndEntry scan_next(std::uint8_t* block);  // the entry after the last one returned
    bool overwrite(std::uint8_t* target, const std::uint8_t* source);
    // check: validate, or the view's attach. "" or why the map was refused.
    std::string check(std::uint8_t* block, std::size_t size);

private:
    FrontEnd selected_ = FrontEnd::Raw;
    FrontEnd running_ = FrontEnd::Raw;
    const ViewOps* view_ = nullptr;  // running_ == View
    std::string failure_;
    std::uint32_t scan_index_ = 0;                 // raw and c scans: the last index returned
    alignas(8) unsigned char view_storage_[8]{};   // the attached MapView<K, V> (one pointer)
    alignas(8) unsigned char iterator_[32]{};      // a view scan's MapView<K, V>::iterator
};

// validate's sentence, with the bucket where the problem is in one.
std::string explain(const ValidateResult& verdict);

// What every front end answers for one layout and one image, for the oracle
// (front_end_oracle.hpp) to compare with the reference: the C++ result and
// describe text, the C status, out-struct (pre-filled with 0xa5 bytes, so an
// untouched field is seen) and describe text, and a MapView's bytes_for,
// create and attach where one is instantiated for the sizes and alignments.
struct ViewVerdict {
    std::uint8_t error = 0;  // ViewError
    LayoutError layout_error = LayoutError::None;
    ValidateError validate_error = ValidateError::None;
    std::uint32_t bucket = 0;
    std::string why;   // MapViewResult::why()
    std::string text;  // describe(ViewError)
    std::uint32_t map_key_size = 0, map_value_size = 0;  // the map's, on OtherTypes
};
struct ViewShape {
    std::uint32_t key_size, key_alignment, value_size, value_alignment;  // sizeof and alignof K and V
};
struct LayoutObservation {
    LayoutResult cpp{};
    std::string cpp_text;
    std::int32_t c_status = 0;
    std::uint32_t c_fields[10]{};  // hashmap_mem_map_init's fields in declaration order
    std::string c_text;
    bool view_ran = false;  // a MapView of exactly these sizes and alignments, limit <= 65535
    ViewShape view{};
    std::size_t bytes_for = 0;
    // create with bytes_for bytes (or 64 when bytes_for is 0), with one byte less, and at an odd address
    bool created = false;  // false: bytes_for above the probe's buffer
    ViewVerdict create_exact, create_short, create_odd;
};
LayoutObservation observe_layout(std::uint32_t key_size, std::uint32_t key_alignment, std::uint32_t value_size,
                                 std::uint32_t value_alignment, std::uint32_t logical_limit);

struct ValidateObservation {
    ValidateResult cpp{};
    std::string cpp_text;
    std::int32_t c_status = 0;
    std::uint32_t c_bucket = 0;  // pre-set to 0xa5a5a5a5
    std::string c_text;
    // attach of every MapView whose key_size or value_size is the image's
    // (the others must answer OtherTypes), aligned views included.
    struct Attach {
        ViewShape view;
        ViewVerdict verdict;
    };
    std::vector<Attach> attaches;
};
ValidateObservation observe_validate(const std::uint8_t* block, std::size_t size);

// Deliberately wrong wrappers, for the test that proves the checker finds a
// wrapper bug as it finds a core bug (harness/front_ends/front_end_fault_test.cpp).
// None unless a test sets one.
enum class FrontEndFault : std::uint8_t { None, CHasInverted, ViewEraseKeeps };
void set_front_end_fault(FrontEndFault fault) noexcept;

}  // namespace hashmap_mem::harness
