// Splitting CQL2 text into tokens.
#include "query/lexer.hpp"

#include <libland/error.hpp>

#include <cctype>
#include <charconv>
#include <cmath>

namespace libland::query {

namespace {

bool starts_word(unsigned char c) { return std::isalpha(c) != 0 || c == '_' || c >= 0x80; }
bool continues_word(unsigned char c) { return starts_word(c) || std::isdigit(c) != 0 || c == ':' || c == '.'; }

[[noreturn]] void fail(const std::string& what, std::size_t at) {
    throw usage_error("filter: " + what + " at character " + std::to_string(at + 1));
}

// Reads a quoted run starting at the opening quote; a doubled quote stands for one.
std::string quoted(const std::string& s, std::size_t& at, char quote) {
    const std::size_t start = at;
    std::string out;
    for (++at; at < s.size(); ++at) {
        if (s[at] != quote) {
            out += s[at];
        } else if (at + 1 < s.size() && s[at + 1] == quote) {
            out += quote;
            ++at;
        } else {
            ++at;
            return out;
        }
    }
    fail(std::string("unterminated ") + (quote == '\'' ? "text" : "name") + " starting", start);
}

}  // namespace

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> tokens;
    std::size_t at = 0;
    while (at < s.size()) {
        const auto c = static_cast<unsigned char>(s[at]);
        if (std::isspace(c) != 0) {
            ++at;
            continue;
        }
        Token t;
        t.position = at + 1;
        if (starts_word(c)) {
            const std::size_t start = at;
            while (at < s.size() && continues_word(static_cast<unsigned char>(s[at]))) ++at;
            t.kind = Token::Kind::word;
            t.text = s.substr(start, at - start);
        } else if (c == '"' || c == '\'') {
            t.kind = c == '"' ? Token::Kind::quoted_name : Token::Kind::text;
            t.text = quoted(s, at, static_cast<char>(c));
        } else if (std::isdigit(c) != 0 || ((c == '-' || c == '+' || c == '.') && at + 1 < s.size() &&
                                            (std::isdigit(static_cast<unsigned char>(s[at + 1])) != 0 ||
                                             s[at + 1] == '.'))) {
            const std::size_t start = at;
            ++at;
            while (at < s.size() && (std::isdigit(static_cast<unsigned char>(s[at])) != 0 || s[at] == '.' ||
                                     s[at] == 'e' || s[at] == 'E' ||
                                     ((s[at] == '-' || s[at] == '+') && (s[at - 1] == 'e' || s[at - 1] == 'E')))) {
                ++at;
            }
            const char* first = s.data() + start + (s[start] == '+' ? 1 : 0);
            const auto [end, ec] = std::from_chars(first, s.data() + at, t.number);
            if (ec != std::errc() || end != s.data() + at || !std::isfinite(t.number)) {
                fail("'" + s.substr(start, at - start) + "' is not a number", start);
            }
            t.kind = Token::Kind::number;
            t.text = s.substr(start, at - start);
        } else {
            static const char* const two[] = {"<>", "!=", "<=", ">="};
            t.kind = Token::Kind::symbol;
            for (const char* symbol : two) {
                if (s.compare(at, 2, symbol) == 0) t.text = symbol;
            }
            if (t.text.empty() && std::string_view("(),=<>").find(static_cast<char>(c)) != std::string_view::npos) {
                t.text = std::string(1, static_cast<char>(c));
            }
            if (t.text.empty()) fail(std::string("unexpected character '") + static_cast<char>(c) + "'", at);
            at += t.text.size();
        }
        tokens.push_back(std::move(t));
    }
    Token end;
    end.position = s.size() + 1;
    tokens.push_back(end);
    return tokens;
}

}  // namespace libland::query
