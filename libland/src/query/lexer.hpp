#pragma once
// Tokens of CQL2 text. Private.
#include <string>
#include <vector>

namespace libland::query {

struct Token {
    enum class Kind { word, quoted_name, text, number, symbol, end };
    Kind kind = Kind::end;
    std::string text;    // the word (as written), the name, the unquoted text, the symbol
    double number = 0;
    std::size_t position = 0;  // 1-based character offset in the filter, for messages
};

// Splits the filter into tokens. Words are identifiers and keywords (letters of any script,
// digits, '_', ':', '.'); "double quotes" delimit a property name; 'single quotes' a text
// ('' inside is one quote); symbols are ( ) , = <> != < <= > >= and a leading '-' of a number.
// Throws usage_error at an unterminated quote or an unexpected character.
[[nodiscard]] std::vector<Token> tokenize(const std::string& filter);

}  // namespace libland::query
