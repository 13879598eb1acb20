#include "io/utf8.hpp"

#include <cstdio>

namespace libland::io {

namespace {

// Returns the length of the valid sequence starting at text[i], 0 when there is none.
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char b = byte(0);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 2;
    else if (b == 0xE0) n = 3, low = 0xA0;                 // no overlong 3-byte forms
    else if (b == 0xED) n = 3, high = 0x9F;                // no surrogates
    else if (b >= 0xE1 && b <= 0xEF) n = 3;
    else if (b == 0xF0) n = 4, low = 0x90;                 // no overlong 4-byte forms
    else if (b == 0xF4) n = 4, high = 0x8F;                // nothing above U+10FFFF
    else if (b >= 0xF1 && b <= 0xF3) n = 4;
    else return 0;
    if (i + n > text.size() || byte(1) < low || byte(1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if ((byte(k) & 0xC0) != 0x80) return 0;
    }
    return n;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

std::string describe_invalid_utf8(std::string_view text, std::size_t at) {
    constexpr std::size_t shown = 40;
    std::string printable;
    for (std::size_t i = 0; i < text.size() && i < shown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        printable += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
    }
    if (text.size() > shown) printable += "...";
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", at < text.size() ? static_cast<unsigned char>(text[at]) : 0u);
    return std::string("byte ") + byte + " at offset " + std::to_string(at) + " of '" + printable + "'";
}

}  // namespace libland::io
