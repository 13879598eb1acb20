// Reading parcel states from PostGIS: the map on a date, single parcels, numbering.
#include "store/postgis_backend.hpp"

#include "store/attributes_json.hpp"
#include "store/state_rows.hpp"

#include <algorithm>

namespace libland::store {

namespace {

// Columns read for every parcel version; read_parcels() relies on this order.
const std::string select_parcels =
    "SELECT version_id, uid, key, use, attributes, ST_AsBinary(geometry), valid_to FROM parcel_versions ";

// A reverted survey's schema is no longer in force.
const std::string not_reverted = "AND commit_id NOT IN (SELECT reverted FROM commit_reverts) ";

constexpr const char* valid_on = "valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)";

// Returns the single text of the query's first row, "" when NULL or absent.
std::string single_text(const detail::PgResult& r) {
    return r.rows() == 0 || r.is_null(0, 0) ? std::string() : r.text(0, 0);
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void PostgisBackend::lock_sheets(const std::vector<std::string>& sheets) {
    // Sorted: two writers never wait for each other in a circle.
    if (sheets.empty()) return;
    std::vector<std::string> sorted(sheets);
    std::sort(sorted.begin(), sorted.end());
    detail::PgArray names;
    for (const std::string& sheet : sorted) names.add(sheet);
    detail::PgParams p;
    p.add(names.text());
    // One statement; the locks are taken in the array's (sorted) order. It travels with the next
    // statement (the re-check of the sheets' last change), which runs once the locks are held.
    db_.defer("SELECT count(pg_advisory_xact_lock(hashtextextended('land sheet ' || s, 0))) "
              "FROM unnest($1::text[]) AS s",
              std::move(p), true);
}

void PostgisBackend::lock_sheet(const std::string& sheet_key) {
    detail::PgParams p;
    p.add(sheet_key);
    // Travels with the next statement (the sheet's highest number), which runs once it is held.
    db_.defer("SELECT pg_advisory_xact_lock(hashtextextended('land sheet ' || $1, 0))", std::move(p), true);
}

std::string PostgisBackend::first_date() { return single_text(db_.query("SELECT min(valid_date) FROM commits")); }

std::string PostgisBackend::last_date() { return single_text(db_.query("SELECT max(valid_date) FROM commits")); }

std::string PostgisBackend::last_change(const std::vector<std::string>& communes) {
    std::string last;
    for (const std::string& commune : communes) {
        if (commune.empty()) return last_date();
        // A commune's keys are the range ["14362-", "14362.") ('.' follows '-'), read through the
        // key index.
        detail::PgParams p;
        p.add(commune + "-").add(commune + ".").add(commune);
        const std::string latest = single_text(db_.query(
            "SELECT greatest((SELECT greatest(max(valid_from), coalesce(max(valid_to), '')) FROM parcel_versions "
            "WHERE key >= $1 AND key < $2), "
            "(SELECT max(c.valid_date) FROM commit_communes cc JOIN commits c USING (commit_id) WHERE cc.commune = $3), "
            "(SELECT max(c.valid_date) FROM commit_sheets cs JOIN commits c USING (commit_id) "
            "WHERE cs.sheet_key >= $1 AND cs.sheet_key < $2))",
            p));
        last = std::max(last, latest);
    }
    return last;
}

std::string PostgisBackend::last_change_of_sheets(const std::vector<std::string>& sheets) {
    std::string last;
    for (const std::string& sheet : sheets) {
        detail::PgParams p;
        p.add(sheet).add(sheet.substr(0, sheet.find('-')));
        // The sheet's last change is read from the end of the parcel_versions_sheet_change index.
        const std::string latest = single_text(db_.prepared(
            "SELECT greatest((SELECT max(greatest(valid_from, coalesce(valid_to, ''))) FROM parcel_versions "
            "WHERE sheet_key = $1), "
            "(SELECT max(c.valid_date) FROM commit_sheets cs JOIN commits c USING (commit_id) WHERE cs.sheet_key = $1), "
            "(SELECT max(c.valid_date) FROM commit_communes cc JOIN commits c USING (commit_id) "
            "WHERE cc.commune = $2 OR cc.commune = ''))",
            p));
        last = std::max(last, latest);
    }
    return last;
}

namespace {

// The survey in force on $1.
const std::string& schema_in_force() {
    static const std::string sql = "SELECT fields, id_fields, use_field FROM commits WHERE kind = 'survey' "
                                   "AND valid_date <= $1 " + not_reverted +
                                   "ORDER BY valid_date DESC, commit_id DESC LIMIT 1";
    return sql;
}

std::optional<Schema> schema_of(const detail::PgResult& found) {
    if (found.rows() == 0) return std::nullopt;
    return Schema{fields_from_json(found.text(0, 0)), strings_from_json(found.text(0, 1)), found.text(0, 2)};
}

}  // namespace

std::optional<Schema> PostgisBackend::keep_schema(const std::string& date, const detail::PgResult& in_force) {
    // Before the first survey, the first one's schema.
    std::optional<Schema> schema =
        in_force.rows() > 0 ? schema_of(in_force)
                            : schema_of(db_.prepared("SELECT fields, id_fields, use_field FROM commits WHERE kind = "
                                                     "'survey' " + not_reverted + "ORDER BY valid_date, commit_id LIMIT 1"));
    if (db_.in_transaction()) schema_read_ = SchemaRead{db_.transaction_number(), date, schema};
    return schema;
}

const std::optional<Schema>* PostgisBackend::kept_schema(const std::string& date) const {
    const bool kept = db_.in_transaction() && schema_read_.transaction == db_.transaction_number() &&
                      schema_read_.date == date;
    return kept ? &schema_read_.schema : nullptr;
}

std::optional<Schema> PostgisBackend::schema_at(const std::string& date) {
    if (const std::optional<Schema>* kept = kept_schema(date)) return *kept;
    detail::PgParams p;
    p.add(date);
    return keep_schema(date, db_.prepared(schema_in_force(), p));
}

detail::PgResult PostgisBackend::query_with_schema(const std::string& sql, const detail::PgParams& params,
                                                   const std::string& date, std::optional<Schema>& schema) {
    if (const std::optional<Schema>* kept = kept_schema(date)) {
        schema = *kept;
        return db_.query(sql, params);
    }
    detail::PgParams on;
    on.add(date);
    std::vector<detail::PgResult> both = db_.batch({{schema_in_force(), on, true}, {sql, params}});
    schema = keep_schema(date, both[0]);
    return std::move(both[1]);
}

void PostgisBackend::read_parcels(const detail::PgResult& rows, State& state) {
    for (int r = 0; r < rows.rows(); ++r) add_parcel_row(detail::PgRow(rows, r), rows.bytes(r, 5), state);
}

State PostgisBackend::state_at(const std::string& date, const std::optional<Box>& box) {
    detail::PgReadScope read(db_);
    detail::PgParams p;
    p.add(date);
    std::string sql = select_parcels + "WHERE " + valid_on;
    if (box) {
        p.add(box->min_x).add(box->min_y).add(box->max_x).add(box->max_y).add(srid_);
        sql += " AND geometry && ST_MakeEnvelope($2, $3, $4, $5, $6)";
    }
    std::optional<Schema> schema;
    const detail::PgResult rows = query_with_schema(sql, p, date, schema);
    State state = empty_state(crs_, db_.display(), std::move(schema));
    read_parcels(rows, state);
    sort_by_key(state);
    return state;
}

State PostgisBackend::parcels_at(const std::vector<std::int64_t>& uids, const std::string& date) {
    detail::PgReadScope read(db_);
    State state = empty_state(crs_, db_.display(), schema_at(date));
    for (std::int64_t uid : uids) {
        detail::PgParams p;
        p.add(date).add(uid);
        read_parcels(db_.prepared(select_parcels + "WHERE " + valid_on + " AND uid = $2", p), state);
    }
    return state;
}

std::optional<std::int64_t> PostgisBackend::find_uid(const std::string& parcel) {
    detail::PgParams p;
    p.add(parcel);
    const detail::PgResult by_key = db_.prepared("SELECT uid FROM parcel_versions WHERE key = $1 "
                                              "ORDER BY valid_to IS NULL DESC, valid_from DESC, version_id DESC LIMIT 1",
                                              p);
    if (by_key.rows() > 0) return by_key.integer(0, 0);
    if (!all_digits(parcel)) return std::nullopt;
    detail::PgParams u;
    u.add(static_cast<std::int64_t>(std::stoll(parcel)));
    const detail::PgResult by_uid = db_.prepared("SELECT uid FROM parcels WHERE uid = $1", u);
    if (by_uid.rows() > 0) return by_uid.integer(0, 0);
    return std::nullopt;
}

std::int64_t PostgisBackend::max_number(const std::string& sheet_key) {
    detail::PgParams p;
    p.add(sheet_key);
    // Numbering is per sheet: writers of one sheet take its numbers one after the other; other
    // sheets are not waited for.
    if (db_.in_transaction()) lock_sheet(sheet_key);
    const detail::PgResult q =
        db_.prepared("SELECT coalesce(max(number), 0) FROM parcel_versions WHERE sheet_key = $1", p);
    return q.integer(0, 0);
}

}  // namespace libland::store
