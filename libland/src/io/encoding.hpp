#pragma once
// Turning the text of attribute values into UTF-8, and noticing text that looks mis-decoded.
// Private.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace libland::io {

// Decodes text from one source encoding to UTF-8.
class TextDecoder {
public:
    // `encoding` is "" (text is already UTF-8, as GDAL gives it), "TCVN3"/"ABC", "VNI", or any
    // name iconv knows (e.g. "CP1258"). Throws usage_error for a name iconv does not know.
    explicit TextDecoder(std::string encoding);

    ~TextDecoder();
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    // Returns the UTF-8 text of `bytes`; Vietnamese tone marks composed. Not thread-safe (an
    // iconv conversion keeps state): one decoder per reading thread.
    [[nodiscard]] std::string decode(std::string_view bytes) const;

    // True when decode() is the identity.
    [[nodiscard]] bool passthrough() const noexcept { return kind_ == Kind::utf8; }

private:
    enum class Kind { utf8, tcvn3, vni, iconv };
    struct Iconv;
    std::string encoding_;
    Kind kind_ = Kind::utf8;
    std::unique_ptr<Iconv> iconv_;
};

// Returns the encoding a shapefile's .cpg names when GDAL's own recoding would lose text
// ("CP1258": GDAL drops a value's last letter, held back by iconv for a tone mark); "" otherwise,
// and for anything that is not a shapefile.
[[nodiscard]] std::string encoding_to_decode_ourselves(const std::string& path);

// Counts text values that look mis-decoded: invalid UTF-8, U+FFFD, UTF-8 read twice ("Ã©",
// "Viá»‡t"), or legacy Vietnamese bytes shown as Latin-1 (TCVN3 "®Êt", VNI "Vieät").
class MojibakeCounter {
public:
    void inspect(std::string_view utf8) noexcept;
    [[nodiscard]] std::size_t suspicious() const noexcept { return suspicious_; }
    [[nodiscard]] std::size_t inspected() const noexcept { return inspected_; }

private:
    std::size_t suspicious_ = 0;
    std::size_t inspected_ = 0;
};

}  // namespace libland::io
