#include "io/vietnamese_encodings.hpp"

#include <array>

namespace libland::io {
namespace {

enum Tone { level, grave, acute, hook, tilde, dot };

// Each vowel with its five tones, in the order of Tone.
constexpr std::array<std::u32string_view, 24> kVowels = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
    U"AÀÁẢÃẠ", U"ĂẰẮẲẴẶ", U"ÂẦẤẨẪẬ", U"EÈÉẺẼẸ", U"ÊỀẾỂỄỆ", U"IÌÍỈĨỊ",
    U"OÒÓỎÕỌ", U"ÔỒỐỔỖỘ", U"ƠỜỚỞỠỢ", U"UÙÚỦŨỤ", U"ƯỪỨỬỮỰ", U"YỲÝỶỸỴ"};

// Returns the vowel `base` (a level letter such as U'ơ') carrying `tone`, or 0 if not a vowel.
char32_t with_tone(char32_t base, Tone tone) {
    for (std::u32string_view row : kVowels) {
        if (row[0] == base) return row[static_cast<std::size_t>(tone)];
    }
    return 0;
}

// TCVN3 (ABC): one byte per letter, lower case only for toned vowels (upper case came from a
// separate "H" font that draws the same bytes in capitals).
struct Tcvn3Entry { unsigned char byte; char32_t letter; };
constexpr Tcvn3Entry kTcvn3[] = {
    {0xA1, U'Ă'}, {0xA2, U'Â'}, {0xA3, U'Ê'}, {0xA4, U'Ô'}, {0xA5, U'Ơ'}, {0xA6, U'Ư'}, {0xA7, U'Đ'},
    {0xA8, U'ă'}, {0xA9, U'â'}, {0xAA, U'ê'}, {0xAB, U'ô'}, {0xAC, U'ơ'}, {0xAD, U'ư'}, {0xAE, U'đ'},
    {0xB5, U'à'}, {0xB6, U'ả'}, {0xB7, U'ã'}, {0xB8, U'á'}, {0xB9, U'ạ'},
    {0xBB, U'ằ'}, {0xBC, U'ẳ'}, {0xBD, U'ẵ'}, {0xBE, U'ắ'}, {0xC6, U'ặ'},
    {0xC7, U'ầ'}, {0xC8, U'ẩ'}, {0xC9, U'ẫ'}, {0xCA, U'ấ'}, {0xCB, U'ậ'},
    {0xCC, U'è'}, {0xCE, U'ẻ'}, {0xCF, U'ẽ'}, {0xD0, U'é'}, {0xD1, U'ẹ'},
    {0xD2, U'ề'}, {0xD3, U'ể'}, {0xD4, U'ễ'}, {0xD5, U'ế'}, {0xD6, U'ệ'},
    {0xD7, U'ì'}, {0xD8, U'ỉ'}, {0xDC, U'ĩ'}, {0xDD, U'í'}, {0xDE, U'ị'},
    {0xDF, U'ò'}, {0xE1, U'ỏ'}, {0xE2, U'õ'}, {0xE3, U'ó'}, {0xE4, U'ọ'},
    {0xE5, U'ồ'}, {0xE6, U'ổ'}, {0xE7, U'ỗ'}, {0xE8, U'ố'}, {0xE9, U'ộ'},
    {0xEA, U'ờ'}, {0xEB, U'ở'}, {0xEC, U'ỡ'}, {0xED, U'ớ'}, {0xEE, U'ợ'},
    {0xEF, U'ù'}, {0xF1, U'ủ'}, {0xF2, U'ũ'}, {0xF3, U'ú'}, {0xF4, U'ụ'},
    {0xF5, U'ừ'}, {0xF6, U'ử'}, {0xF7, U'ữ'}, {0xF8, U'ứ'}, {0xF9, U'ự'},
    {0xFA, U'ỳ'}, {0xFB, U'ỷ'}, {0xFC, U'ỹ'}, {0xFD, U'ý'}, {0xFE, U'ỵ'},
};

std::array<char32_t, 256> make_tcvn3_table() {
    std::array<char32_t, 256> table{};
    for (unsigned i = 0; i < 256; ++i) table[i] = i;  // Latin-1 where TCVN3 has no letter
    for (const Tcvn3Entry& e : kTcvn3) table[e.byte] = e.letter;
    return table;
}

// VNI: letters that are one byte of their own (the rest is ASCII/Latin-1).
char32_t vni_single(unsigned char b) {
    switch (b) {
        case 0xF4: return U'ơ'; case 0xD4: return U'Ơ';
        case 0xF6: return U'ư'; case 0xD6: return U'Ư';
        case 0xF1: return U'đ'; case 0xD1: return U'Đ';
        case 0xEC: return U'ì'; case 0xCC: return U'Ì';
        case 0xED: return U'í'; case 0xCD: return U'Í';
        case 0xE6: return U'ỉ'; case 0xC6: return U'Ỉ';
        case 0xF3: return U'ĩ'; case 0xD3: return U'Ĩ';
        case 0xF2: return U'ị'; case 0xD2: return U'Ị';
        case 0xEE: return U'ỵ'; case 0xCE: return U'Ỵ';
        default: return b;
    }
}

// A VNI mark byte: the vowel modifier it adds ('^' circumflex, '(' breve, 0 none) and its tone.
struct VniMark { char modifier; Tone tone; };

bool vni_mark(unsigned char b, VniMark& mark) {
    const unsigned folded = (b >= 0xC0 && b <= 0xDF) ? (b | 0x20u) : b;  // Latin-1 capitals too
    switch (folded) {
        case 0xF8: mark = {0, grave}; return true;    // ø
        case 0xF9: mark = {0, acute}; return true;    // ù
        case 0xFB: mark = {0, hook}; return true;     // û
        case 0xF5: mark = {0, tilde}; return true;    // õ
        case 0xEF: mark = {0, dot}; return true;      // ï
        case 0xE2: mark = {'^', level}; return true;  // â
        case 0xE0: mark = {'^', grave}; return true;  // à
        case 0xE1: mark = {'^', acute}; return true;  // á
        case 0xE5: mark = {'^', hook}; return true;   // å
        case 0xE3: mark = {'^', tilde}; return true;  // ã
        case 0xE4: mark = {'^', dot}; return true;    // ä
        case 0xEA: mark = {'(', level}; return true;  // ê
        case 0xE8: mark = {'(', grave}; return true;  // è
        case 0xE9: mark = {'(', acute}; return true;  // é
        case 0xFA: mark = {'(', hook}; return true;   // ú
        case 0xFC: mark = {'(', tilde}; return true;  // ü
        case 0xEB: mark = {'(', dot}; return true;    // ë
        default: return false;
    }
}

// Returns the letter `base` + `mark` in VNI, or 0 when the pair is not a Vietnamese letter.
char32_t vni_compose(char32_t base, const VniMark& mark) {
    if (mark.modifier == '^') {
        switch (base) {
            case U'a': base = U'â'; break; case U'A': base = U'Â'; break;
            case U'e': base = U'ê'; break; case U'E': base = U'Ê'; break;
            case U'o': base = U'ô'; break; case U'O': base = U'Ô'; break;
            default: return 0;
        }
    } else if (mark.modifier == '(') {
        switch (base) {
            case U'a': base = U'ă'; break; case U'A': base = U'Ă'; break;
            default: return 0;
        }
    }
    return with_tone(base, mark.tone);
}

// Returns the tone a combining mark adds, or level when it is none of the five.
Tone combining_tone(char32_t c) {
    switch (c) {
        case 0x0300: return grave;
        case 0x0301: return acute;
        case 0x0303: return tilde;
        case 0x0309: return hook;
        case 0x0323: return dot;
        default: return level;
    }
}

// Decodes UTF-8 (assumed valid; a stray byte passes as itself).
std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const std::size_t n = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (b >= 0x80 && b < 0xC0) {
            out += b;
            ++i;
            continue;
        }
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) {
            c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
        out += c;
        i += n;
    }
    return out;
}

}  // namespace

std::string compose_tone_marks(std::string_view utf8) {
    const std::u32string in = code_points(utf8);
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const Tone tone = i + 1 < in.size() ? combining_tone(in[i + 1]) : level;
        const char32_t composed = tone != level ? with_tone(in[i], tone) : 0;
        append_utf8(out, composed != 0 ? composed : in[i]);
        i += composed != 0 ? 1 : 0;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string decode_tcvn3(std::string_view bytes) {
    static const std::array<char32_t, 256> table = make_tcvn3_table();
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) append_utf8(out, table[static_cast<unsigned char>(c)]);
    return out;
}

std::string decode_vni(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char32_t letter = vni_single(static_cast<unsigned char>(bytes[i]));
        VniMark mark{};
        if (i + 1 < bytes.size() && vni_mark(static_cast<unsigned char>(bytes[i + 1]), mark)) {
            if (const char32_t composed = vni_compose(letter, mark); composed != 0) {
                append_utf8(out, composed);
                ++i;
                continue;
            }
        }
        append_utf8(out, letter);
    }
    return out;
}

}  // namespace libland::io
