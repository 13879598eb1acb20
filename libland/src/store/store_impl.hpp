#pragma once
// What the Store's write paths share: the backend, date checks, the parcel a transaction acts on.
// Private.
#include "store/backend.hpp"

#include <libland/store.hpp>

#include <memory>
#include <string>

namespace libland {

struct Store::Impl {
    Impl(std::unique_ptr<store::Backend> b, std::string where)
        : backend(std::move(b)), area_field(backend->setting("area_field")), location(std::move(where)) {}

    std::unique_ptr<store::Backend> backend;
    std::string area_field;  // the setting: a name, "none", or "" (area_fields() finds them)
    std::string location;    // the path or connection string it was opened with (another
                             // connection reads beside this one: Store::changes)
};

namespace store {

// Throws usage_error unless the text is a calendar date "YYYY-MM-DD" (libland/date.hpp).
void check_date(const std::string& date);

// Returns whether the write is back-dated (its date before the last recorded one).
// Throws usage_error when it is and info.backdate is not set, or when the date is in the future in
// Vietnam or before 1900 (check_record_date). REQUIRES: the write lock is held.
[[nodiscard]] bool check_order(Backend& backend, const CommitInfo& info);
// The same against a given last date of the area written to.
[[nodiscard]] bool check_order(const std::string& last, const CommitInfo& info);

// Throws usage_error naming the code unless it is in the database's land-use code list
// (land_use_list.cpp); a code differing from a known one by case only is named with the known one.
void check_use_code(Backend& backend, const std::string& code);
// Checks a survey's land-use codes against the list. Throws usage_error naming the unknown codes
// and a few of their parcels unless `accept`; then returns one warning per unknown code.
[[nodiscard]] std::vector<std::string> check_survey_codes(Backend& backend, const Snapshot& survey,
                                                          const CommitInfo& info);
// The name a survey's messages give it: info.source_name, else its source.
[[nodiscard]] const std::string& survey_name(const Snapshot& survey, const CommitInfo& info) noexcept;

// Refuses (usage_error naming the fields) a survey keyed or carrying its use otherwise than the
// database's parcels, or lacking fields they have, unless info.force (survey_checks.cpp).
void check_survey_schema(Backend& backend, const Snapshot& survey, const CommitInfo& info);
// Refuses (usage_error naming the commit) a survey whose file has the content digest of a committed
// survey, or identical, in the communes of its keys, to the map as of the date of an earlier survey
// commit (on or before info.date), unless info.force. REQUIRES: the write lock is held.
void check_not_a_repeat(Backend& backend, const Snapshot& survey, const CommitInfo& info, const std::string& digest);

// Returns the last component of a path ("survey_2024.gpkg" of "/data/survey_2024.gpkg").
[[nodiscard]] std::string file_name(const std::string& path);
// Returns the SHA-256 (hex) of the file at `path`, "" when it is not a regular file (a survey made
// in memory).
[[nodiscard]] std::string source_digest(const std::string& path);

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
