#pragma once
// API keys of the HTTP service, on the services' side: a key is drawn from OpenSSL's random
// generator, shown once, and only its SHA-256 goes to the land database (libland::Store keeps key
// rows by digest and never sees a key). Used by `land keys`, landd and the Python module.
#include <libland/store.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace api_keys {

// Returns a new key: "lk_" and 64 hex digits of 32 random bytes. Throws libland::error when
// OpenSSL cannot draw random bytes.
[[nodiscard]] std::string draw();

// Returns the key's digest as the database keeps it (SHA-256, lowercase hex). Throws
// libland::error when OpenSSL fails.
[[nodiscard]] libland::KeyDigest digest(std::string_view key);

// Draws a key, stores its digest under `name` and returns the key (the only time it is visible).
// Throws usage_error when the name is empty or taken.
[[nodiscard]] std::string add(libland::Store& store, const std::string& name, libland::KeyRole role);

// Returns the key's role, nothing for an empty, unknown or revoked key.
[[nodiscard]] std::optional<libland::KeyRole> role(libland::Store& store, const std::string& key);

// Returns the name of a valid key (the author of the writes made with it), nothing otherwise.
[[nodiscard]] std::optional<std::string> name(libland::Store& store, const std::string& key);

// Records that a valid key was used today (UTC): returns whether the database wrote.
bool record_use(libland::Store& store, const std::string& key);

}  // namespace api_keys
