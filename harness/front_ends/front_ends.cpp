// The front ends of front_end.hpp. Compiled like map_ops.cpp (coverage, ASan,
// UBSan in fuzz builds): the C API's and MapView's code that an input's ops
// run is the input's doing, and MapView's inline code is instantiated here.
#include "front_ends/front_end.hpp"

#include <array>
#include <cstring>
#include <new>
#include <utility>

#include "hashmap_mem/hashmap_mem.h"
#include "hashmap_mem/hashmap_mem.hpp"
#include "hashmap_mem/map_view.hpp"
#include "run/map_calls.hpp"

namespace hashmap_mem::harness {

namespace {

FrontEndFault fault = FrontEndFault::None;

}  // namespace

void set_front_end_fault(FrontEndFault f) noexcept { fault = f; }

// One MapView instantiation behind plain function pointers: `view` is the
// storage holding the attached MapView<K, V>, `iterator` a scan's iterator.
struct ViewOps {
    std::uint32_t key_size;
    std::uint32_t value_size;
    // "" and the view stored, or why attach refused the map.
    const char* (*attach)(void* view, std::uint8_t* block, std::size_t size, ValidateResult& verdict);
    bool (*insert_or_assign)(void* view, const std::uint8_t* key, const std::uint8_t* value);
    std::uint8_t* (*find)(void* view, const std::uint8_t* key);
    bool (*contains)(const void* view, const std::uint8_t* key);
    bool (*erase)(void* view, const std::uint8_t* key);
    std::uint32_t (*first_at_or_after)(void* view, std::uint32_t start);
    FrontEndEntry (*begin)(void* view, void* iterator);
    FrontEndEntry (*advance)(void* iterator);
};

namespace {

template <std::size_t KS, std::size_t VS>
struct ViewFor {
    using K = std::array<std::uint8_t, KS>;
    using V = std::array<std::uint8_t, VS>;
    using View = MapView<K, V>;
    using Iterator = typename View::iterator;
    static_assert(sizeof(View) <= 8 && std::is_trivially_copyable_v<View>, "fits MapFrontEnd::view_storage_");
    static_assert(sizeof(Iterator) <= 32 && std::is_trivially_copyable_v<Iterator>, "fits MapFrontEnd::iterator_");

    static View& view(void* storage) { return *std::launder(static_cast<View*>(storage)); }
    static K key(const std::uint8_t* bytes) {
        K k;
        std::memcpy(k.data(), bytes, KS);
        return k;
    }
    static FrontEndEntry entry(const Iterator& it, const Iterator& end) {
        if (it == end) return FrontEndEntry{END_OF_SCAN, nullptr};
        return FrontEndEntry{it.index(), (*it).key.data()};
    }

    static const char* attach(void* storage, std::uint8_t* block, std::size_t size, ValidateResult& verdict) {
        typename View::Result result = View::attach(block, size);
        verdict = ValidateResult{result.validate_error, result.bucket};
        if (!result) return result.why();
        new (storage) View(*result);
        return "";
    }
    static bool insert_or_assign(void* storage, const std::uint8_t* key_bytes, const std::uint8_t* value_bytes) {
        V value;
        std::memcpy(value.data(), value_bytes, VS);
        return view(storage).insert_or_assign(key(key_bytes), value);
    }
    static std::uint8_t* find(void* storage, const std::uint8_t* key_bytes) {
        V* value = view(storage).find(key(key_bytes));
        return value == nullptr ? nullptr : value->data();
    }
    static bool contains(const void* storage, const std::uint8_t* key_bytes) {
        return static_cast<const View&>(view(const_cast<void*>(storage))).contains(key(key_bytes));
    }
    static bool erase(void* storage, const std::uint8_t* key_bytes) {
        if (fault == FrontEndFault::ViewEraseKeeps) return view(storage).contains(key(key_bytes));
        return view(storage).erase(key(key_bytes));
    }
    static std::uint32_t first_at_or_after(void* storage, std::uint32_t start) {
        View& v = view(storage);
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (it.index() >= start) return it.index();
        }
        return END_OF_SCAN;
    }
    static FrontEndEntry begin(void* storage, void* iterator) {
        View& v = view(storage);
        auto* it = new (iterator) Iterator(v.begin());
        return entry(*it, v.end());
    }
    static FrontEndEntry advance(void* iterator) {
        Iterator& it = *std::launder(static_cast<Iterator*>(iterator));
        ++it;
        return entry(it, Iterator());
    }

