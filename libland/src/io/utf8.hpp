#pragma once
// Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), the text
// JSON, SQLite's text functions and GeoJSON clients accept. Private.
#include <cstddef>
#include <string>
#include <string_view>

namespace libland::io {

// Returns the offset of the first byte that does not start a valid UTF-8 sequence, or npos when
// the whole text is valid.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

// Returns how a text that is not UTF-8 is named in a refusal: the offending byte and its offset,
// e.g. "byte 0xD6 at offset 2 of 'Vi?t'" (the bytes that are not printable ASCII shown as '?').
[[nodiscard]] std::string describe_invalid_utf8(std::string_view text, std::size_t at);

}  // namespace libland::io
