#include "script/script.hpp"

#include <charconv>

#include "front_ends/front_end.hpp"

namespace hashmap_mem::harness {

namespace {

struct CommandShape {
    std::string_view name;
    OpKind kind;
    std::string_view usage;  // the arguments, for error messages
    std::string_view does;   // for hashmap-mem-script --help
};

constexpr CommandShape COMMANDS[] = {
    {"hash", OpKind::Hash, "HEX", "FxHash64 of the bytes: 16 hex digits"},
    {"layout", OpKind::Layout, "KS KA VS VA LIMIT", "bucket_size key_offset value_offset capacity total_size, or error"},
    {"new", OpKind::New, "ID KS KA VS VA LIMIT [FILL]", "a block (zeros, or FILL repeated) and init: ok or error"},
    {"put", OpKind::Put, "ID KEY VALUE", "get_or_reserve_entry, then write VALUE: 1, or 0 (window full)"},
    {"get", OpKind::Get, "ID KEY", "lookup: the value's hex, or none"},
    {"has", OpKind::Has, "ID KEY", "has: 1 or 0"},
    {"del", OpKind::Del, "ID KEY", "remove: 1 or 0"},
    {"ow", OpKind::Ow, "TARGET SOURCE", "overwrite(TARGET, SOURCE): 1 or 0"},
    {"next", OpKind::Next, "ID START", "find_next_valid_entry: the index, 65535 at the end"},
    {"img", OpKind::Img, "ID", "the whole block in hex"},
    {"load", OpKind::Load, "ID HEX", "copy the bytes to a new block and validate: ok (kept) or error"},
    {"check", OpKind::Check, "ID", "validate the map: ok or error"},
    {"scan", OpKind::Scan, "ID", "(harness) a full scan: the indices visited"},
    {"scandel", OpKind::ScanDel, "ID EVERY", "(harness) a full scan removing every EVERY-th entry visited"},
    {"scanput", OpKind::ScanPut, "ID EVERY KEY VALUE", "(harness) a full scan putting KEY once, after the EVERY-th entry"},
    {"via", OpKind::Via, "ID raw|c|view", "(harness) map ID's later ops go through that front end"},
};

const CommandShape& shape_of(OpKind kind) {
    for (const CommandShape& shape : COMMANDS) {
        if (shape.kind == kind) return shape;
    }
    return COMMANDS[0];
}

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

std::size_t count_words(std::string_view usage) { return split_words(usage).size(); }

struct Reader {
    const CommandShape& shape;
    std::vector<std::string_view> args;
    std::string error;

    bool fail(std::string message) {
        if (error.empty()) error = std::string(shape.name) + ": " + std::move(message);
        return false;
    }
    bool number(std::size_t i, std::string_view what, std::uint64_t& out) {
        const std::string_view word = args[i];
        const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), out);
        if (ec == std::errc::result_out_of_range) return fail(std::string(what) + " '" + std::string(word) + "' is too large");
        if (ec != std::errc() || end != word.data() + word.size()) {
            return fail(std::string(what) + " '" + std::string(word) + "' is not a decimal number");
        }
        return true;
    }
    bool bytes(std::size_t i, std::string_view what, Bytes& out) {
        auto parsed = from_hex(args[i]);
        if (!parsed) return fail(std::string(what) + " '" + std::string(args[i]) + "' is not hex bytes (or '.' for none)");
        out = std::move(*parsed);
        return true;
    }
    bool layout(std::size_t first, LayoutArgs& out) {
        return number(first, "key_size", out.key_size) && number(first + 1, "key_alignment", out.key_alignment) &&
               number(first + 2, "value_size", out.value_size) &&
               number(first + 3, "value_alignment", out.value_alignment) &&
               number(first + 4, "logical_limit", out.logical_limit);
    }
};

}  // namespace

