// API keys of the HTTP service: random, shown once, stored as their SHA-256 (OpenSSL libcrypto).
#include "store/store_impl.hpp"

#include "detail/sha256.hpp"
#include "store/utc_clock.hpp"

#include <libland/error.hpp>

#include <openssl/rand.h>

#include <array>

namespace libland {

namespace {

std::string random_key() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw error("cannot draw random bytes for a key (OpenSSL)");
    }
    return "lk_" + detail::hex(bytes.data(), bytes.size());
}

}  // namespace

const char* to_string(KeyRole role) noexcept {
    switch (role) {
        case KeyRole::officer: return "officer";
        case KeyRole::registry: return "registry";
        case KeyRole::reader: break;
    }
    return "reader";
}

KeyRole parse_key_role(const std::string& text) {
    if (text == "officer") return KeyRole::officer;
    if (text == "reader") return KeyRole::reader;
    if (text == "registry") return KeyRole::registry;
    throw usage_error("'" + text + "' is not a key role (officer, registry or reader)");
}

bool reads_private_fields(KeyRole role) noexcept { return role == KeyRole::officer || role == KeyRole::registry; }

std::string Store::add_key(const std::string& name, KeyRole role) {
    if (name.empty()) throw usage_error("an API key needs a name");
    const std::string key = random_key();
    impl_->backend->add_key(name, role, detail::sha256_hex(key));
    return key;
}

std::optional<KeyRole> Store::check_key(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return impl_->backend->key_role(detail::sha256_hex(key));
}

bool Store::record_key_use(const std::string& key) {
    if (key.empty()) return false;
    return impl_->backend->record_key_use(detail::sha256_hex(key), store::utc_now().substr(0, 10));
}

std::optional<std::string> Store::key_name(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return impl_->backend->key_name(detail::sha256_hex(key));
}

std::vector<KeyInfo> Store::keys() { return impl_->backend->keys(); }

void Store::revoke_key(const std::string& name) { impl_->backend->revoke_key(name); }

}  // namespace libland
