#include "run/executor.hpp"

#include <algorithm>
#include <cstring>

#include "hashmap_mem/hashmap_mem.hpp"
#include "run/map_calls.hpp"

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

}  // namespace

void Executor::run(const Op& op, Answer& answer) {
    answer.indices.clear();
    answer.put = 0;
    if (op.kind == OpKind::Hash) return say(answer, Answer::Kind::Text, hex16(map_ops_fxhash64(op.key.data(), op.key.size())));
    if (op.kind == OpKind::Layout || op.kind == OpKind::New) {
        LayoutResult result{};
        std::string why = layout_of(op.layout, result);
        if (!why.empty()) return say_error(answer, why);
        if (op.kind == OpKind::Layout) {
            const BucketLayout& b = result.bucket_layout;
            return say(answer, Answer::Kind::Text,
                       std::to_string(b.bucket_size) + " " + std::to_string(b.key_offset) + " " +
                           std::to_string(b.value_offset) + " " + std::to_string(result.map_init.capacity) + " " +
                           std::to_string(result.map_init.total_size));
        }
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
        return say(answer, Answer::Kind::Text, "ok");
    }
    if (op.kind == OpKind::Load) {
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
        return say(answer, Answer::Kind::Text, "ok");
    }

    Slot* map = slot(op.map);
    if (map == nullptr) return say(answer, Answer::Kind::Error, "no map '" + op.map + "'");
    Block* block = &map->block;
    MapFrontEnd& front = map->front_end;
    if (op.kind == OpKind::Via) {
        const std::string why = front.select(static_cast<FrontEnd>(op.number), block->data(), block->size());
        if (!why.empty()) return say(answer, Answer::Kind::Error, why);
        return say(answer, Answer::Kind::Text, "ok");
    }
    if (!front.failure().empty()) return say(answer, Answer::Kind::Error, front.failure());
    std::uint8_t* base = block->data();
    const MapHeader header = read_header(base);
    const bool takes_key = op.kind == OpKind::Put || op.kind == OpKind::Get || op.kind == OpKind::Has ||
                           op.kind == OpKind::Del || op.kind == OpKind::ScanPut;
    if (takes_key && op.key.size() != header.key_size) return say_error(answer, check_key_length(*block, op.key));
    const bool takes_value = op.kind == OpKind::Put || op.kind == OpKind::ScanPut;
    if (takes_value && op.value.size() != header.value_size) {
        return say(answer, Answer::Kind::Error,
                   "value has " + std::to_string(op.value.size()) + " bytes, the map's value_size is " +
                       std::to_string(header.value_size));
    }
    switch (op.kind) {
        case OpKind::Put: return say_flag(answer, front.put(base, op.key, op.value));
        case OpKind::Has: return say_flag(answer, front.has(base, op.key.data()));
        case OpKind::Del: return say_flag(answer, front.remove(base, op.key.data()));
        case OpKind::Get: {
            const std::uint8_t* value = front.get(base, op.key.data());
            if (value == nullptr) return say(answer, Answer::Kind::Absent);
            answer.kind = Answer::Kind::Value;
            answer.value = value;
            answer.value_size = header.value_size;
            return;
        }
        case OpKind::Ow: {
            Block* source = find(op.source);
            if (source == nullptr) return say(answer, Answer::Kind::Error, "no map '" + op.source + "'");
            return say_flag(answer, front.overwrite(base, source->data()));
        }
        case OpKind::Next: {
            const std::uint32_t start = op.number > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(op.number);
            answer.kind = Answer::Kind::Index;
            answer.index = front.next(base, start);
            return;
        }
        case OpKind::Img:
            return say(answer, Answer::Kind::Text, to_hex(base, static_cast<std::size_t>(total_size(header.capacity, header.bucket_size))));
        case OpKind::Check: {
            const std::string why = front.check(base, block->size());
            if (!why.empty()) return say(answer, Answer::Kind::Error, why);
            return say(answer, Answer::Kind::Text, "ok");
        }
        case OpKind::Scan:
        case OpKind::ScanDel:
        case OpKind::ScanPut: {
            // Harness scan: the indices visited. scandel removes every EVERY-th
            // entry right after it is returned; scanput puts its key once,
            // after the EVERY-th: '1', '0' (null) or '-' (fewer entries).
            answer.kind = Answer::Kind::Indices;
            if (op.kind == OpKind::ScanPut) answer.put = '-';
            std::uint64_t count = 0;
            for (FrontEndEntry entry = front.scan_first(base); entry.index != END_OF_SCAN; entry = front.scan_next(base)) {
                answer.indices.push_back(entry.index);
                ++count;
                if (op.kind == OpKind::ScanDel && op.number != 0 && count % op.number == 0) {
                    removed_key_.assign(entry.key, entry.key + header.key_size);  // remove may not read the bucket it clears
                    front.remove(base, removed_key_.data());
                }
                if (op.kind == OpKind::ScanPut && count == op.number) {
                    answer.put = front.put(base, op.key, op.value) ? '1' : '0';
                }
            }
            return;
        }
        case OpKind::Hash:
        case OpKind::Layout:
        case OpKind::New:
        case OpKind::Load:
        case OpKind::Via: break;
    }
    say(answer, Answer::Kind::Error, "unhandled command");
}

}  // namespace hashmap_mem::harness
