// Housekeeping of the HTTP service's keys and the published layers in SpatiaLite. A revoked key's
// row leaves api_keys (so no request can use it from that moment on) for revoked_keys, created by
// the first revocation (older databases need no migration).
#include "store/spatialite_backend.hpp"
#include "store/spatialite_optional_tables.hpp"

#include "store/utc_clock.hpp"

#include <libland/error.hpp>

namespace libland::store {

namespace {


// Revoked keys recorded before keys had a last use.
bool revoked_table_lacks_last_use(detail::Database& db) {
    detail::Statement q(db, "SELECT 1 FROM pragma_table_info('revoked_keys') WHERE name = 'last_used'");
    return !q.step();
}

bool has_revoked_table(detail::Database& db) {
    detail::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revoked_keys'");
    return q.step();
}

}  // namespace

std::vector<KeyInfo> SpatialiteBackend::keys() {
    std::vector<KeyInfo> out;
    detail::Statement active(db_, "SELECT name, role, created_at, coalesce(last_used, '') FROM api_keys ORDER BY name");
    while (active.step()) {
        out.push_back(KeyInfo{active.text(0), parse_key_role(active.text(1)), active.text(2), "", active.text(3)});
    }
    if (has_revoked_table(db_)) {
        const std::string sql = std::string("SELECT name, role, created_at, revoked_at, ") +
                                (revoked_table_lacks_last_use(db_) ? "NULL" : "last_used") +
                                " FROM revoked_keys ORDER BY revoked_at";
        detail::Statement revoked(db_, sql.c_str());
        while (revoked.step()) {
            out.push_back(KeyInfo{revoked.text(0), parse_key_role(revoked.text(1)), revoked.text(2), revoked.text(3),
                                  revoked.is_null(4) ? std::string() : revoked.text(4)});
        }
    }
    return out;
}

std::optional<std::string> SpatialiteBackend::key_name(const std::string& sha256_hex) {
    detail::Statement q(db_, "SELECT name FROM api_keys WHERE sha256 = ?");
    q.bind(1, sha256_hex);
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

void SpatialiteBackend::revoke_key(const std::string& name) {
    detail::Transaction tx(db_);
    db_.execute(revoked_keys_sql);
    if (revoked_table_lacks_last_use(db_)) db_.execute("ALTER TABLE revoked_keys ADD COLUMN last_used TEXT");
    detail::Statement keep(db_, "INSERT INTO revoked_keys (name, role, created_at, revoked_at, last_used) "
                                "SELECT name, role, created_at, ?, last_used FROM api_keys WHERE name = ?");
    keep.bind(1, utc_now()).bind(2, name).run();
    if (db_.changes() != 1) throw usage_error("no API key named '" + name + "' (land keys list shows them)");
    detail::Statement drop(db_, "DELETE FROM api_keys WHERE name = ?");
    drop.bind(1, name).run();
    tx.commit();
}

bool SpatialiteBackend::record_key_use(const std::string& sha256_hex, const std::string& day) {
    detail::Statement note(db_, "UPDATE api_keys SET last_used = ?1 WHERE sha256 = ?2 "
                                "AND (last_used IS NULL OR last_used < ?1)");
    note.bind(1, day).bind(2, sha256_hex).run();
    return db_.changes() == 1;
}

void SpatialiteBackend::remove_layer(const std::string& name) {
    detail::Transaction tx(db_);
    if (!drop_layer(name)) throw usage_error("no published layer named '" + name + "' (land layer list shows them)");
    tx.commit();
}

}  // namespace libland::store
