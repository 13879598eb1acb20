#include "io/encoding.hpp"

#include "io/vietnamese_encodings.hpp"

#include <libland/error.hpp>

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>

namespace libland::io {
namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
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

// TCVN3 bytes read as Latin-1 show symbols that Latin-1 text rarely holds: 0xA8-0xBE carry
// a, ă, â, ê, ô, ơ, ư, đ with their tones, 0xD7 and 0xDE carry ì and ị (« » left out: French).
bool tcvn3_sign(char32_t c) noexcept {
    return (c >= 0xA8 && c <= 0xBE && c != 0xAB && c != 0xB0 && c != 0xB2 && c != 0xB3 && c != 0xBB) ||
           c == 0xD7 || c == 0xDE;
}

bool ascii_vowel(char32_t c) noexcept {
    switch (c) {
        case 'a': case 'e': case 'o': case 'u': case 'y': case 'A': case 'E': case 'O': case 'U': case 'Y':
            return true;
        default:
            return false;
    }
}

// VNI bytes read as Latin-1: a vowel followed by a tone byte (ø ù û õ ï ä ã å ë ü, any case).
bool vni_sign(char32_t vowel, char32_t mark) noexcept {
    if (!ascii_vowel(vowel)) return false;
    switch (mark | 0x20) {
        case U'ø': case U'ù': case U'û': case U'õ': case U'ï': case U'ä': case U'ã': case U'å':
        case U'ë': case U'ü':
            return true;
        default:
            return false;
    }
}

// UTF-8 read as Latin-1/CP1252 once too often: "Ã©", "á»‡" (ệ), "Æ°" (ư), "Ä‘" (đ).
bool double_utf8_sign(char32_t first, char32_t second) noexcept {
    return (first == U'Ã' && second >= 0x80 && second <= 0xBF) ||
           (first == U'á' && (second == U'»' || second == U'º')) ||
           (first == U'Æ' && (second == U'°' || second == U'¡')) ||
           (first == U'Ä' && (second == 0x91 || second == 0x2018));
}

bool looks_misdecoded(std::string_view s) {
    char32_t previous = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) return true;
        const char32_t c = code_point(s, i, n);
        if (c == 0xFFFD || tcvn3_sign(c) || vni_sign(previous, c) || double_utf8_sign(previous, c)) {
            return true;
        }
        previous = c;
        i += n;
    }
    return false;
}

}  // namespace

// An iconv conversion to UTF-8 that, unlike CPLRecode, flushes the letter that CP1258's
// decoder holds back in case a tone mark follows.
struct TextDecoder::Iconv {
    iconv_t cd;

    explicit Iconv(const std::string& from) : cd(iconv_open("UTF-8", from.c_str())) {}
    ~Iconv() {
        if (ok()) iconv_close(cd);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;

    [[nodiscard]] bool ok() const noexcept { return cd != reinterpret_cast<iconv_t>(-1); }

    // Returns the UTF-8 text of `bytes`; a byte iconv rejects becomes U+FFFD.
    std::string convert(std::string_view bytes) {
        iconv(cd, nullptr, nullptr, nullptr, nullptr);  // a fresh shift state
        std::string out(bytes.size() * 4 + 8, '\0');
        char* in = const_cast<char*>(bytes.data());
        std::size_t in_left = bytes.size();
        std::size_t used = 0;
        const auto step = [&](char** from, std::size_t* from_left) {
            char* to = out.data() + used;
            std::size_t to_left = out.size() - used;
            const std::size_t rc = iconv(cd, from, from_left, &to, &to_left);
            used = out.size() - to_left;
            return rc != static_cast<std::size_t>(-1) ? 0 : errno;
        };
        while (in_left > 0) {
            const int error = step(&in, &in_left);
            if (error == E2BIG) {
                out.resize(out.size() * 2);
            } else if (error != 0) {  // EILSEQ or EINVAL: skip the byte
                ++in;
                --in_left;
                out.replace(used, 3, "\xEF\xBF\xBD");
                used += 3;
                out.resize(std::max(out.size(), used + in_left * 4 + 8));
            }
        }
        while (step(nullptr, nullptr) == E2BIG) out.resize(out.size() * 2);  // flush
        out.resize(used);
        return out;
    }
};

TextDecoder::TextDecoder(std::string encoding) : encoding_(std::move(encoding)) {
    const std::string name = upper(encoding_);
    if (name.empty() || name == "UTF-8" || name == "UTF8") {
        kind_ = Kind::utf8;
    } else if (name == "TCVN3" || name == "ABC" || name == "TCVN") {
        kind_ = Kind::tcvn3;
    } else if (name == "VNI" || name == "VNI-WIN" || name == "VNI-WINDOWS") {
        kind_ = Kind::vni;
    } else {
        kind_ = Kind::iconv;
        iconv_ = std::make_unique<Iconv>(encoding_);
        if (!iconv_->ok()) {
            throw usage_error("unknown encoding '" + encoding_ +
                              "' (use UTF-8, CP1258, TCVN3, VNI or another name iconv knows)");
        }
    }
}

TextDecoder::~TextDecoder() = default;

std::string TextDecoder::decode(std::string_view bytes) const {
    switch (kind_) {
        case Kind::utf8: return std::string(bytes);
        case Kind::tcvn3: return decode_tcvn3(bytes);
        case Kind::vni: return decode_vni(bytes);
        case Kind::iconv: return compose_tone_marks(iconv_->convert(bytes));
    }
    return std::string(bytes);
}

std::string encoding_to_decode_ourselves(const std::string& path) {
    namespace fs = std::filesystem;
    const std::string ext = upper(fs::path(path).extension().string());
    if (ext != ".SHP" && ext != ".DBF") return {};
    for (const char* cpg_ext : {".cpg", ".CPG"}) {
        std::ifstream in(fs::path(path).replace_extension(cpg_ext));
        std::string name;
        if (in >> name) {
            name = upper(name);
            return name == "1258" || name == "CP1258" || name == "WINDOWS-1258" ? "CP1258" : "";
        }
    }
    return {};
}

void MojibakeCounter::inspect(std::string_view utf8) noexcept {
    ++inspected_;
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii && looks_misdecoded(utf8)) ++suspicious_;
}

}  // namespace libland::io
