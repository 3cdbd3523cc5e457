// MapView<K, V>: the map as a typed container over a block its caller owns.
// The same map, image and answers as the raw API (it runs the same inline
// code, with the key size fixed at compile time instead of switched on), with
// std-container manners: insert_or_assign, find, contains, erase, size, and
// iteration in bucket order.
//
//     std::vector<std::uint64_t> memory(MapView<std::uint32_t, double>::bytes_for(100) / 8 + 1);
//     auto made = MapView<std::uint32_t, double>::create(memory.data(), memory.size() * 8, 100);
//     if (!made) return fail(made.why());
//     auto& view = *made;
//     view.insert_or_assign(7, 0.5);
//     for (auto [key, value] : view) value *= 2;  // value is a V&, in the block
//
// Types. K and V are trivially copyable with alignment at most 8 (buckets
// start at offset 24, a multiple of 8 only); anything else is refused at
// compile time. Keys compare as bytes (FxHash and compare of the key's
// object representation), so K must have no padding bytes and no two byte
// patterns for one value: refused at compile time with
// std::has_unique_object_representations (this refuses float and double keys
// too: 0.0 and -0.0 would be two keys, NaN equal to itself). A struct key
// with padding can be declared with explicit filler members the caller zeroes.
// V may have padding (values are copied whole, never compared).
//
// Sets (value_size 0) are not MapViews: sizeof(V) is at least 1 in C++, and a
// set of K would need its own interface; use the raw or C API for sets.
//
// Preconditions as the raw API's (docs/format.md, "Preconditions"): the block
// stays alive and is changed only through this view or the raw API while the
// view is used. create and attach check everything else.
#pragma once

#include "hashmap_mem/cxx17.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <type_traits>

#include "hashmap_mem/header.hpp"
#include "hashmap_mem/layout.hpp"
#include "hashmap_mem/map.hpp"
#include "hashmap_mem/validate.hpp"

namespace hashmap_mem {

enum class ViewError : std::uint8_t {
    None = 0,
    BadLayout,      // create: layout refused the limit or the types (layout_error says which)
    BlockTooSmall,  // create: null, or fewer than bytes_for(limit) bytes
    Misaligned,     // the block, or an image's key or value offset or bucket size, is not aligned for K or V
    InvalidImage,   // attach: validate refused the bytes (validate_error, bucket)
    OtherTypes,     // attach: the image's key_size or value_size is not sizeof(K) or sizeof(V)
};

inline const char* describe(ViewError error) noexcept {
    switch (error) {
        case ViewError::None: return "ok";
        case ViewError::BadLayout: return "layout refused the limit or the types";
        case ViewError::BlockTooSmall: return "block is null or smaller than bytes_for(limit)";
        case ViewError::Misaligned: return "block, key offset, value offset or bucket size is not aligned for K or V";
        case ViewError::InvalidImage: return "validate refused the image";
        case ViewError::OtherTypes: return "the map's key_size or value_size is not sizeof(K) or sizeof(V)";
    }
    return "unknown view error";
}

template <typename K, typename V>
class MapView;

// What create and attach answer: tests false on failure and says why; `*`
// gives the view (only when it tests true).
template <typename K, typename V>
class MapViewResult {
public:
    ViewError error = ViewError::None;
    LayoutError layout_error = LayoutError::None;        // BadLayout: which
    ValidateError validate_error = ValidateError::None;  // InvalidImage: which
    std::uint32_t bucket = 0;                            // InvalidImage: the bucket of the problem, where there is one
    std::uint32_t map_key_size = 0;                      // OtherTypes: the image's key_size and value_size
    std::uint32_t map_value_size = 0;

    explicit operator bool() const noexcept { return error == ViewError::None; }
    MapView<K, V>& operator*() noexcept { return view_; }
    const MapView<K, V>& operator*() const noexcept { return view_; }
    MapView<K, V>* operator->() noexcept { return &view_; }
    const MapView<K, V>* operator->() const noexcept { return &view_; }