    static constexpr ViewOps ops{KS, VS, attach, insert_or_assign, find, contains, erase, first_at_or_after, begin, advance};
};

template <std::size_t KS, std::size_t... VI>
constexpr std::array<ViewOps, sizeof...(VI)> row(std::index_sequence<VI...>) {
    return {ViewFor<KS, VIEW_VALUE_SIZES[VI]>::ops...};
}

template <std::size_t... KI>
constexpr auto table(std::index_sequence<KI...>) {
    constexpr std::size_t values = std::size(VIEW_VALUE_SIZES);
    return std::array<std::array<ViewOps, values>, sizeof...(KI)>{
        row<VIEW_KEY_SIZES[KI]>(std::make_index_sequence<values>())...};
}

constexpr auto VIEWS = table(std::make_index_sequence<std::size(VIEW_KEY_SIZES)>());

const ViewOps* view_ops(std::uint32_t key_size, std::uint32_t value_size) {
    for (const auto& row_ops : VIEWS) {
        for (const ViewOps& ops : row_ops) {
            if (ops.key_size == key_size && ops.value_size == value_size) return &ops;
        }
    }
    return nullptr;
}

ValidateResult from_c(hashmap_mem_status status, std::uint32_t bucket) {
    // The C values are the C++ errors plus 40 (c_api.cpp); 0 is ok.
    const auto error = status == HASHMAP_MEM_OK ? ValidateError::None : static_cast<ValidateError>(status - 40);
    return ValidateResult{error, bucket};
}

}  // namespace

const char* name(FrontEnd front_end) noexcept {
    switch (front_end) {
        case FrontEnd::Raw: return "raw";
        case FrontEnd::C: return "c";
        case FrontEnd::View: return "view";
    }
    return "?";
}

bool parse_front_end(std::string_view word, FrontEnd& out) noexcept {
    for (const FrontEnd f : {FrontEnd::Raw, FrontEnd::C, FrontEnd::View}) {
        if (word == name(f)) {
            out = f;
            return true;
        }
    }
    return false;
}

bool front_end_serves(FrontEnd front_end, std::uint32_t key_size, std::uint32_t value_size) noexcept {
    return front_end != FrontEnd::View || view_ops(key_size, value_size) != nullptr;
}

std::string explain(const ValidateResult& verdict) {
    std::string why = describe(verdict.error);
    switch (verdict.error) {
        case ValidateError::BadStatusByte:
        case ValidateError::DuplicateKey:
        case ValidateError::KeyUnreachableEmptyBetween:
        case ValidateError::KeyUnreachableTooFar: return why + " (bucket " + std::to_string(verdict.bucket) + ")";
        default: return why;
    }
}

std::string MapFrontEnd::select(FrontEnd front_end, std::uint8_t* block, std::size_t size) {
    const MapHeader header = read_header(block);
    if (!front_end_serves(front_end, header.key_size, header.value_size)) {
        return std::string("MapView is not instantiated for key_size ") + std::to_string(header.key_size) +
               " and value_size " + std::to_string(header.value_size) + ": the map stays " + name(running_);
    }
    const FrontEnd before = selected_;
    selected_ = front_end;
    bind(block, size);
    if (failure_.empty()) return "";
    std::string why = failure_;
    selected_ = before;
    bind(block, size);
    return why;
}

