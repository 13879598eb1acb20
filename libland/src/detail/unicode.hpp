#pragma once
// Unicode normalisation of text for people's documents (glib).
#include <string>

namespace libland::detail {

// Returns the text in Unicode NFC ("" stays ""; invalid UTF-8 is replaced, not passed through).
[[nodiscard]] std::string nfc(const std::string& text);

}  // namespace libland::detail
