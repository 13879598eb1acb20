// Folding text for searching: Vietnamese (and Latin-1 / Latin Extended) letters without their
// diacritics and in lowercase, so that "hang sang" finds "Hang Sáng" and "dong" finds "Đồng Xuân".
// Both the precomposed letters (NFC, as surveys store them) and base letters followed by
// combining marks (NFD) fold to the same text.
#include <libland/query.hpp>

#include <cstdint>

namespace libland {

namespace {

// Base letters of U+00C0..U+00FF ('.' where the character is not a letter with a diacritic).
constexpr std::string_view latin1_bases = "AAAAAA.CEEEEIIIIDNOOOOO.OUUUUY.."
                                          "aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";
// Base letters of the Vietnamese block U+1EA0..U+1EF9, pairs of upper- and lowercase letters:
// A with dot below, hook, circumflex (5 tones), breve (5 tones); E (8); I (2); O (12); U (7); Y (4).
constexpr std::string_view vietnamese_bases =
    "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy";

struct Decoded {
    std::uint32_t code = 0;
    std::size_t length = 1;  // bytes used; 1 with code 0xFFFD for an invalid byte
};

Decoded decode(std::string_view s, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = byte(at);
    if (c < 0x80) return {c, 1};
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (length == 0 || c > 0xF4 || at + length > s.size()) return {0xFFFD, 1};
    std::uint32_t code = c & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {0xFFFD, 1};
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    return {code, length};
}

void encode(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Returns the ASCII base letter of a letter with diacritics, 0 when it has none known.
char base_letter(std::uint32_t code) {
    if (code >= 0xC0 && code <= 0xFF) {
        const char base = latin1_bases[code - 0xC0];
        return base == '.' ? 0 : base;
    }
    if (code >= 0x1EA0 && code <= 0x1EF9) return vietnamese_bases[code - 0x1EA0];
    switch (code) {
        case 0x0100: case 0x0102: case 0x0104: return 'A';
        case 0x0101: case 0x0103: case 0x0105: return 'a';
        case 0x0110: return 'D';
        case 0x0111: return 'd';
        case 0x0128: return 'I';
        case 0x0129: return 'i';
        case 0x0168: return 'U';
        case 0x0169: return 'u';
        case 0x01A0: return 'O';
        case 0x01A1: return 'o';
        case 0x01AF: return 'U';
        case 0x01B0: return 'u';
        default: return 0;
    }
}

// Returns the lowercase of a Latin letter (ASCII, Latin-1, Latin Extended-A, Vietnamese), else
// the code itself.
std::uint32_t lowercase(std::uint32_t code) {
    if (code >= 'A' && code <= 'Z') return code + 32;
    if (code >= 0xC0 && code <= 0xDE && code != 0xD7) return code + 32;
    if (code >= 0x0100 && code <= 0x0137 && code % 2 == 0) return code + 1;
    if (code >= 0x1EA0 && code <= 0x1EF9 && code % 2 == 0) return code + 1;
    if (code == 0x01A0 || code == 0x01AF) return code + 1;
    if (code == 0x0168 || code == 0x0128) return code + 1;
    return code;
}

bool is_combining_mark(std::uint32_t code) { return code >= 0x0300 && code <= 0x036F; }

}  // namespace

std::string fold_text(std::string_view utf8, bool letter_case, bool accents) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t at = 0; at < utf8.size();) {
        const Decoded d = decode(utf8, at);
        if (d.code == 0xFFFD && d.length == 1 && static_cast<unsigned char>(utf8[at]) >= 0x80) {
            out += utf8[at];  // an invalid byte stays as it was
            at += 1;
            continue;
        }
        at += d.length;
        std::uint32_t code = d.code;
        if (accents) {
            if (is_combining_mark(code)) continue;
            if (const char base = base_letter(code)) code = static_cast<unsigned char>(base);
        }
        if (letter_case) code = lowercase(code);
        encode(out, code);
    }
    return out;
}

}  // namespace libland
