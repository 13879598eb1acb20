#include "detail/sha256.hpp"

#include <libland/error.hpp>

#include <glib.h>

#include <array>
#include <fstream>
#include <memory>

namespace libland::detail {

namespace {

struct ChecksumDeleter {
    void operator()(GChecksum* sum) const noexcept { g_checksum_free(sum); }
};

}  // namespace

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[bytes[i] >> 4]);
        out.push_back(digits[bytes[i] & 0xf]);
    }
    return out;
}

std::string file_sha256_hex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path + ": cannot be read");
    const std::unique_ptr<GChecksum, ChecksumDeleter> sum(g_checksum_new(G_CHECKSUM_SHA256));
    if (!sum) throw error("cannot compute SHA-256");
    std::array<char, 1 << 16> block{};
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
        g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(block.data()), static_cast<gssize>(in.gcount()));
    }
    if (in.bad()) throw input_error(path + ": cannot be read");
    return g_checksum_get_string(sum.get());  // lowercase hex
}

}  // namespace libland::detail
