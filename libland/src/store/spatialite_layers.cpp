// Published extra layers (tourism sites, planning zones) and the HTTP service's API keys.
#include "store/spatialite_backend.hpp"
#include "store/utc_clock.hpp"

#include "detail/gdal.hpp"
#include "io/utf8.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace libland::store {

namespace {

struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH t) const noexcept { OCTDestroyCoordinateTransformation(t); }
};
using TransformPtr = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

// Returns the dataset's layer names joined by ", ".
std::string layer_names(GDALDatasetH ds) {
    std::string names;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        if (i > 0) names += ", ";
        names += OGR_L_GetName(GDALDatasetGetLayer(ds, i));
    }
    return names;
}

OGRLayerH pick_layer(GDALDatasetH ds, const std::string& file, const std::string& name) {
    if (!name.empty()) {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, name.c_str());
        if (layer == nullptr) throw input_error(file + ": no layer '" + name + "' (layers: " + layer_names(ds) + ")");
        return layer;
    }
    if (GDALDatasetGetLayerCount(ds) != 1) {
        throw input_error(file + " has " + std::to_string(GDALDatasetGetLayerCount(ds)) +
                          " layers; choose one with --layer: " + layer_names(ds));
    }
    return GDALDatasetGetLayer(ds, 0);
}

// Returns a transformation from the layer's CRS into the database's, or null when they agree or
// the layer declares none (then taken to be in the database's CRS).
TransformPtr to_database_crs(OGRLayerH layer, int srid) {
    OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer);
    if (source == nullptr) return nullptr;
    detail::SrsPtr target(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(target.get(), srid);
    OSRSetAxisMappingStrategy(target.get(), OAMS_TRADITIONAL_GIS_ORDER);
    if (OSRIsSame(source, target.get()) != 0) return nullptr;
    detail::SrsPtr source_copy(OSRClone(source));
    OSRSetAxisMappingStrategy(source_copy.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return TransformPtr(OCTNewCoordinateTransformation(source_copy.get(), target.get()));
}

// Refuses text that is not UTF-8, naming the feature and the field: a published layer has no
// --encoding, so its file must be UTF-8 (or a shapefile with a .cpg, which GDAL decodes).
void require_utf8(const std::string& file, OGRFeatureH feature, const char* field, std::string_view text) {
    if (const std::size_t bad = io::first_invalid_utf8(text); bad != std::string_view::npos) {
        throw input_error(file + ": feature " + std::to_string(OGR_F_GetFID(feature)) + " field " +
                          std::string(field).substr(0, 60) + ": text is not UTF-8 (" +
                          io::describe_invalid_utf8(text, bad) + "); convert the file to UTF-8 first");
    }
}

nlohmann::json properties_of(const std::string& file, OGRFeatureH feature, OGRFeatureDefnH defn) {
    nlohmann::json props = nlohmann::json::object();
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        const char* name = OGR_Fld_GetNameRef(field);
        require_utf8(file, feature, name, name);
        if (!OGR_F_IsFieldSetAndNotNull(feature, i)) {
            props[name] = nullptr;
            continue;
        }
        switch (OGR_Fld_GetType(field)) {
            case OFTInteger:
            case OFTInteger64: props[name] = OGR_F_GetFieldAsInteger64(feature, i); break;
            case OFTReal: props[name] = OGR_F_GetFieldAsDouble(feature, i); break;
            default: {
                const char* text = OGR_F_GetFieldAsString(feature, i);
                require_utf8(file, feature, name, text);
                props[name] = text;
                break;
            }
        }
    }
    return props;
}


}  // namespace

std::int64_t SpatialiteBackend::load_layer(const std::string& file, const std::string& name,
                                           const std::string& source_layer) {
    detail::DatasetPtr ds = detail::open_vector(file);
    detail::QuietGdal quiet;
    OGRLayerH layer = pick_layer(ds.get(), file, source_layer);
    TransformPtr transform = to_database_crs(layer, srid_);
    detail::Transaction tx(db_);
    (void)drop_layer(name);  // a layer loaded again replaces the old one
    detail::Statement add(db_, "INSERT INTO layers (name, source, loaded_at) VALUES (?, ?, ?)");
    add.bind(1, name).bind(2, file).bind(3, utc_now()).run();
    const std::int64_t layer_id = db_.last_insert_id();
    detail::Statement insert(db_, "INSERT INTO layer_features (layer_id, properties, geometry) "
                                  "VALUES (?, ?, GeomFromWKB(?, ?))");
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::int64_t count = 0;
    OGR_L_ResetReading(layer);
    while (detail::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        insert.bind(1, layer_id).bind(2, properties_of(file, feature.get(), defn).dump());
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (geometry != nullptr && !OGR_G_IsEmpty(geometry)) {
            OGR_G_FlattenTo2D(geometry);
            if (transform && OGR_G_Transform(geometry, transform.get()) != OGRERR_NONE) {
                throw input_error(file + ": feature " + std::to_string(OGR_F_GetFID(feature.get())) +
                                  " cannot be reprojected: " + detail::gdal_error("unknown reason"));
            }
            std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(geometry)), '\0');
            OGR_G_ExportToWkb(geometry, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()));
            insert.bind_blob(3, wkb).bind(4, srid_);
        }
        insert.run();
        ++count;
    }
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
                                                            const std::optional<Box>& lon_lat_box,
                                                            std::int64_t limit, std::int64_t offset) {
    Box box{-1e300, -1e300, 1e300, 1e300};
    if (lon_lat_box) {
        const Transformer to_db("EPSG:4326", crs_);
        const Box& b = *lon_lat_box;
        box = Box{1e300, 1e300, -1e300, -1e300};
        for (Point corner : {Point{b.min_x, b.min_y}, Point{b.min_x, b.max_y}, Point{b.max_x, b.min_y},
                             Point{b.max_x, b.max_y}}) {
            const Point p = to_db(corner);
            box = Box{std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
                      std::max(box.max_y, p.y)};
        }
    }
    detail::Statement q(db_,
                        "SELECT f.feature_id, f.properties, AsGeoJSON(Transform(f.geometry, 4326), 9) "
                        "FROM layer_features f JOIN layers l USING (layer_id) WHERE l.name = ?1 "
                        "AND (?2 = 0 OR f.feature_id IN (SELECT pkid FROM idx_layer_features_geometry "
                        "WHERE xmin <= ?5 AND xmax >= ?3 AND ymin <= ?6 AND ymax >= ?4)) "
                        "ORDER BY f.feature_id LIMIT ?7 OFFSET ?8");
    q.bind(1, name).bind(2, lon_lat_box ? 1 : 0).bind(3, box.min_x).bind(4, box.min_y);
    q.bind(5, box.max_x).bind(6, box.max_y).bind(7, limit).bind(8, offset);
    std::vector<LayerFeature> out;
    while (q.step()) out.push_back(LayerFeature{q.integer(0), q.text(1), q.is_null(2) ? "null" : q.text(2)});
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