void MapFrontEnd::bind(std::uint8_t* block, std::size_t size) {
    failure_.clear();
    view_ = nullptr;
    running_ = selected_;
    if (selected_ != FrontEnd::View) return;
    const MapHeader header = read_header(block);
    view_ = size < MAP_BUCKETS_OFFSET ? nullptr : view_ops(header.key_size, header.value_size);
    if (view_ == nullptr) {
        running_ = FrontEnd::Raw;  // sizes the view does not serve: documented fallback
        return;
    }
    ValidateResult verdict{};
    const char* why = view_->attach(view_storage_, block, size, verdict);
    if (*why != '\0') {
        failure_ = std::string("MapView::attach refused the map: ") + why;
        view_ = nullptr;
    }
}

bool MapFrontEnd::init(std::uint8_t* block, const MapInit& map_init) const {
    if (selected_ != FrontEnd::C) {
        hashmap_mem::init(block, map_init);
        return true;
    }
    hashmap_mem_map_init c{};
    if (hashmap_mem_layout(map_init.key_size, map_init.key_alignment, map_init.value_size, map_init.value_alignment,
                           map_init.logical_limit, &c) != HASHMAP_MEM_OK ||
        c.total_size != map_init.total_size) {
        return false;
    }
    hashmap_mem_init(block, &c);
    return true;
}

bool MapFrontEnd::put(std::uint8_t* block, const Bytes& key, const Bytes& value) {
    std::uint8_t* slot = nullptr;
    switch (running_) {
        case FrontEnd::Raw: slot = map_ops_get_or_reserve_entry(block, key.data()); break;
        case FrontEnd::C: slot = hashmap_mem_get_or_reserve_entry(block, key.data()); break;
        case FrontEnd::View: return view_->insert_or_assign(view_storage_, key.data(), value.data());
    }
    if (slot != nullptr && !value.empty()) std::memcpy(slot, value.data(), value.size());
    return slot != nullptr;
}

const std::uint8_t* MapFrontEnd::get(std::uint8_t* block, const std::uint8_t* key) {
    switch (running_) {
        case FrontEnd::Raw: break;
        case FrontEnd::C: return hashmap_mem_lookup(block, key);
        case FrontEnd::View: return view_->find(view_storage_, key);
    }
    return map_ops_lookup(block, key);
}

bool MapFrontEnd::has(std::uint8_t* block, const std::uint8_t* key) {
    switch (running_) {
        case FrontEnd::Raw: break;
        case FrontEnd::C: return hashmap_mem_has(block, key) != (fault == FrontEndFault::CHasInverted);
        case FrontEnd::View: return view_->contains(view_storage_, key);
    }
    return map_ops_has(block, key);
}

bool MapFrontEnd::remove(std::uint8_t* block, const std::uint8_t* key) {
    switch (running_) {
        case FrontEnd::Raw: break;
        case FrontEnd::C: return hashmap_mem_remove(block, key);
        case FrontEnd::View: return view_->erase(view_storage_, key);
    }
    return map_ops_remove(block, key);
}

std::uint32_t MapFrontEnd::next(std::uint8_t* block, std::uint32_t start) {
    switch (running_) {
        case FrontEnd::Raw: break;
        case FrontEnd::C: return hashmap_mem_find_next_valid_entry(block, start).index;
        case FrontEnd::View: return view_->first_at_or_after(view_storage_, start);
    }
    return map_ops_find_next_valid_entry(block, start).index;
}

FrontEndEntry MapFrontEnd::scan_first(std::uint8_t* block) {
    if (running_ == FrontEnd::View) return view_->begin(view_storage_, iterator_);
    scan_index_ = 0;
    return scan_next(block);
}

FrontEndEntry MapFrontEnd::scan_next(std::uint8_t* block) {
    if (running_ == FrontEnd::View) return view_->advance(iterator_);
    FrontEndEntry entry{END_OF_SCAN, nullptr};
    if (running_ == FrontEnd::C) {
        const hashmap_mem_entry e = hashmap_mem_find_next_valid_entry(block, scan_index_);
        entry = FrontEndEntry{e.index, e.key};
    } else {
        const MapEntry e = map_ops_find_next_valid_entry(block, scan_index_);
        entry = FrontEndEntry{e.index, e.key};
    }
    scan_index_ = entry.index + 1;
    return entry;
}

