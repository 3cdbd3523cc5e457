#include "oracle/front_end_oracle.hpp"

#include <algorithm>
#include <cstring>

#include "front_ends/front_end.hpp"
#include "oracle/reference.hpp"

namespace hashmap_mem::harness {

namespace {

// MapView's ViewError values and sentences, as map_view.hpp documents them.
enum : std::uint8_t { VIEW_OK, VIEW_BAD_LAYOUT, VIEW_BLOCK_TOO_SMALL, VIEW_MISALIGNED, VIEW_INVALID_IMAGE, VIEW_OTHER_TYPES };
const char* view_message(std::uint8_t error) {
    switch (error) {
        case VIEW_OK: return "ok";
        case VIEW_BAD_LAYOUT: return "layout refused the limit or the types";
        case VIEW_BLOCK_TOO_SMALL: return "block is null or smaller than bytes_for(limit)";
        case VIEW_MISALIGNED: return "block, key offset, value offset or bucket size is not aligned for K or V";
        case VIEW_INVALID_IMAGE: return "validate refused the image";
        case VIEW_OTHER_TYPES: return "the map's key_size or value_size is not sizeof(K) or sizeof(V)";
    }
    return "(no such view error)";
}

std::string args_text(const LayoutArgs& a) {
    return std::to_string(a.key_size) + " " + std::to_string(a.key_alignment) + " " + std::to_string(a.value_size) +
           " " + std::to_string(a.value_alignment) + " " + std::to_string(a.logical_limit);
}

std::string shape_text(const ViewShape& s) {
    return "MapView<K, V> (sizeof K " + std::to_string(s.key_size) + ", alignof " + std::to_string(s.key_alignment) +
           ", sizeof V " + std::to_string(s.value_size) + ", alignof " + std::to_string(s.value_alignment) + ")";
}

std::string verdict_text(const ViewVerdict& v) {
    return "error " + std::to_string(v.error) + " layout_error " + std::to_string(static_cast<int>(v.layout_error)) +
           " validate_error " + std::to_string(static_cast<int>(v.validate_error)) + " bucket " +
           std::to_string(v.bucket) + " why '" + v.why + "' describe '" + v.text + "' map sizes " +
           std::to_string(v.map_key_size) + " " + std::to_string(v.map_value_size);
}

// The verdict MapView must give; its why() is layout's or validate's own sentence where it has one.
ViewVerdict view_verdict(std::uint8_t error, LayoutError layout_error = LayoutError::None,
                         const reference::ValidateVerdict& validate = {}) {
    ViewVerdict v;
    v.error = error;
    v.layout_error = layout_error;
    v.validate_error = validate.error;
    v.bucket = validate.bucket;
    v.why = error == VIEW_BAD_LAYOUT      ? reference::layout_message(layout_error)
            : error == VIEW_INVALID_IMAGE ? reference::validate_message(validate.error)
                                          : view_message(error);
    v.text = view_message(error);
    return v;
}

// OtherTypes names both sides' sizes (issue 21), so a user sees which type is wrong.
ViewVerdict other_types_verdict(std::uint32_t map_key_size, std::uint32_t map_value_size, const ViewShape& s) {
    ViewVerdict v = view_verdict(VIEW_OTHER_TYPES);
    v.map_key_size = map_key_size;
    v.map_value_size = map_value_size;
    v.why = "the map's key_size is " + std::to_string(map_key_size) + " and value_size " + std::to_string(map_value_size) +
            "; this MapView's sizeof(K) is " + std::to_string(s.key_size) + " and sizeof(V) " + std::to_string(s.value_size);
    return v;
}

bool same(const ViewVerdict& a, const ViewVerdict& b) {
    return a.error == b.error && a.layout_error == b.layout_error && a.validate_error == b.validate_error &&
           a.bucket == b.bucket && a.why == b.why && a.text == b.text && a.map_key_size == b.map_key_size &&
           a.map_value_size == b.map_value_size;
}

std::string differs(const std::string& what, const std::string& got, const std::string& expected) {
    return what + " answered " + got + ", expected " + expected;
}

}  // namespace

std::string check_layout_front_ends(const LayoutArgs& args) {
    const std::uint64_t fields[] = {args.key_size, args.key_alignment, args.value_size, args.value_alignment,
                                    args.logical_limit};
    if (std::any_of(std::begin(fields), std::end(fields), [](std::uint64_t f) { return f > UINT32_MAX; })) return "";
    const auto u32 = [](std::uint64_t x) { return static_cast<std::uint32_t>(x); };
    const LayoutObservation o = observe_layout(u32(args.key_size), u32(args.key_alignment), u32(args.value_size),
                                               u32(args.value_alignment), u32(args.logical_limit));
    const LayoutError expected = reference::layout_error(args);
    const std::optional<reference::LayoutNumbers> numbers = reference::layout(args);
    const std::string call = "layout " + args_text(args);
    const auto code = [](LayoutError e) { return std::to_string(static_cast<int>(e)) + " ('" + reference::layout_message(e) + "')"; };
    if ((expected == LayoutError::None) != numbers.has_value()) {
        return call + ": the reference's error kind " + code(expected) + " and its numbers disagree";
    }
    if (o.cpp.error != expected) return differs(call + ": layout()", "error " + code(o.cpp.error), code(expected) + " (SPEC §3)");
    if (o.cpp_text != reference::layout_message(expected)) {
        return differs(call + ": describe(LayoutError " + std::to_string(static_cast<int>(expected)) + ")", "'" + o.cpp_text + "'",
                       std::string("'") + reference::layout_message(expected) + "'");
    }
    // hashmap_mem_map_init's fields in declaration order: all zero on an error.
    std::uint32_t want[10]{};
    if (numbers) {
        const std::uint64_t n[10] = {args.key_size,         args.key_alignment,  args.value_size,        args.value_alignment,
                                     numbers->capacity,     args.logical_limit,  numbers->total_size,    numbers->bucket_size,
                                     numbers->key_offset,   numbers->value_offset};
        for (int i = 0; i < 10; ++i) want[i] = u32(n[i]);
        const LayoutResult& r = o.cpp;
        const std::uint32_t got[10] = {r.map_init.key_size,   r.map_init.key_alignment, r.map_init.value_size,
                                       r.map_init.value_alignment, r.map_init.capacity,   r.map_init.logical_limit,
                                       r.map_init.total_size, r.bucket_layout.bucket_size, r.bucket_layout.key_offset,
                                       r.bucket_layout.value_offset};
        for (int i = 0; i < 10; ++i) {
            if (got[i] != want[i]) {
                return differs(call + ": layout() field " + std::to_string(i) + " (map_init, then bucket_layout)",
                               std::to_string(got[i]), std::to_string(want[i]));
            }
        }
    }
    if (o.c_status != reference::c_status(expected)) {
        return differs(call + ": hashmap_mem_layout", "status " + std::to_string(o.c_status),
                       std::to_string(reference::c_status(expected)) + " " + code(expected));
    }
    static const char* const C_FIELDS[10] = {"key_size", "key_alignment", "value_size", "value_alignment", "capacity",
                                             "logical_limit", "total_size", "bucket_size", "key_offset", "value_offset"};
    for (int i = 0; i < 10; ++i) {
        if (o.c_fields[i] != want[i]) {
            return differs(call + ": hashmap_mem_layout's out->" + C_FIELDS[i] + (numbers ? "" : " (an error zero-fills *out)"),
                           std::to_string(o.c_fields[i]), std::to_string(want[i]));
        }
    }
    if (o.c_text != reference::layout_message(expected)) {
        return differs(call + ": hashmap_mem_describe(" + std::to_string(o.c_status) + ")", "'" + o.c_text + "'",
                       std::string("'") + reference::layout_message(expected) + "'");
    }
    if (!o.view_ran) return "";
    const std::string view = call + ": " + shape_text(o.view);
    const std::size_t bytes_for = numbers ? static_cast<std::size_t>(numbers->total_size) : 0;
    if (o.bytes_for != bytes_for) return differs(view + "::bytes_for", std::to_string(o.bytes_for), std::to_string(bytes_for));
    if (!o.created) return "";
    const std::uint32_t alignment = std::max(o.view.key_alignment, o.view.value_alignment);
    const ViewVerdict refused = view_verdict(VIEW_BAD_LAYOUT, expected);
    const ViewVerdict exact = numbers ? view_verdict(VIEW_OK) : refused;
    const ViewVerdict short_block = numbers ? view_verdict(VIEW_BLOCK_TOO_SMALL) : refused;
    const ViewVerdict odd = numbers ? view_verdict(alignment > 1 ? VIEW_MISALIGNED : VIEW_OK) : refused;
    const std::string size = std::to_string(numbers ? bytes_for : 64);
    if (!same(o.create_exact, exact)) {
        return differs(view + "::create of a block of " + size + " bytes", verdict_text(o.create_exact), verdict_text(exact));
    }
    if (!same(o.create_short, short_block)) {
        return differs(view + "::create of a block one byte short of " + size, verdict_text(o.create_short),
                       verdict_text(short_block));
    }
    if (!same(o.create_odd, odd)) {
        return differs(view + "::create at an odd address", verdict_text(o.create_odd), verdict_text(odd));
    }
    return "";
}

std::string check_validate_front_ends(const std::uint8_t* block, std::size_t size) {
    const ValidateObservation o = observe_validate(block, size);
    const reference::ValidateVerdict expected = reference::validate(block, size);
    const std::string call = "validate of a " + std::to_string(size) + "-byte image";
    const std::string want = std::to_string(static_cast<int>(expected.error)) + " ('" + reference::validate_line(expected) +
                             "', bucket " + std::to_string(expected.bucket) + ") (SPEC §10)";
    if (o.cpp.error != expected.error || o.cpp.bucket != expected.bucket) {
        return differs(call + ": validate()",
                       std::to_string(static_cast<int>(o.cpp.error)) + " bucket " + std::to_string(o.cpp.bucket), want);
    }
    const std::string message = reference::validate_message(expected.error);
    if (o.cpp_text != message) {
        return differs(call + ": describe(ValidateError " + std::to_string(static_cast<int>(expected.error)) + ")",
                       "'" + o.cpp_text + "'", "'" + message + "'");
    }
    if (o.c_status != reference::c_status(expected.error) || o.c_bucket != expected.bucket) {
        return differs(call + ": hashmap_mem_validate",
                       "status " + std::to_string(o.c_status) + " and *bucket " + std::to_string(o.c_bucket) +
                           " (pre-set to 2779096485)",
                       "status " + std::to_string(reference::c_status(expected.error)) + " and *bucket " +
                           std::to_string(expected.bucket) + ": " + want);
    }
    if (o.c_text != message) {
        return differs(call + ": hashmap_mem_describe(" + std::to_string(o.c_status) + ")", "'" + o.c_text + "'",
                       "'" + message + "'");
    }
    std::uint32_t key_size = 0, value_size = 0, value_offset = 0, bucket_size = 0;
    if (size >= 24) {
        std::memcpy(&key_size, block + 4, 4);
        std::memcpy(&value_size, block + 8, 4);
        std::memcpy(&value_offset, block + 12, 4);
        std::memcpy(&bucket_size, block + 16, 4);
    }
    const std::uint32_t key_offset = size >= 24 ? block[22] : 0;
    for (const ValidateObservation::Attach& a : o.attaches) {
        const ViewShape& s = a.view;
        const std::uint32_t alignment = std::max(s.key_alignment, s.value_alignment);
        ViewVerdict want_view;
        if (expected.error != ValidateError::None) {
            want_view = view_verdict(VIEW_INVALID_IMAGE, LayoutError::None, expected);
        } else if (key_size != s.key_size || value_size != s.value_size) {
            want_view = other_types_verdict(key_size, value_size, s);
        } else if (reinterpret_cast<std::uintptr_t>(block) % alignment != 0 || key_offset % s.key_alignment != 0 ||
                   value_offset % s.value_alignment != 0 || bucket_size % alignment != 0) {
            want_view = view_verdict(VIEW_MISALIGNED);
        } else {
            want_view = view_verdict(VIEW_OK);
        }
        if (!same(a.verdict, want_view)) {
            return differs(call + ": " + shape_text(s) + "::attach", verdict_text(a.verdict), verdict_text(want_view));
        }
    }
    return "";
}

std::string expected_load_line(const std::uint8_t* block, std::size_t size) {
    const reference::ValidateVerdict expected = reference::validate(block, size);
    return expected.error == ValidateError::None ? "ok" : "error " + reference::validate_line(expected);
}

}  // namespace hashmap_mem::harness