    // The most specific sentence: layout's or validate's own, for OtherTypes
    // the map's and the types' sizes, else the view's. Lives as long as this.
    const char* why() const noexcept {
        if (error == ViewError::BadLayout) return describe(layout_error);
        if (error == ViewError::InvalidImage) return describe(validate_error);
        if (error == ViewError::OtherTypes) return sizes_;
        return describe(error);
    }

private:
    friend class MapView<K, V>;
    MapView<K, V> view_;
    char sizes_[160] = {};  // the OtherTypes sentence, with four numbers of up to 20 digits
};

template <typename K, typename V>
class MapView {
    static_assert(!std::is_void_v<V>, "MapView has no value-less sets (value_size 0): use the raw or C API");
    static_assert(std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>,
                  "MapView keys and values are copied as bytes: K and V must be trivially copyable");
    static_assert(alignof(K) <= 8 && alignof(V) <= 8,
                  "MapView needs alignof(K) and alignof(V) <= 8: buckets start at offset 24, a multiple of 8 only");
    static_assert(std::has_unique_object_representations_v<K>,
                  "MapView keys compare as bytes: K must have no padding bytes and one representation per value "
                  "(no float or double keys)");

    template <bool Const>
    class basic_iterator;

public:
    using key_type = K;
    using mapped_type = V;
    using size_type = std::size_t;
    using Result = MapViewResult<K, V>;
    using iterator = basic_iterator<false>;
    using const_iterator = basic_iterator<true>;

    // Bytes a block needs for `limit` entries; 0 when layout refuses the limit
    // (0, or above 32768) or the types. `limit` is wide so that no value is
    // cut down to another one (70000 is refused, not sized as 4464).
    static std::size_t bytes_for(std::size_t limit) noexcept {
        const LayoutResult result = layout_for(limit);
        return result ? result.map_init.total_size : 0;
    }

    // A new, empty map in the block (init): the block must hold
    // bytes_for(limit) bytes and be aligned for K and V.
    static Result create(void* block, std::size_t size, std::size_t limit) noexcept {
        Result result;
        const LayoutResult layout = layout_for(limit);
        if (!layout) {
            result.error = ViewError::BadLayout;
            result.layout_error = layout.error;
        } else if (block == nullptr || size < layout.map_init.total_size) {
            result.error = ViewError::BlockTooSmall;
        } else if (reinterpret_cast<std::uintptr_t>(block) % ALIGNMENT != 0) {
            result.error = ViewError::Misaligned;
        } else {
            init(block, layout.map_init);
            result.view_.map_ = block;
        }
        return result;
    }

    // A map made elsewhere (a file, the network, the raw API): `validate`,
    // then its key and value sizes must be K's and V's, and the block, key and
    // value offsets and bucket size aligned for them.
    static Result attach(void* block, std::size_t size) noexcept {
        Result result;
        const ValidateResult verdict = validate(block, size);
        if (!verdict) {
            result.error = ViewError::InvalidImage;
            result.validate_error = verdict.error;
            result.bucket = verdict.bucket;
            return result;
        }
        const MapHeader header = read_header(block);
        if (read_key_size(block) != sizeof(K) || read_value_size(block) != sizeof(V)) {
            result.error = ViewError::OtherTypes;
            result.map_key_size = read_key_size(block);
            result.map_value_size = read_value_size(block);
            std::snprintf(result.sizes_, sizeof result.sizes_,
                          "the map's key_size is %lu and value_size %lu; this MapView's sizeof(K) is %zu and sizeof(V) %zu",
                          static_cast<unsigned long>(result.map_key_size), static_cast<unsigned long>(result.map_value_size),
                          sizeof(K), sizeof(V));
        } else if (reinterpret_cast<std::uintptr_t>(block) % ALIGNMENT != 0 || std::size_t{header.key_offset} % alignof(K) != 0 ||
                   std::size_t{header.value_offset} % alignof(V) != 0 || std::size_t{header.bucket_size} % ALIGNMENT != 0) {
            result.error = ViewError::Misaligned;
        } else {
            result.view_.map_ = block;
        }
        return result;
    }

    // Inserts key with value, or assigns value to the key's entry. False only
    // when the key is absent and its 32-bucket window is full (nothing changed).
    bool insert_or_assign(const K& key, const V& value) noexcept {
        std::uint8_t* slot = detail::ReserveEntry<KEY_SIZE>::run(map_, KEY_BYTES, detail::opaque_key(&key));
        if (slot == nullptr) return false;
        std::memcpy(slot, &value, sizeof(V));
        return true;
    }

