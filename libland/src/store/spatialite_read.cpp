// Reading parcel states from SpatiaLite: the map on a date, single parcels, numbering.
#include "store/spatialite_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/state_rows.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland::store {

namespace {

// Columns read for every parcel version; read_parcels() relies on this order.
const std::string select_parcels =
    "SELECT version_id, uid, key, use, attributes, AsBinary(geometry), valid_to FROM parcel_versions ";

constexpr const char* valid_on = "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)";

// Raises `last` to the query's single date (NULL leaves it) and resets the query.
void take_latest(detail::Statement& q, std::string& last) {
    if (q.step() && !q.is_null(0)) last = std::max(last, q.text(0));
    q.reset();
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string SpatialiteBackend::first_date() {
    detail::Statement q(db_, "SELECT min(valid_date) FROM commits");
    return q.step() ? q.text(0) : std::string();
}

std::string SpatialiteBackend::last_date() {
    detail::Statement q(db_, "SELECT max(valid_date) FROM commits");
    return q.step() ? q.text(0) : std::string();
}

std::string SpatialiteBackend::last_change(const std::vector<std::string>& communes) {
    // A commune's keys are the range ["14362-", "14362.") ('.' follows '-'), read through the key
    // index.
    detail::Statement changed(db_,
                              "SELECT max(max(valid_from), coalesce(max(valid_to), '')) FROM parcel_versions "
                              "WHERE key >= ?1 AND key < ?2");
    detail::Statement surveyed(db_,
                               "SELECT max(c.valid_date) FROM commit_communes cc JOIN commits c USING (commit_id) "
                               "WHERE cc.commune = ?1");
    detail::Statement sheets_surveyed(db_,
                                      "SELECT max(c.valid_date) FROM commit_sheets cs JOIN commits c USING (commit_id) "
                                      "WHERE cs.sheet_key >= ?1 AND cs.sheet_key < ?2");
    std::string last;
    for (const std::string& commune : communes) {
        if (commune.empty()) return last_date();
        changed.bind(1, commune + "-").bind(2, commune + ".");
        take_latest(changed, last);
        surveyed.bind(1, commune);
        take_latest(surveyed, last);
        sheets_surveyed.bind(1, commune + "-").bind(2, commune + ".");
        take_latest(sheets_surveyed, last);
    }
    return last;
}

std::string SpatialiteBackend::last_change_of_sheets(const std::vector<std::string>& sheets) {
    detail::Statement changed(db_,
                              "SELECT max(max(valid_from), coalesce(max(valid_to), '')) FROM parcel_versions "
                              "WHERE sheet_key = ?");
    detail::Statement surveyed(db_,
                               "SELECT max(c.valid_date) FROM commit_sheets cs JOIN commits c USING (commit_id) "
                               "WHERE cs.sheet_key = ?");
    detail::Statement commune_surveyed(db_,
                                       "SELECT max(c.valid_date) FROM commit_communes cc JOIN commits c USING "
                                       "(commit_id) WHERE cc.commune = ? OR cc.commune = ''");
    std::string last;
    for (const std::string& sheet : sheets) {
        changed.bind(1, sheet);
        take_latest(changed, last);
        surveyed.bind(1, sheet);
        take_latest(surveyed, last);
        commune_surveyed.bind(1, sheet.substr(0, sheet.find('-')));
        take_latest(commune_surveyed, last);
    }
    return last;
}

SpatialiteBackend::Stamp SpatialiteBackend::stamp() {
    Stamp now{-1, db_.total_changes()};
    detail::Statement version(db_, "PRAGMA data_version");
    if (version.step()) now.data_version = version.integer(0);
    return now;
}

std::optional<Schema> SpatialiteBackend::schema_at(const std::string& date) {
    detail::ReadScope read(db_);
    const Stamp now = stamp();
    if (schema_at_.stamp == now && schema_at_.date == date) return schema_at_.schema;
    schema_at_ = SchemaAt{now, date, read_schema_at(date)};
    return schema_at_.schema;
}

std::optional<Schema> SpatialiteBackend::read_schema_at(const std::string& date) {
    // A reverted survey's schema is no longer in force.
    const std::string not_reverted = "AND commit_id NOT IN (SELECT reverted FROM commit_reverts) ";
    // The survey in force on the date; before the first survey, the first one's schema.
    const std::string in_force_sql = "SELECT fields, id_fields, use_field FROM commits "
                                     "WHERE kind = 'survey' AND valid_date <= ? " + not_reverted +
                                     "ORDER BY valid_date DESC, commit_id DESC LIMIT 1";
    const std::string first_sql = "SELECT fields, id_fields, use_field FROM commits WHERE kind = 'survey' " +
                                  not_reverted + "ORDER BY valid_date, commit_id LIMIT 1";
    detail::Statement in_force(db_, in_force_sql.c_str());
    detail::Statement first(db_, first_sql.c_str());
    in_force.bind(1, date);
    detail::Statement& found = in_force.step() ? in_force : first;
    if (&found == &first && !first.step()) return std::nullopt;
    return Schema{fields_from_json(found.text(0)), strings_from_json(found.text(1)), found.text(2)};
}

void SpatialiteBackend::read_parcels(detail::Statement& rows, State& state) {
    while (rows.step()) add_parcel_row(rows, rows.blob(5), state);
}

State SpatialiteBackend::state_at(const std::string& date, const std::optional<Box>& box) {
    detail::ReadScope read(db_);
    State state = empty_state(crs_, db_.path(), schema_at(date));
    if (!box) {
        detail::Statement rows(db_, (select_parcels + "WHERE " + valid_on).c_str());
        rows.bind(1, date);
        read_parcels(rows, state);
    } else {
        detail::Statement rows(
            db_, (select_parcels + "WHERE " + valid_on +
                  " AND version_id IN (SELECT pkid FROM idx_parcel_versions_geometry "
                  "WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3)")
                     .c_str());
        rows.bind(1, date).bind(2, box->min_x).bind(3, box->min_y).bind(4, box->max_x).bind(5, box->max_y);
        read_parcels(rows, state);
    }
    sort_by_key(state);
    return state;
}

State SpatialiteBackend::parcels_at(const std::vector<std::int64_t>& uids, const std::string& date) {
    detail::ReadScope read(db_);
    State state = empty_state(crs_, db_.path(), schema_at(date));
    detail::Statement rows(db_, (select_parcels + "WHERE " + valid_on + " AND uid = ?2").c_str());
    for (std::int64_t uid : uids) {
        rows.bind(1, date).bind(2, uid);
        read_parcels(rows, state);
        rows.reset();
    }
    return state;
}

std::optional<std::int64_t> SpatialiteBackend::find_uid(const std::string& parcel) {
    detail::Statement by_key(db_,
                             "SELECT uid FROM parcel_versions WHERE key = ? "
                             "ORDER BY valid_to IS NULL DESC, valid_from DESC, version_id DESC LIMIT 1");
    by_key.bind(1, parcel);
    if (by_key.step()) return by_key.integer(0);
    if (!all_digits(parcel)) return std::nullopt;
    detail::Statement by_uid(db_, "SELECT uid FROM parcels WHERE uid = ?");
    by_uid.bind(1, static_cast<std::int64_t>(std::stoll(parcel)));
    if (by_uid.step()) return by_uid.integer(0);
    return std::nullopt;
}

std::int64_t SpatialiteBackend::max_number(const std::string& sheet_key) {
    detail::Statement q(db_, "SELECT coalesce(max(number), 0) FROM parcel_versions WHERE sheet_key = ?");
    q.bind(1, sheet_key);
    return q.step() ? q.integer(0) : 0;
}

}  // namespace libland::store
