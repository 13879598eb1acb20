// The database's local land-use codes in SpatiaLite: table local_land_uses, created by the first
// `land codes add` (databases made before it have none and need no migration).
#include "store/spatialite_backend.hpp"
#include "store/spatialite_optional_tables.hpp"

#include "store/utc_clock.hpp"

#include <libland/error.hpp>

namespace libland::store {

namespace {


bool has_table(detail::Database& db) {
    detail::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_land_uses'");
    return q.step();
}

}  // namespace

void SpatialiteBackend::add_land_use(const LocalLandUse& use) {
    detail::Transaction tx(db_);
    db_.execute(local_land_uses_sql);
    detail::Statement taken(db_, "SELECT 1 FROM local_land_uses WHERE code = ?");
    taken.bind(1, use.code);
    if (taken.step()) throw usage_error("the land-use code '" + use.code + "' is already in the database's list");
    detail::Statement add(db_, "INSERT INTO local_land_uses (code, name, added_at) VALUES (?, ?, ?)");
    add.bind(1, use.code).bind(2, use.name).bind(3, utc_now()).run();
    tx.commit();
}

std::vector<LocalLandUse> SpatialiteBackend::local_land_uses() {
    std::vector<LocalLandUse> uses;
    if (!has_table(db_)) return uses;
    detail::Statement q(db_, "SELECT code, name, added_at FROM local_land_uses ORDER BY code");
    while (q.step()) uses.push_back(LocalLandUse{q.text(0), q.text(1), q.text(2)});
    return uses;
}

}  // namespace libland::store
