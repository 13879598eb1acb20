// API keys of the HTTP service as the database keeps them: rows by the key's SHA-256 digest (the
// services draw keys and hash them, services/api_keys; the Store never sees a key).
#include "store/store_impl.hpp"

#include "store/utc_clock.hpp"

#include <libland/error.hpp>

namespace libland {

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

void Store::add_key(const std::string& name, KeyRole role, const KeyDigest& digest) {
    if (name.empty()) throw usage_error("an API key needs a name");
    impl_->backend->add_key(name, role, digest.sha256_hex);
}

std::optional<KeyRole> Store::key_role(const KeyDigest& digest) {
    if (digest.sha256_hex.empty()) return std::nullopt;
    return impl_->backend->key_role(digest.sha256_hex);
}

bool Store::record_key_use(const KeyDigest& digest) {
    if (digest.sha256_hex.empty()) return false;
    return impl_->backend->record_key_use(digest.sha256_hex, store::utc_now().substr(0, 10));
}

std::optional<std::string> Store::key_name(const KeyDigest& digest) {
    if (digest.sha256_hex.empty()) return std::nullopt;
    return impl_->backend->key_name(digest.sha256_hex);
}

std::vector<KeyInfo> Store::keys() { return impl_->backend->keys(); }

void Store::revoke_key(const std::string& name) { impl_->backend->revoke_key(name); }

}  // namespace libland
