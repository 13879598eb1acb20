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
