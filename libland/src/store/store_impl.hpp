#pragma once
// What the Store's write paths share: the backend, date checks, the parcel a transaction acts on.
// Private.
#include "store/backend.hpp"

#include <libland/store.hpp>

#include <memory>
#include <string>

namespace libland {

struct Store::Impl {
    explicit Impl(std::unique_ptr<store::Backend> b)
        : backend(std::move(b)), area_field(backend->setting("area_field")) {}

    std::unique_ptr<store::Backend> backend;
    std::string area_field;  // the setting: a name, "none", or "" (area_fields() finds them)
};

namespace store {

// Throws usage_error unless the text is a calendar date "YYYY-MM-DD".
void check_date(const std::string& date);

// Returns whether the write is back-dated (its date before the last recorded one).
// Throws usage_error when it is and info.backdate is not set. REQUIRES: the write lock is held.
[[nodiscard]] bool check_order(Backend& backend, const CommitInfo& info);
// The same against a given last date of the area written to.
[[nodiscard]] bool check_order(const std::string& last, const CommitInfo& info);

// The current version of the parcel a transaction acts on.
struct Target {
    std::int64_t version = 0;
    std::int64_t uid = 0;
    Parcel parcel;
};

// Resolves a key or uid to the parcel's version valid on the date. Throws usage_error when there is
// no such parcel, it did not exist on the date, or it changed after the date (a back-dated
// transaction cannot rewrite later history).
[[nodiscard]] Target current_parcel(Backend& backend, const std::string& parcel, const std::string& date);

}  // namespace store
}  // namespace libland
