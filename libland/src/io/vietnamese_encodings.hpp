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

// Returns UTF-8 text with each vowel + combining tone mark (U+0300 grave, U+0301 acute, U+0303
// tilde, U+0309 hook, U+0323 dot below) composed into one letter, as CP1258 text decodes to.
// Everything else passes unchanged.
[[nodiscard]] std::string compose_tone_marks(std::string_view utf8);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace libland::io
