#include "run/executor.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"
#include "run/map_calls.hpp"
#include "script/op_kinds.hpp"

#include "run/mark_undefined.hpp"

namespace hashmap_mem::harness {

namespace {

std::string error(const std::string& why) { return "error " + why; }

std::string hex16(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = digits[value & 15];
    return text;
}

// Layout arguments as the API takes them, or the first that does not fit u32.
std::string layout_of(const LayoutArgs& args, LayoutResult& out) {
    const std::pair<const char*, std::uint64_t> fields[] = {
        {"key_size", args.key_size}, {"key_alignment", args.key_alignment}, {"value_size", args.value_size},
        {"value_alignment", args.value_alignment}, {"logical_limit", args.logical_limit}};
    for (const auto& [name, value] : fields) {
        if (value > UINT32_MAX) return error(std::string(name) + " " + std::to_string(value) + " does not fit u32");
    }
    out = layout(static_cast<std::uint32_t>(args.key_size), static_cast<std::uint32_t>(args.key_alignment),
                 static_cast<std::uint32_t>(args.value_size), static_cast<std::uint32_t>(args.value_alignment),
                 static_cast<std::uint32_t>(args.logical_limit));
    if (!out) return error(describe(out.error));
    return "";
}

}  // namespace

// The pattern repeated over the block: one copy, then doubling copies.
static void fill_block(Block& block, const Bytes& pattern) {
    if (pattern.empty() || block.size() == 0) return;
    const std::size_t first = std::min(pattern.size(), block.size());
    std::memcpy(block.data(), pattern.data(), first);
    for (std::size_t done = first; done < block.size();) {
        const std::size_t n = std::min(done / pattern.size() * pattern.size(), block.size() - done);
        std::memcpy(block.data() + done, block.data(), n);
        done += n;
    }
}

std::string check_key_length(const Block& block, const Bytes& key) {
    const MapHeader header = read_header(block.data());
    if (key.size() != header.key_size) {
        return error("key has " + std::to_string(key.size()) + " bytes, the map's key_size is " +
                     std::to_string(header.key_size));
    }
    return "";
}

Executor::Slot* Executor::slot(const std::string& id) {
    for (Slot& s : maps_) {
        if (s.id.size() == id.size() && bytes_equal(s.id.data(), id.data(), id.size())) return &s;
    }
    return nullptr;
}

Block* Executor::find(const std::string& id) {
    Slot* s = slot(id);
    return s == nullptr ? nullptr : &s->block;
}

const Block* Executor::find(const std::string& id) const { return const_cast<Executor*>(this)->find(id); }

const MapFrontEnd* Executor::front_end(const std::string& id) const {
    const Slot* s = const_cast<Executor*>(this)->slot(id);
    return s == nullptr ? nullptr : &s->front_end;
}

// A map made anew keeps the front end its id had (`via` holds for the id).
void Executor::store(const std::string& id, Block block) {
    Slot* s = slot(id);
    if (s != nullptr) {
        s->block = std::move(block);
    } else {
        s = &maps_.emplace_back(Slot{id, std::move(block), MapFrontEnd{}});
    }
    s->front_end.bind(s->block.data(), s->block.size());
}

std::string print(const Answer& answer) {
    switch (answer.kind) {
        case Answer::Kind::Error: return error(answer.text);
        case Answer::Kind::Text: return answer.text;
        case Answer::Kind::Flag: return answer.flag ? "1" : "0";
        case Answer::Kind::Value: return to_hex(answer.value, answer.value_size);
        case Answer::Kind::Absent: return "none";
        case Answer::Kind::Index: return std::to_string(answer.index);
        case Answer::Kind::Indices: {
            std::string text;
            for (const std::uint32_t index : answer.indices) {
                if (!text.empty()) text += ' ';
                text += std::to_string(index);
            }
            if (text.empty()) text = ".";
            if (answer.put != 0) text += std::string(" put ") + answer.put;
            return text;
        }
    }
    return "";
}

std::string Executor::execute(const Op& op) {
    Answer answer;
    run(op, answer);
    return print(answer);
}

namespace {

void say(Answer& answer, Answer::Kind kind, std::string text = "") {
    answer.kind = kind;
    answer.text = std::move(text);
}

void say_flag(Answer& answer, bool flag) {
    answer.kind = Answer::Kind::Flag;
    answer.flag = flag;
}

// "error ..." from the shared length check, without the prefix.
void say_error(Answer& answer, const std::string& error_line) {
    say(answer, Answer::Kind::Error, error_line.substr(std::string("error ").size()));
}

// "error ..." for a map op that cannot run through the map's front end: the
// selected view refused the map, or a key or value is not of the map's sizes.
bool refused(const Block& block, const MapFrontEnd& front, const Op& op, Answer& answer) {
    if (!front.failure().empty()) {
        say(answer, Answer::Kind::Error, front.failure());
        return true;
    }
    const MapHeader header = read_header(block.data());
    const OpKindRow& row = op_kind(op.kind);
    if (row.keyed() && op.key.size() != header.key_size) {
        say_error(answer, check_key_length(block, op.key));
        return true;
    }
    if (row.takes_value() && op.value.size() != header.value_size) {
        say(answer, Answer::Kind::Error,
            "value has " + std::to_string(op.value.size()) + " bytes, the map's value_size is " +
                std::to_string(header.value_size));
        return true;
    }
    return false;
}

void run_layout(const Op& op, Answer& answer) {
    LayoutResult result{};
    const std::string why = layout_of(op.layout, result);
    if (!why.empty()) return say_error(answer, why);
    const BucketLayout& b = result.bucket_layout;
    say(answer, Answer::Kind::Text,
        std::to_string(b.bucket_size) + " " + std::to_string(b.key_offset) + " " + std::to_string(b.value_offset) + " " +
            std::to_string(result.map_init.capacity) + " " + std::to_string(result.map_init.total_size));
}

void run_via(Block& block, MapFrontEnd& front, const Op& op, Answer& answer) {
    const std::string why = front.select(static_cast<FrontEnd>(op.number), block.data(), block.size());
    if (!why.empty()) return say(answer, Answer::Kind::Error, why);
    say(answer, Answer::Kind::Text, "ok");
}

void run_get(Block& block, MapFrontEnd& front, const Op& op, Answer& answer) {
    const std::uint8_t* value = front.get(block.data(), op.key.data());
    if (value == nullptr) return say(answer, Answer::Kind::Absent);
    answer.kind = Answer::Kind::Value;
    answer.value = value;
    answer.value_size = read_header(block.data()).value_size;
}

void run_next(Block& block, MapFrontEnd& front, const Op& op, Answer& answer) {
    const std::uint32_t start = op.number > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(op.number);
    answer.kind = Answer::Kind::Index;
    answer.index = front.next(block.data(), start);
}

void run_img(const Block& block, Answer& answer) {
    const MapHeader header = read_header(block.data());
    say(answer, Answer::Kind::Text, to_hex(block.data(), static_cast<std::size_t>(total_size(header.capacity, header.bucket_size))));
}

void run_check(Block& block, MapFrontEnd& front, Answer& answer) {
    const std::string why = front.check(block.data(), block.size());
    if (!why.empty()) return say(answer, Answer::Kind::Error, why);
    say(answer, Answer::Kind::Text, "ok");
}

// Harness scan: the indices visited. scandel removes every EVERY-th entry
// right after it is returned; scanput puts its key once, after the EVERY-th:
// '1', '0' (null) or '-' (fewer entries). `removed_key` is a reused buffer.
void run_scan(Block& block, MapFrontEnd& front, const Op& op, Answer& answer, Bytes& removed_key) {
    std::uint8_t* base = block.data();
    const MapHeader header = read_header(base);
    answer.kind = Answer::Kind::Indices;
    if (op.kind == OpKind::ScanPut) answer.put = '-';
    std::uint64_t count = 0;
    for (FrontEndEntry entry = front.scan_first(base); entry.index != END_OF_SCAN; entry = front.scan_next(base)) {
        answer.indices.push_back(entry.index);
        ++count;
        if (op.kind == OpKind::ScanDel && op.number != 0 && count % op.number == 0) {
            removed_key.assign(entry.key, entry.key + header.key_size);  // remove may not read the bucket it clears
            front.remove(base, removed_key.data());
        }
        if (op.kind == OpKind::ScanPut && count == op.number) {
            answer.put = front.put(base, op.key, op.value) ? '1' : '0';
        }
    }
}

}  // namespace

void Executor::run_new(const Op& op, Answer& answer) {
    LayoutResult result{};
    const std::string why = layout_of(op.layout, result);
    if (!why.empty()) return say_error(answer, why);
    if (result.map_init.total_size > MAX_BLOCK_BYTES) {
        return say(answer, Answer::Kind::Error,
                   "total_size " + std::to_string(result.map_init.total_size) + " is above the harness limit of 1 GiB");
    }
    Block block(result.map_init.total_size);
    // The block as users allocate it: whatever it held (the fill pattern
    // here), which init must make irrelevant (SPEC §8).
    fill_block(block, op.fill);
    // Garbage to MSan and memcheck too: a byte init leaves unwritten is
    // reported where an op reads it, whatever the fill's value there.
    MARK_UNDEFINED(block.data(), block.size());
    const Slot* existing = slot(op.map);
    const MapFrontEnd made_by = existing != nullptr ? existing->front_end : MapFrontEnd{};
    if (!made_by.init(block.data(), result.map_init)) {
        return say(answer, Answer::Kind::Error, "hashmap_mem_layout disagrees with layout");
    }
    store(op.map, std::move(block));
    say(answer, Answer::Kind::Text, "ok");
}

void Executor::run_load(const Op& op, Answer& answer) {
    if (op.key.size() > MAX_BLOCK_BYTES) return say(answer, Answer::Kind::Error, "image is above the harness limit of 1 GiB");
    Block block(op.key.size());
    if (!op.key.empty()) std::memcpy(block.data(), op.key.data(), op.key.size());
    // Validated through the id's front end (a view validates, then attaches in store).
    Slot* existing = slot(op.map);
    MapFrontEnd checker = existing != nullptr && existing->front_end.selected() == FrontEnd::C ? existing->front_end
                                                                                              : MapFrontEnd{};
    const std::string why = checker.check(block.data(), block.size());
    if (!why.empty()) return say(answer, Answer::Kind::Error, why);
    store(op.map, std::move(block));
    say(answer, Answer::Kind::Text, "ok");
}

// One case a kind (-Wswitch names a missing one). A map op first finds its
// map, and but for via (which picks the front end) must pass `refused`.
void Executor::run(const Op& op, Answer& answer) {
    answer.indices.clear();
    answer.put = 0;
    Slot* map = nullptr;
    if (op_kind(op.kind).on_map()) {
        map = slot(op.map);
        if (map == nullptr) return say(answer, Answer::Kind::Error, "no map '" + op.map + "'");
        if (op.kind != OpKind::Via && refused(map->block, map->front_end, op, answer)) return;
    }
    switch (op.kind) {
        case OpKind::Hash: return say(answer, Answer::Kind::Text, hex16(map_ops_fxhash64(op.key.data(), op.key.size())));
        case OpKind::Layout: return run_layout(op, answer);
        case OpKind::New: return run_new(op, answer);
        case OpKind::Load: return run_load(op, answer);
        case OpKind::Via: return run_via(map->block, map->front_end, op, answer);
        case OpKind::Put: return say_flag(answer, map->front_end.put(map->block.data(), op.key, op.value));
        case OpKind::Get: return run_get(map->block, map->front_end, op, answer);
        case OpKind::Has: return say_flag(answer, map->front_end.has(map->block.data(), op.key.data()));
        case OpKind::Del: return say_flag(answer, map->front_end.remove(map->block.data(), op.key.data()));
        case OpKind::Ow: {
            const Block* source = find(op.source);
            if (source == nullptr) return say(answer, Answer::Kind::Error, "no map '" + op.source + "'");
            return say_flag(answer, map->front_end.overwrite(map->block.data(), source->data()));
        }
        case OpKind::Next: return run_next(map->block, map->front_end, op, answer);
        case OpKind::Img: return run_img(map->block, answer);
        case OpKind::Check: return run_check(map->block, map->front_end, answer);
        case OpKind::Scan:
        case OpKind::ScanDel:
        case OpKind::ScanPut: return run_scan(map->block, map->front_end, op, answer, removed_key_);
    }
    say(answer, Answer::Kind::Error, "unhandled command");
}

}  // namespace hashmap_mem::harness
