#include "detail/sha256.hpp"

#include <libland/error.hpp>

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace libland::detail {

namespace {

struct ContextDeleter {
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
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

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
        throw error("cannot compute SHA-256 (OpenSSL)");
    }
    return hex(digest.data(), size);
}

std::string file_sha256_hex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path + ": cannot be read");
    const std::unique_ptr<EVP_MD_CTX, ContextDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw error("cannot compute SHA-256 (OpenSSL)");
    std::array<char, 1 << 16> block{};
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
        if (EVP_DigestUpdate(ctx.get(), block.data(), static_cast<std::size_t>(in.gcount())) != 1) {
            throw error("cannot compute SHA-256 (OpenSSL)");
        }
    }
    if (in.bad()) throw input_error(path + ": cannot be read");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest.data(), &size) != 1) throw error("cannot compute SHA-256 (OpenSSL)");
    return hex(digest.data(), size);
}

}  // namespace libland::detail
