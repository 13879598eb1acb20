// API keys of the HTTP service: random, shown once, stored as their SHA-256 (OpenSSL libcrypto).
#include "store/store_impl.hpp"

#include <libland/error.hpp>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace libland {

namespace {

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

std::string sha256_hex(const std::string& text) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
        throw error("cannot compute SHA-256 (OpenSSL)");
    }
    return hex(digest.data(), size);
}

std::string random_key() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw error("cannot draw random bytes for a key (OpenSSL)");
    }
    return "lk_" + hex(bytes.data(), bytes.size());
}

}  // namespace

const char* to_string(KeyRole role) noexcept { return role == KeyRole::officer ? "officer" : "reader"; }

KeyRole parse_key_role(const std::string& text) {
    if (text == "officer") return KeyRole::officer;
    if (text == "reader") return KeyRole::reader;
    throw usage_error("'" + text + "' is not a key role (officer or reader)");
}

std::string Store::add_key(const std::string& name, KeyRole role) {
    if (name.empty()) throw usage_error("an API key needs a name");
    const std::string key = random_key();
    impl_->backend->add_key(name, role, sha256_hex(key));
    return key;
}

std::optional<KeyRole> Store::check_key(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return impl_->backend->key_role(sha256_hex(key));
}

std::vector<KeyInfo> Store::keys() { return impl_->backend->keys(); }

void Store::revoke_key(const std::string& name) { impl_->backend->revoke_key(name); }

}  // namespace libland