ParsedLine parse_line(std::string_view line) {
    const std::vector<std::string_view> words = split_words(line);
    if (words.empty() || words[0][0] == '#') return std::monostate{};
    const CommandShape* found = nullptr;
    for (const CommandShape& shape : COMMANDS) {
        if (shape.name == words[0]) found = &shape;
    }
    if (found == nullptr) return ParseError{"unknown command '" + std::string(words[0]) + "'"};
    Reader reader{*found, {words.begin() + 1, words.end()}, {}};
    const std::size_t optional_args = found->usage.find('[') == std::string_view::npos ? 0 : 1;
    const std::size_t required_args = count_words(found->usage) - optional_args;
    if (reader.args.size() < required_args || reader.args.size() > required_args + optional_args) {
        return ParseError{std::string(found->name) + ": expected " + std::to_string(required_args) +
                          (optional_args != 0 ? " or " + std::to_string(required_args + optional_args) : std::string()) +
                          " arguments (" + std::string(found->name) + " " + std::string(found->usage) + "), got " +
                          std::to_string(reader.args.size())};
    }
    Op op;
    op.kind = found->kind;
    switch (op.kind) {
        case OpKind::Hash: reader.bytes(0, "bytes", op.key); break;
        case OpKind::Layout: reader.layout(0, op.layout); break;
        case OpKind::New:
            op.map = reader.args[0];
            reader.layout(1, op.layout);
            if (reader.args.size() == 7 && reader.bytes(6, "fill", op.fill) && op.fill.empty()) {
                reader.fail("fill '.' is no pattern: leave it out for a zero-filled block");
            }
            break;
        case OpKind::Put:
            op.map = reader.args[0];
            reader.bytes(1, "key", op.key) && reader.bytes(2, "value", op.value);
            break;
        case OpKind::Get:
        case OpKind::Has:
        case OpKind::Del:
            op.map = reader.args[0];
            reader.bytes(1, "key", op.key);
            break;
        case OpKind::Ow:
            op.map = reader.args[0];
            op.source = reader.args[1];
            break;
        case OpKind::Next:
            op.map = reader.args[0];
            reader.number(1, "start", op.number);
            break;
        case OpKind::ScanDel:
            op.map = reader.args[0];
            if (reader.number(1, "every", op.number) && op.number == 0) reader.fail("every must be at least 1");
            break;
        case OpKind::ScanPut:
            op.map = reader.args[0];
            if (reader.number(1, "every", op.number) && op.number == 0) reader.fail("every must be at least 1");
            reader.bytes(2, "key", op.key) && reader.bytes(3, "value", op.value);
            break;
        case OpKind::Img:
        case OpKind::Check:
        case OpKind::Scan: op.map = reader.args[0]; break;
        case OpKind::Load:
            op.map = reader.args[0];
            reader.bytes(1, "image", op.key);
            break;
        case OpKind::Via: {
            op.map = reader.args[0];
            FrontEnd front_end = FrontEnd::Raw;
            if (!parse_front_end(reader.args[1], front_end)) {
                reader.fail("front end '" + std::string(reader.args[1]) + "' is not raw, c or view");
            }
            op.number = static_cast<std::uint64_t>(front_end);
            break;
        }
    }
    if (!reader.error.empty()) return ParseError{reader.error};
    return op;
}

std::string print(const Op& op) {
    std::string line(shape_of(op.kind).name);
    auto word = [&line](const std::string& text) {
        line += ' ';
        line += text;
    };
    auto layout = [&](const LayoutArgs& l) {
        for (std::uint64_t n : {l.key_size, l.key_alignment, l.value_size, l.value_alignment, l.logical_limit}) {
            word(std::to_string(n));
        }
    };
    switch (op.kind) {
        case OpKind::Hash: word(to_hex(op.key)); break;
        case OpKind::Layout: layout(op.layout); break;
        case OpKind::New:
            word(op.map);
            layout(op.layout);
            if (!op.fill.empty()) word(to_hex(op.fill));
            break;
        case OpKind::Put:
            word(op.map);
            word(to_hex(op.key));
            word(to_hex(op.value));
            break;
        case OpKind::Get:
        case OpKind::Has:
        case OpKind::Del:
        case OpKind::Load:
            word(op.map);
            word(to_hex(op.key));
            break;
        case OpKind::Ow:
            word(op.map);
            word(op.source);
            break;
        case OpKind::Next:
        case OpKind::ScanDel:
            word(op.map);
            word(std::to_string(op.number));
            break;
        case OpKind::ScanPut:
            word(op.map);
            word(std::to_string(op.number));
            word(to_hex(op.key));
            word(to_hex(op.value));
            break;
        case OpKind::Img:
        case OpKind::Check:
        case OpKind::Scan: word(op.map); break;
        case OpKind::Via:
            word(op.map);
            word(name(static_cast<FrontEnd>(op.number)));
            break;
    }
    return line;
}

std::string print(const std::vector<Op>& ops) {
    std::string text;
    for (const Op& op : ops) {
        text += print(op);
        text += '\n';
    }
    return text;
}

std::variant<std::monostate, ExpectedLine, ParseError> split_expectation(std::string_view line) {
    const std::vector<std::string_view> words = split_words(line);
    if (words.empty() || words[0][0] == '#') return std::monostate{};
    const std::size_t arrow = line.find(" => ");
    if (arrow == std::string_view::npos) return ParseError{"expected 'COMMAND => RESULT'"};
    std::string_view result = line.substr(arrow + 4);
    while (!result.empty() && (result.back() == '\r' || result.back() == ' ')) result.remove_suffix(1);
    return ExpectedLine{std::string(line.substr(0, arrow)), std::string(result)};
}

std::string script_commands_help() {
    std::string out;
    for (const CommandShape& shape : COMMANDS) {
        std::string command = "  " + std::string(shape.name) + " " + std::string(shape.usage);
        if (command.size() < 34) command.resize(34, ' ');
        out += command + "  " + std::string(shape.does) + "\n";
    }
    return out;
}

}  // namespace hashmap_mem::harness
