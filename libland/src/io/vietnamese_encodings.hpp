#pragma once
// The legacy Vietnamese 8-bit encodings that iconv does not know: TCVN3 (ABC, TCVN 5712 VN3) and
// VNI (VNI-Windows, letters composed of a base letter and a mark byte). Private.
#include <string>
#include <string_view>

namespace libland::io {

// Returns the UTF-8 text of TCVN3 bytes. Bytes outside the Vietnamese letters pass as Latin-1.
[[nodiscard]] std::string decode_tcvn3(std::string_view bytes);

// Returns the UTF-8 text of VNI bytes: a vowel followed by a mark byte becomes one letter.
// Bytes outside the Vietnamese letters pass as Latin-1.
[[nodiscard]] std::string decode_vni(std::string_view bytes);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace libland::io