bool MapFrontEnd::overwrite(std::uint8_t* target, const std::uint8_t* source) {
    if (running_ == FrontEnd::C) return hashmap_mem_overwrite(target, source) == HASHMAP_MEM_OK;
    return hashmap_mem::overwrite(target, source) == OverwriteResult::Ok;  // raw, and view (MapView has no overwrite)
}

std::string MapFrontEnd::check(std::uint8_t* block, std::size_t size) {
    ValidateResult verdict{};
    switch (running_) {
        case FrontEnd::Raw: verdict = validate(block, size); break;
        case FrontEnd::C: {
            std::uint32_t bucket = 0;
            const hashmap_mem_status status = hashmap_mem_validate(block, size, &bucket);
            verdict = from_c(status, bucket);
            break;
        }
        case FrontEnd::View: {
            // A second view: attach checks the image as it is now, and the
            // bound one stays as it was.
            alignas(8) unsigned char storage[sizeof view_storage_];
            const char* why = view_->attach(storage, block, size, verdict);
            if (*why != '\0' && verdict) return std::string("MapView::attach: ") + why;
            break;
        }
    }
    return verdict ? "" : explain(verdict);
}

}  // namespace hashmap_mem::harness

// --- observe_layout, observe_validate -----------------------------------

namespace hashmap_mem::harness {

namespace {

struct ViewProbe {
    ViewShape shape;
    std::size_t (*bytes_for)(std::uint16_t limit);
    ViewVerdict (*create)(void* block, std::size_t size, std::uint16_t limit);
    ViewVerdict (*attach)(const std::uint8_t* block, std::size_t size);
};

template <typename K, typename V>
struct ProbeFor {
    using View = MapView<K, V>;
    static ViewVerdict verdict(const typename View::Result& r) {
        return ViewVerdict{static_cast<std::uint8_t>(r.error), r.layout_error, r.validate_error, r.bucket, r.why(),
                           describe(r.error),      r.map_key_size,    r.map_value_size};
    }
    static std::size_t bytes_for(std::uint16_t limit) { return View::bytes_for(limit); }
    static ViewVerdict create(void* block, std::size_t size, std::uint16_t limit) {
        return verdict(View::create(block, size, limit));
    }
    static ViewVerdict attach(const std::uint8_t* block, std::size_t size) {
        return verdict(View::attach(const_cast<std::uint8_t*>(block), size));  // attach only reads
    }
    static constexpr ViewProbe probe{{sizeof(K), alignof(K), sizeof(V), alignof(V)}, bytes_for, create, attach};
};

template <std::size_t KS, std::size_t... VI>
constexpr std::array<ViewProbe, sizeof...(VI)> probe_row(std::index_sequence<VI...>) {
    return {ProbeFor<std::array<std::uint8_t, KS>, std::array<std::uint8_t, VIEW_VALUE_SIZES[VI]>>::probe...};
}

template <std::size_t... KI>
constexpr auto probe_table(std::index_sequence<KI...>) {
    constexpr std::size_t values = std::size(VIEW_VALUE_SIZES);
    return std::array<std::array<ViewProbe, values>, sizeof...(KI)>{
        probe_row<VIEW_KEY_SIZES[KI]>(std::make_index_sequence<values>())...};
}

// Byte arrays (alignment 1) for every view size, and views of aligned types,
// whose create and attach have alignment checks to make.
constexpr auto BYTE_PROBES = probe_table(std::make_index_sequence<std::size(VIEW_KEY_SIZES)>());
constexpr ViewProbe ALIGNED_PROBES[] = {ProbeFor<std::uint64_t, std::uint64_t>::probe,
                                        ProbeFor<std::uint32_t, std::uint64_t>::probe,
                                        ProbeFor<std::uint64_t, std::uint32_t>::probe};

template <typename F>
void for_each_probe(F&& f) {
    for (const auto& row_probes : BYTE_PROBES) {
        for (const ViewProbe& p : row_probes) f(p);
    }
    for (const ViewProbe& p : ALIGNED_PROBES) f(p);
}

constexpr std::size_t PROBE_BUFFER_BYTES = std::size_t{1} << 20;

}  // namespace

LayoutObservation observe_layout(std::uint32_t key_size, std::uint32_t key_alignment, std::uint32_t value_size,
                                 std::uint32_t value_alignment, std::uint32_t logical_limit) {
    LayoutObservation o;
    o.cpp = layout(key_size, key_alignment, value_size, value_alignment, logical_limit);
    o.cpp_text = describe(o.cpp.error);
    hashmap_mem_map_init c;
    std::memset(&c, 0xa5, sizeof c);
    static_assert(sizeof c == sizeof o.c_fields, "ten u32 fields");
    o.c_status = hashmap_mem_layout(key_size, key_alignment, value_size, value_alignment, logical_limit, &c);
    std::memcpy(o.c_fields, &c, sizeof c);
    o.c_text = hashmap_mem_describe(o.c_status);

    const ViewProbe* probe = nullptr;
    for_each_probe([&](const ViewProbe& p) {
        const ViewShape& s = p.shape;
        if (s.key_size == key_size && s.key_alignment == key_alignment && s.value_size == value_size &&
            s.value_alignment == value_alignment) {
            probe = &p;
        }
    });
    if (probe == nullptr || logical_limit > UINT16_MAX) return o;
    const auto limit = static_cast<std::uint16_t>(logical_limit);
    o.view_ran = true;
    o.view = probe->shape;
    o.bytes_for = probe->bytes_for(limit);
    const std::size_t size = o.bytes_for == 0 ? 64 : o.bytes_for;
    if (size > PROBE_BUFFER_BYTES) return o;
    // Reused: an allocation per probe is a page fault per input.
    thread_local std::vector<std::uint64_t> buffer;
    if (buffer.size() < size / 8 + 2) buffer.resize(size / 8 + 2);
    auto* base = reinterpret_cast<std::uint8_t*>(buffer.data());
    o.created = true;
    o.create_exact = probe->create(base, size, limit);
    o.create_short = probe->create(base, size - 1, limit);
    o.create_odd = probe->create(base + 1, size, limit);
    return o;
}

ValidateObservation observe_validate(const std::uint8_t* block, std::size_t size) {
    ValidateObservation o;
    o.cpp = validate(block, size);
    o.cpp_text = describe(o.cpp.error);
    std::uint32_t bucket = 0xa5a5a5a5u;
    o.c_status = hashmap_mem_validate(block, size, &bucket);
    o.c_bucket = bucket;
    o.c_text = hashmap_mem_describe(o.c_status);
    if (size < MAP_BUCKETS_OFFSET) return o;
    std::uint32_t key_size = 0, value_size = 0;
    std::memcpy(&key_size, block + 4, 4);
    std::memcpy(&value_size, block + 8, 4);
    // The view of the image's sizes, one with its key size and another value
    // size, one the other way round, and the aligned views sharing a size.
    bool same = false, other_value = false, other_key = false;
    for_each_probe([&](const ViewProbe& p) {
        const ViewShape& s = p.shape;
        const bool bytes = s.key_alignment == 1 && s.value_alignment == 1;
        bool take = !bytes && (s.key_size == key_size || s.value_size == value_size);
        if (bytes && s.key_size == key_size && s.value_size == value_size) take = !std::exchange(same, true);
        if (bytes && s.key_size == key_size && s.value_size != value_size) take = !std::exchange(other_value, true);
        if (bytes && s.key_size != key_size && s.value_size == value_size) take = !std::exchange(other_key, true);
        if (take) o.attaches.push_back({s, p.attach(block, size)});
    });
    return o;
}

}  // namespace hashmap_mem::harness
