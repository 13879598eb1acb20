// Settings, the HTTP service's keys and the local land-use codes in PostGIS. The tables that
// SpatiaLite databases gain on first use (revoked_keys, local_land_uses, commit_authors) are made
// with the schema here.
#include "store/postgis_backend.hpp"

#include "store/utc_clock.hpp"

#include <libland/error.hpp>

namespace libland::store {

std::optional<std::string> PostgisBackend::read_setting(const std::string& name) {
    detail::PgParams p;
    p.add(name);
    const detail::PgResult q = db_.query("SELECT value FROM meta WHERE name = $1", p);
    if (q.rows() == 0) return std::nullopt;
    return q.text(0, 0);
}

void PostgisBackend::write_setting(const std::string& name, const std::string& value) {
    detail::PgParams p;
    p.add(name).add(value);
    db_.query("INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = $2", p);
}

std::vector<KeyInfo> PostgisBackend::keys() {
    detail::PgReadScope read(db_);
    std::vector<KeyInfo> out;
    const detail::PgResult active =
        db_.query("SELECT name, role, created_at, coalesce(last_used, '') FROM api_keys ORDER BY name");
    for (int r = 0; r < active.rows(); ++r) {
        out.push_back(KeyInfo{active.text(r, 0), parse_key_role(active.text(r, 1)), active.text(r, 2), "",
                              active.text(r, 3)});
    }
    const detail::PgResult revoked =
        db_.query("SELECT name, role, created_at, revoked_at, coalesce(last_used, '') FROM revoked_keys ORDER BY revoked_at");
    for (int r = 0; r < revoked.rows(); ++r) {
        out.push_back(KeyInfo{revoked.text(r, 0), parse_key_role(revoked.text(r, 1)), revoked.text(r, 2),
                              revoked.text(r, 3), revoked.text(r, 4)});
    }
    return out;
}

std::optional<std::string> PostgisBackend::key_name(const std::string& sha256_hex) {
    detail::PgParams p;
    p.add(sha256_hex);
    const detail::PgResult q = db_.query("SELECT name FROM api_keys WHERE sha256 = $1", p);
    if (q.rows() == 0) return std::nullopt;
    return q.text(0, 0);
}

void PostgisBackend::revoke_key(const std::string& name) {
    detail::PgTransaction tx(db_);
    detail::PgParams p;
    p.add(utc_now()).add(name);
    const detail::PgResult kept = db_.query("INSERT INTO revoked_keys (name, role, created_at, revoked_at, last_used) "
                                            "SELECT name, role, created_at, $1, last_used FROM api_keys WHERE name = $2",
                                            p);
    if (kept.affected() != 1) throw usage_error("no API key named '" + name + "' (land keys list shows them)");
    detail::PgParams n;
    n.add(name);
    db_.query("DELETE FROM api_keys WHERE name = $1", n);
    tx.commit();
}

void PostgisBackend::add_key(const std::string& name, KeyRole role, const std::string& sha256_hex) {
    detail::PgTransaction tx(db_);
    detail::PgParams n;
    n.add(name);
    // Two officers adding the same name at once: the key's primary key refuses the second.
    if (db_.query("SELECT 1 FROM api_keys WHERE name = $1", n).rows() > 0) {
        throw usage_error("an API key named '" + name + "' exists already");
    }
    detail::PgParams p;
    p.add(name).add(to_string(role)).add(sha256_hex).add(utc_now());
    db_.query("INSERT INTO api_keys (name, role, sha256, created_at) VALUES ($1, $2, $3, $4)", p);
    tx.commit();
}

std::optional<KeyRole> PostgisBackend::key_role(const std::string& sha256_hex) {
    detail::PgParams p;
    p.add(sha256_hex);
    const detail::PgResult q = db_.query("SELECT role FROM api_keys WHERE sha256 = $1", p);
    if (q.rows() == 0) return std::nullopt;
    return parse_key_role(q.text(0, 0));
}

bool PostgisBackend::record_key_use(const std::string& sha256_hex, const std::string& day) {
    detail::PgParams p;
    p.add(day).add(sha256_hex);
    return db_.query("UPDATE api_keys SET last_used = $1 WHERE sha256 = $2 AND (last_used IS NULL OR last_used < $1)", p)
               .affected() == 1;
}

void PostgisBackend::add_land_use(const LocalLandUse& use) {
    detail::PgTransaction tx(db_);
    detail::PgParams c;
    c.add(use.code);
    if (db_.query("SELECT 1 FROM local_land_uses WHERE code = $1", c).rows() > 0) {
        throw usage_error("the land-use code '" + use.code + "' is already in the database's list");
    }
    detail::PgParams p;
    p.add(use.code).add(use.name).add(utc_now());
    db_.query("INSERT INTO local_land_uses (code, name, added_at) VALUES ($1, $2, $3)", p);
    tx.commit();
}

std::vector<LocalLandUse> PostgisBackend::local_land_uses() {
    const detail::PgResult q = db_.prepared("SELECT code, name, added_at FROM local_land_uses ORDER BY code");
    std::vector<LocalLandUse> uses;
    for (int r = 0; r < q.rows(); ++r) uses.push_back(LocalLandUse{q.text(r, 0), q.text(r, 1), q.text(r, 2)});
    return uses;
}

}  // namespace libland::store
