// Published extra layers in PostGIS (features read by layer_source.cpp, stored as given).
#include "store/postgis_backend.hpp"

#include "store/layer_geometry.hpp"
#include "store/layer_source.hpp"
#include "store/utc_clock.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <algorithm>

namespace libland::store {

std::int64_t PostgisBackend::load_layer(const std::string& file, const std::string& name,
                                        const std::string& source_layer) {
    detail::PgTransaction tx(db_);
    (void)drop_layer(name);  // a layer loaded again replaces the old one
    detail::PgParams add;
    add.add(name).add(file).add(utc_now());
    const std::int64_t layer_id =
        db_.query("INSERT INTO layers (name, source, loaded_at) VALUES ($1, $2, $3) RETURNING layer_id", add)
            .integer(0, 0);
    const std::int64_t count = read_layer_features(file, source_layer, srid_, [&](const LayerRow& row) {
        detail::PgParams p;
        p.add(layer_id).add(row.properties_json);
        if (row.wkb.empty()) p.add_null();
        else p.add_bytes(row.wkb);
        p.add(srid_);
        db_.query("INSERT INTO layer_features (layer_id, properties, geometry) VALUES ($1, $2, ST_GeomFromWKB($3, $4))",
                  p);
    });
    tx.commit();
    return count;
}

std::vector<LayerInfo> PostgisBackend::layers() {
    const detail::PgResult q = db_.query("SELECT l.name, l.source, count(f.feature_id) FROM layers l "
                                         "LEFT JOIN layer_features f USING (layer_id) GROUP BY l.layer_id ORDER BY l.name");
    std::vector<LayerInfo> out;
    for (int r = 0; r < q.rows(); ++r) out.push_back(LayerInfo{q.text(r, 0), q.text(r, 1), q.integer(r, 2)});
    return out;
}

std::vector<LayerFeature> PostgisBackend::layer_features(const std::string& name,
                                                         const std::optional<Box>& box, std::int64_t limit,
                                                         std::int64_t offset) {
    const Box b = box.value_or(Box{});
    detail::PgParams p;
    p.add(name).add(box ? 1 : 0).add(b.min_x).add(b.min_y).add(b.max_x).add(b.max_y);
    p.add(limit).add(offset).add(srid_);
    const detail::PgResult q = db_.query(
        "SELECT f.feature_id, f.properties, ST_AsBinary(f.geometry) "
        "FROM layer_features f JOIN layers l USING (layer_id) WHERE l.name = $1 "
        "AND ($2 = 0 OR f.geometry && ST_MakeEnvelope($3, $4, $5, $6, $9)) "
        "ORDER BY f.feature_id LIMIT $7 OFFSET $8",
        p);
    std::vector<LayerFeature> out;
    detail::GeosContext ctx;
    for (int r = 0; r < q.rows(); ++r) {
        out.push_back(LayerFeature{q.integer(r, 0), q.text(r, 1),
                                   q.is_null(r, 2) ? std::nullopt : layer_geometry(ctx, q.bytes(r, 2))});
    }
    return out;
}

bool PostgisBackend::drop_layer(const std::string& name) {
    detail::PgParams p;
    p.add(name);
    db_.query("DELETE FROM layer_features WHERE layer_id IN (SELECT layer_id FROM layers WHERE name = $1)", p);
    return db_.query("DELETE FROM layers WHERE name = $1", p).affected() == 1;
}

void PostgisBackend::remove_layer(const std::string& name) {
    detail::PgTransaction tx(db_);
    if (!drop_layer(name)) throw usage_error("no published layer named '" + name + "' (land layer list shows them)");
    tx.commit();
}

}  // namespace libland::store
