// Published extra layers (tourism sites, planning zones) and the HTTP service's API keys.
#include "store/spatialite_backend.hpp"
#include "store/utc_clock.hpp"

#include "store/layer_geometry.hpp"
#include "store/layer_source.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <algorithm>

namespace libland::store {

std::int64_t SpatialiteBackend::load_layer(const std::string& file, const std::string& name,
                                           const std::string& source_layer) {
    detail::Transaction tx(db_);
    (void)drop_layer(name);  // a layer loaded again replaces the old one
    detail::Statement add(db_, "INSERT INTO layers (name, source, loaded_at) VALUES (?, ?, ?)");
    add.bind(1, name).bind(2, file).bind(3, utc_now()).run();
    const std::int64_t layer_id = db_.last_insert_id();
    detail::Statement insert(db_, "INSERT INTO layer_features (layer_id, properties, geometry) "
                                  "VALUES (?, ?, GeomFromWKB(?, ?))");
    const std::int64_t count = read_layer_features(file, source_layer, srid_, [&](const LayerRow& row) {
        insert.bind(1, layer_id).bind(2, row.properties_json);
        if (!row.wkb.empty()) insert.bind_blob(3, row.wkb).bind(4, srid_);
        insert.run();
    });
    tx.commit();
    return count;
}

std::vector<LayerInfo> SpatialiteBackend::layers() {
    detail::Statement q(db_,
                        "SELECT l.name, l.source, count(f.feature_id) FROM layers l "
                        "LEFT JOIN layer_features f USING (layer_id) GROUP BY l.layer_id ORDER BY l.name");
    std::vector<LayerInfo> out;
    while (q.step()) out.push_back(LayerInfo{q.text(0), q.text(1), q.integer(2)});
    return out;
}

std::vector<LayerFeature> SpatialiteBackend::layer_features(const std::string& name,
                                                            const std::optional<Box>& box,
                                                            std::int64_t limit, std::int64_t offset) {
    const Box b = box.value_or(Box{});
    detail::Statement q(db_,
                        "SELECT f.feature_id, f.properties, AsBinary(f.geometry) "
                        "FROM layer_features f JOIN layers l USING (layer_id) WHERE l.name = ?1 "
                        "AND (?2 = 0 OR f.feature_id IN (SELECT pkid FROM idx_layer_features_geometry "
                        "WHERE xmin <= ?5 AND xmax >= ?3 AND ymin <= ?6 AND ymax >= ?4)) "
                        "ORDER BY f.feature_id LIMIT ?7 OFFSET ?8");
    q.bind(1, name).bind(2, box ? 1 : 0).bind(3, b.min_x).bind(4, b.min_y);
    q.bind(5, b.max_x).bind(6, b.max_y).bind(7, limit).bind(8, offset);
    std::vector<LayerFeature> out;
    detail::GeosContext ctx;
    while (q.step()) {
        out.push_back(LayerFeature{q.integer(0), q.text(1), q.is_null(2) ? std::nullopt : layer_geometry(ctx, q.blob(2))});
    }
    return out;
}

void SpatialiteBackend::add_key(const std::string& name, KeyRole role, const std::string& sha256_hex) {
    detail::Transaction tx(db_);
    detail::Statement taken(db_, "SELECT 1 FROM api_keys WHERE name = ?");
    taken.bind(1, name);
    if (taken.step()) throw usage_error("an API key named '" + name + "' exists already");
    detail::Statement add(db_, "INSERT INTO api_keys (name, role, sha256, created_at) VALUES (?, ?, ?, ?)");
    add.bind(1, name).bind(2, to_string(role)).bind(3, sha256_hex).bind(4, utc_now()).run();
    tx.commit();
}

std::optional<KeyRole> SpatialiteBackend::key_role(const std::string& sha256_hex) {
    detail::Statement q(db_, "SELECT role FROM api_keys WHERE sha256 = ?");
    q.bind(1, sha256_hex);
    if (!q.step()) return std::nullopt;
    return parse_key_role(q.text(0));
}

bool SpatialiteBackend::drop_layer(const std::string& name) {
    detail::Statement drop(db_,
                           "DELETE FROM layer_features WHERE layer_id IN (SELECT layer_id FROM layers WHERE name = ?)");
    drop.bind(1, name).run();
    detail::Statement forget(db_, "DELETE FROM layers WHERE name = ?");
    forget.bind(1, name).run();
    return db_.changes() == 1;
}

}  // namespace libland::store
