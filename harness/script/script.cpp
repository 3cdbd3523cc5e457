#include "script/script.hpp"

#include <charconv>

#include "front_ends/front_end.hpp"
#include "script/op_kinds.hpp"

namespace hashmap_mem::harness {

namespace {

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

// The line's arguments, read into an Op as its row's list says.
struct Reader {
    const OpKindRow& row;
    std::vector<std::string_view> args;
    std::string error;

    bool fail(std::string message) {
        if (error.empty()) error = std::string(row.name) + ": " + std::move(message);
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
    // Argument `arg`, whose words begin at args[i].
    bool read_arg(const ArgShape& arg, std::size_t i, Op& op) {
        switch (arg.field) {
            case Field::None: return true;
            case Field::Map:
            case Field::MadeMap: op.map = args[i]; return true;
            case Field::Source: op.source = args[i]; return true;
            case Field::Key:
            case Field::Hex: return bytes(i, arg.what, op.key);
            case Field::Value: return bytes(i, arg.what, op.value);
            case Field::Layout: return layout(i, op.layout);
            case Field::Fill:
                if (!bytes(i, arg.what, op.fill)) return false;
                if (op.fill.empty()) return fail(std::string(arg.what) + " '.' is no pattern: leave it out for a zero-filled block");
                return true;
            case Field::Number:
                if (!number(i, arg.what, op.number)) return false;
                if (op.number < arg.minimum) return fail(std::string(arg.what) + " must be at least " + std::to_string(arg.minimum));
                return true;
            case Field::FrontEnd: {
                FrontEnd front_end = FrontEnd::Raw;
                if (!parse_front_end(args[i], front_end)) {
                    return fail(std::string(arg.what) + " '" + std::string(args[i]) + "' is not raw, c or view");
                }
                op.number = static_cast<std::uint64_t>(front_end);
                return true;
            }
        }
        return true;
    }
};

// The words an argument takes: five for a layout, else one.
std::size_t words_of(const ArgShape& arg) { return arg.field == Field::Layout ? 5 : 1; }

// "ID KS KA VS VA LIMIT [FILL]": the arguments' usage words.
std::string usage_of(const OpKindRow& row) {
    std::string usage;
    for (const ArgShape& arg : row.args) {
        if (arg.field == Field::None) break;
        if (!usage.empty()) usage += ' ';
        usage += arg.usage;
    }
    return usage;
}

}  // namespace

ParsedLine parse_line(std::string_view line) {
    const std::vector<std::string_view> words = split_words(line);
    if (words.empty() || words[0][0] == '#') return std::monostate{};
    const OpKindRow* found = nullptr;
    for (const OpKindRow& row : OP_KINDS) {
        if (row.name == words[0]) found = &row;
    }
    if (found == nullptr) return ParseError{"unknown command '" + std::string(words[0]) + "'"};
    Reader reader{*found, {words.begin() + 1, words.end()}, {}};
    std::size_t required_args = 0, optional_args = 0;
    for (const ArgShape& arg : found->args) {
        (arg.field == Field::Fill ? optional_args : required_args) += arg.field == Field::None ? 0 : words_of(arg);
    }
    if (reader.args.size() < required_args || reader.args.size() > required_args + optional_args) {
        return ParseError{std::string(found->name) + ": expected " + std::to_string(required_args) +
                          (optional_args != 0 ? " or " + std::to_string(required_args + optional_args) : std::string()) +
                          " arguments (" + std::string(found->name) + " " + usage_of(*found) + "), got " +
                          std::to_string(reader.args.size())};
    }
    Op op;
    op.kind = found->kind;
    std::size_t at = 0;  // the first word of the next argument
    for (const ArgShape& arg : found->args) {
        // The end of the list, a Fill left out, or the first error (the one reported).
        if (arg.field == Field::None || at == reader.args.size() || !reader.read_arg(arg, at, op)) break;
        at += words_of(arg);
    }
    if (!reader.error.empty()) return ParseError{reader.error};
    return op;
}

std::string print(const Op& op) {
    const OpKindRow& row = op_kind(op.kind);
    std::string line(row.name);
    auto word = [&line](const std::string& text) {
        line += ' ';
        line += text;
    };
    for (const ArgShape& arg : row.args) {
        switch (arg.field) {
            case Field::None: return line;
            case Field::Map:
            case Field::MadeMap: word(op.map); break;
            case Field::Source: word(op.source); break;
            case Field::Key:
            case Field::Hex: word(to_hex(op.key)); break;
            case Field::Value: word(to_hex(op.value)); break;
            case Field::Layout: {
                const LayoutArgs& l = op.layout;
                for (std::uint64_t n : {l.key_size, l.key_alignment, l.value_size, l.value_alignment, l.logical_limit}) {
                    word(std::to_string(n));
                }
                break;
            }
            case Field::Fill:
                if (!op.fill.empty()) word(to_hex(op.fill));
                break;
            case Field::Number: word(std::to_string(op.number)); break;
            case Field::FrontEnd: word(name(static_cast<FrontEnd>(op.number))); break;
        }
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
    for (const OpKindRow& row : OP_KINDS) {
        std::string command = "  " + std::string(row.name) + " " + usage_of(row);
        if (command.size() < 34) command.resize(34, ' ');
        out += command + "  " + std::string(row.does) + "\n";
    }
    return out;
}

}  // namespace hashmap_mem::harness
