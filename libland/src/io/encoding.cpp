#include "io/encoding.hpp"

#include "io/vietnamese_encodings.hpp"

#include <libland/error.hpp>

#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace libland::io {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

struct CplFree {
    void operator()(char* p) const noexcept { CPLFree(p); }
};

// Returns false when iconv (through CPLRecode) cannot convert from `encoding`.
bool iconv_knows(const std::string& encoding) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
    const std::unique_ptr<char, CplFree> probe(CPLRecode("a", encoding.c_str(), CPL_ENC_UTF8));
    const bool ok = CPLGetLastErrorType() == CE_None;
    CPLPopErrorHandler();
    return ok && probe && std::string(probe.get()) == "a";
}

// Returns the length of the valid UTF-8 sequence at s[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return n;
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t n) noexcept {
    const auto b = static_cast<unsigned char>(s[i]);
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return c;
}

// Latin-1 letters that legacy Vietnamese bytes turn into when read as Latin-1/CP1252, and that
// Vietnamese text written properly in Unicode never holds (it uses U+0100.. and U+1EA0..).
bool legacy_vietnamese_sign(char32_t c) noexcept {
    switch (c) {
        case U'µ': case U'¸': case U'®': case U'§': case U'×': case U'Þ': case U'ø': case U'ï':
        case U'ñ': case U'Ñ': case U'ö': case U'Ö': case U'ä': case U'å': case U'û': case U'Ã':
            return true;
        default:
            return false;
    }
}

bool vietnamese_unicode(char32_t c) noexcept {
    return (c >= 0x1EA0 && c <= 0x1EF9) || c == U'ă' || c == U'Ă' || c == U'đ' || c == U'Đ' ||
           c == U'ơ' || c == U'Ơ' || c == U'ư' || c == U'Ư';
}

bool looks_misdecoded(std::string_view s) noexcept {
    bool legacy = false;
    bool modern = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return true;
        const char32_t c = code_point(s, i, n);
        if (c == 0xFFFD) return true;
        legacy = legacy || legacy_vietnamese_sign(c);
        modern = modern || vietnamese_unicode(c);
        i += n;
    }
    return legacy && !modern;
}

}  // namespace

TextDecoder::TextDecoder(std::string encoding) : encoding_(std::move(encoding)) {
    const std::string name = upper(encoding_);
    if (name.empty() || name == "UTF-8" || name == "UTF8") {
        kind_ = Kind::utf8;
    } else if (name == "TCVN3" || name == "ABC" || name == "TCVN") {
        kind_ = Kind::tcvn3;
    } else if (name == "VNI" || name == "VNI-WIN" || name == "VNI-WINDOWS") {
        kind_ = Kind::vni;
    } else if (iconv_knows(encoding_)) {
        kind_ = Kind::iconv;
    } else {
        throw usage_error("unknown encoding '" + encoding_ +
                          "' (use UTF-8, CP1258, TCVN3, VNI or another name iconv knows)");
    }
}

std::string TextDecoder::decode(std::string_view bytes) const {
    switch (kind_) {
        case Kind::utf8: return std::string(bytes);
        case Kind::tcvn3: return decode_tcvn3(bytes);
        case Kind::vni: return decode_vni(bytes);
        case Kind::iconv: {
            const std::string text(bytes);
            const std::unique_ptr<char, CplFree> utf8(
                CPLRecode(text.c_str(), encoding_.c_str(), CPL_ENC_UTF8));
            return utf8 ? std::string(utf8.get()) : text;
        }
    }
    return std::string(bytes);
}

void MojibakeCounter::inspect(std::string_view utf8) noexcept {
    ++inspected_;
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii && looks_misdecoded(utf8)) ++suspicious_;
}

}  // namespace libland::io
