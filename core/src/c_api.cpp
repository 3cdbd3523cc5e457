// The C API (hashmap_mem.h): each function calls its C++ counterpart. The
// fast paths add nothing but the call: the status codes are the C++ enums'
// values offset by a constant, so the cold paths convert with one add.
#include "hashmap_mem/hashmap_mem.h"

#include "hashmap_mem/hashmap_mem.hpp"

namespace {

namespace hm = hashmap_mem;

constexpr hashmap_mem_status OVERWRITE_BASE = 20;
constexpr hashmap_mem_status VALIDATE_BASE = 40;

// The C values are the C++ enums' (plus a base): checked here, so that a new
// enumerator cannot silently shift them.
static_assert(HASHMAP_MEM_LAYOUT_KEY_SIZE_ZERO == static_cast<int>(hm::LayoutError::KeySizeZero), "");
static_assert(HASHMAP_MEM_LAYOUT_VALUE_ALIGNMENT_ZERO == static_cast<int>(hm::LayoutError::ValueAlignmentZero), "");
static_assert(HASHMAP_MEM_LAYOUT_LOGICAL_LIMIT_ZERO == static_cast<int>(hm::LayoutError::LogicalLimitZero), "");
static_assert(HASHMAP_MEM_LAYOUT_TOTAL_SIZE_OVERFLOW == static_cast<int>(hm::LayoutError::TotalSizeOverflow), "");
static_assert(HASHMAP_MEM_OVERWRITE_TARGET_LIMIT_TOO_SMALL ==
                  OVERWRITE_BASE + static_cast<int>(hm::OverwriteResult::TargetLimitTooSmall), "");
static_assert(HASHMAP_MEM_OVERWRITE_TARGET_FULL == OVERWRITE_BASE + static_cast<int>(hm::OverwriteResult::TargetFull), "");
static_assert(HASHMAP_MEM_VALIDATE_BLOCK_SHORTER_THAN_HEADER ==
                  VALIDATE_BASE + static_cast<int>(hm::ValidateError::BlockShorterThanHeader), "");
static_assert(HASHMAP_MEM_VALIDATE_TOTAL_SIZE_OVERFLOW == VALIDATE_BASE + static_cast<int>(hm::ValidateError::TotalSizeOverflow), "");
static_assert(HASHMAP_MEM_VALIDATE_BAD_STATUS_BYTE == VALIDATE_BASE + static_cast<int>(hm::ValidateError::BadStatusByte), "");
static_assert(HASHMAP_MEM_VALIDATE_KEY_UNREACHABLE_TOO_FAR ==
                  VALIDATE_BASE + static_cast<int>(hm::ValidateError::KeyUnreachableTooFar), "");

constexpr int LAST_LAYOUT_ERROR = static_cast<int>(hm::LayoutError::TotalSizeOverflow);
constexpr int LAST_OVERWRITE_RESULT = static_cast<int>(hm::OverwriteResult::TargetFull);
constexpr int LAST_VALIDATE_ERROR = static_cast<int>(hm::ValidateError::KeyUnreachableTooFar);

}  // namespace

extern "C" {

const char* hashmap_mem_describe(hashmap_mem_status status) {
    if (status == HASHMAP_MEM_OK) return "ok";
    if (status >= 1 && status <= LAST_LAYOUT_ERROR) return hm::describe(static_cast<hm::LayoutError>(status));
    if (status > OVERWRITE_BASE && status <= OVERWRITE_BASE + LAST_OVERWRITE_RESULT) {
        return hm::describe(static_cast<hm::OverwriteResult>(status - OVERWRITE_BASE));
    }
    if (status > VALIDATE_BASE && status <= VALIDATE_BASE + LAST_VALIDATE_ERROR) {
        return hm::describe(static_cast<hm::ValidateError>(status - VALIDATE_BASE));
    }
    return "unknown hashmap_mem status";
}

hashmap_mem_status hashmap_mem_layout(uint32_t key_size, uint32_t key_alignment, uint32_t value_size,
                                      uint32_t value_alignment, uint32_t logical_limit, hashmap_mem_map_init* out) {
    const hm::LayoutResult result = hm::layout(key_size, key_alignment, value_size, value_alignment, logical_limit);
    if (out != nullptr) {
        const hm::MapInit& m = result.map_init;  // all zero on an error
        const hm::BucketLayout& b = result.bucket_layout;
        *out = hashmap_mem_map_init{m.key_size,      m.key_alignment, m.value_size,   m.value_alignment,
                                    m.capacity,      m.logical_limit, m.total_size,   b.bucket_size,
                                    b.key_offset,    b.value_offset};
    }
    return static_cast<hashmap_mem_status>(result.error);
}

void hashmap_mem_init(void* map, const hashmap_mem_map_init* init) {
    hm::init(map, hm::MapInit{init->key_size, static_cast<std::uint8_t>(init->key_alignment), init->value_size,
                              static_cast<std::uint8_t>(init->value_alignment), static_cast<std::uint16_t>(init->capacity),
                              static_cast<std::uint16_t>(init->logical_limit), init->total_size});
}

uint8_t* hashmap_mem_get_or_reserve_entry(void* map, const void* key) { return hm::get_or_reserve_entry(map, key); }

uint8_t* hashmap_mem_lookup(const void* map, const void* key) {
    return hm::lookup(const_cast<void*>(map), key);  // reads only; strchr's convention (hashmap_mem.h)
}

bool hashmap_mem_has(const void* map, const void* key) { return hm::has(map, key); }

bool hashmap_mem_remove(void* map, const void* key) { return hm::remove(map, key); }

hashmap_mem_status hashmap_mem_overwrite(void* target, const void* source) {
    const hm::OverwriteResult result = hm::overwrite(target, source);
    return result == hm::OverwriteResult::Ok ? HASHMAP_MEM_OK : OVERWRITE_BASE + static_cast<hashmap_mem_status>(result);
}

hashmap_mem_entry hashmap_mem_find_next_valid_entry(const void* map, uint32_t start) {
    const hm::Entry entry = hm::find_next_valid_entry(const_cast<void*>(map), start);  // reads only
    return hashmap_mem_entry{entry.key, entry.value, entry.index};
}

uint32_t hashmap_mem_element_count(const void* map) { return hm::read_element_count(map); }

uint32_t hashmap_mem_capacity(const void* map) { return hm::read_capacity(map); }

uint32_t hashmap_mem_logical_limit(const void* map) { return hm::read_logical_limit(map); }

hashmap_mem_status hashmap_mem_validate(const void* block, size_t size, uint32_t* bucket) {
    const hm::ValidateResult result = hm::validate(block, size);
    if (bucket != nullptr) *bucket = result.bucket;
    return result ? HASHMAP_MEM_OK : VALIDATE_BASE + static_cast<hashmap_mem_status>(result.error);
}

}  // extern "C"