    // The value in the block, or null. Valid until the key is erased.
    V* find(const K& key) noexcept {
        std::uint8_t* slot = detail::Lookup<KEY_SIZE>::run(map_, KEY_BYTES, detail::opaque_key(&key));
        return reinterpret_cast<V*>(slot);
    }
    const V* find(const K& key) const noexcept { return const_cast<MapView*>(this)->find(key); }

    bool contains(const K& key) const noexcept { return find(key) != nullptr; }

    // True if the key was there. `key` may be the key of the element erased
    // (a loop's binding): removing writes status bytes only.
    bool erase(const K& key) noexcept {
        return detail::Remove<KEY_SIZE>::run(map_, KEY_BYTES, detail::opaque_key(&key));
    }

    std::size_t size() const noexcept { return read_element_count(map_); }
    bool empty() const noexcept { return size() == 0; }
    // Buckets: the smallest power of two >= limit(). An insert can fail
    // before size() reaches it, when its key's window is full.
    std::size_t capacity() const noexcept { return read_capacity(map_); }
    std::size_t limit() const noexcept { return read_logical_limit(map_); }
    void* data() const noexcept { return map_; }

    // In bucket order. Erasing the current element during a loop is safe; an
    // element inserted during a loop may or may not be visited.
    iterator begin() noexcept { return iterator(map_, 0); }
    iterator end() noexcept { return iterator(); }
    const_iterator begin() const noexcept { return const_iterator(map_, 0); }
    const_iterator end() const noexcept { return const_iterator(); }
    const_iterator cbegin() const noexcept { return begin(); }
    const_iterator cend() const noexcept { return end(); }

private:
    friend class MapViewResult<K, V>;
    MapView() = default;

    static constexpr std::size_t ALIGNMENT = alignof(K) > alignof(V) ? alignof(K) : alignof(V);
    static constexpr std::size_t KEY_SIZE = detail::SPECIALISED_KEY_SIZE<sizeof(K)>;
    static constexpr std::uint32_t KEY_BYTES = sizeof(K);  // the header's key_size (attach checked it)

    // A limit past uint32_t is passed as UINT32_MAX: layout refuses it as too
    // large, as it refuses anything above 32768.
    static LayoutResult layout_for(std::size_t limit) noexcept {
        const auto narrow = static_cast<std::uint32_t>(limit > UINT32_MAX ? UINT32_MAX : limit);
        return layout(sizeof(K), alignof(K), sizeof(V), alignof(V), narrow);
    }

    void* map_ = nullptr;
};

// An entry as the loop sees it: `for (auto [key, value] : view)` binds key as
// a const K& and value as a V& (const V& for a const view), both in the block.
template <typename K, typename V>
template <bool Const>
class MapView<K, V>::basic_iterator {
public:
    struct reference {
        const K& key;
        std::conditional_t<Const, const V&, V&> value;
    };
    using iterator_category = std::input_iterator_tag;
    using value_type = reference;
    using difference_type = std::ptrdiff_t;
    using pointer = void;

    basic_iterator() = default;

    reference operator*() const noexcept {
        return reference{*reinterpret_cast<const K*>(entry_.key), *reinterpret_cast<V*>(entry_.value)};
    }
    basic_iterator& operator++() noexcept {
        entry_ = find_next_valid_entry(map_, std::uint32_t{entry_.index} + 1);
        return *this;
    }
    basic_iterator operator++(int) noexcept {
        basic_iterator before = *this;
        ++*this;
        return before;
    }
    // The entry's bucket index; END_OF_SCAN at the end.
    std::uint16_t index() const noexcept { return entry_.index; }

    friend bool operator==(const basic_iterator& a, const basic_iterator& b) noexcept { return a.entry_.index == b.entry_.index; }
    friend bool operator!=(const basic_iterator& a, const basic_iterator& b) noexcept { return !(a == b); }

private:
    friend class MapView<K, V>;
    basic_iterator(void* map, std::uint32_t start) noexcept : map_(map), entry_(find_next_valid_entry(map, start)) {}

    void* map_ = nullptr;
    Entry entry_{nullptr, nullptr, END_OF_SCAN};
};

}  // namespace hashmap_mem
