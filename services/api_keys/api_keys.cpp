// API keys: random keys and their SHA-256 digests with OpenSSL's libcrypto.
#include "api_keys.hpp"

#include <libland/error.hpp>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace api_keys {

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

}  // namespace

std::string draw() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw libland::error("cannot draw random bytes for a key (OpenSSL)");
    }
    return "lk_" + hex(bytes.data(), bytes.size());
}

libland::KeyDigest digest(std::string_view key) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> sum{};
    unsigned int size = 0;
    if (EVP_Digest(key.data(), key.size(), sum.data(), &size, EVP_sha256(), nullptr) != 1) {
        throw libland::error("cannot compute SHA-256 (OpenSSL)");
    }
    return libland::KeyDigest{hex(sum.data(), size)};
}

std::string add(libland::Store& store, const std::string& name, libland::KeyRole role) {
    if (name.empty()) throw libland::usage_error("an API key needs a name");
    std::string key = draw();
    store.add_key(name, role, digest(key));
    return key;
}

std::optional<libland::KeyRole> role(libland::Store& store, const std::string& key) {
    if (key.empty()) return std::nullopt;
    return store.key_role(digest(key));
}

std::optional<std::string> name(libland::Store& store, const std::string& key) {
    if (key.empty()) return std::nullopt;
    return store.key_name(digest(key));
}

bool record_use(libland::Store& store, const std::string& key) {
    if (key.empty()) return false;
    return store.record_key_use(digest(key));
}

}  // namespace api_keys
