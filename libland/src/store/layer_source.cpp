// Reading a published layer's features from a GIS file into the working CRS (see layer_source.hpp).
#include "store/layer_source.hpp"

#include "detail/gdal.hpp"
#include "detail/geos.hpp"
#include "io/source_crs.hpp"
#include "io/utf8.hpp"

#include <libland/error.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace libland::store {

namespace {

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

std::int64_t read_layer_features(const std::string& file, const std::string& source_layer, int srid,
                                 const std::function<void(const LayerRow&)>& add) {
    detail::DatasetPtr ds = detail::open_vector(file);
    detail::QuietGdal quiet;
    OGRLayerH layer = pick_layer(ds.get(), file, source_layer);
    // The engine readers' CRS plan: the layer's CRS into the working one (none declared: in it).
    const io::CrsPlan crs = io::plan_crs(layer, "EPSG:" + std::to_string(srid), file);
    detail::GeosContext ctx;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::int64_t count = 0;
    OGR_L_ResetReading(layer);
    LayerRow row;
    while (detail::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        row.properties_json = properties_of(file, feature.get(), defn).dump();
        row.wkb.clear();
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (geometry != nullptr && !OGR_G_IsEmpty(geometry)) {
            OGR_G_FlattenTo2D(geometry);
            row.wkb.assign(static_cast<std::size_t>(OGR_G_WkbSize(geometry)), '\0');
            OGR_G_ExportToWkb(geometry, wkbNDR, reinterpret_cast<unsigned char*>(row.wkb.data()));
            if (crs.transform) {
                try {
                    auto source = detail::from_wkb(ctx, row.wkb);
                    if (!source) throw geometry_error(ctx.take_error());
                    const detail::GeomPtr moved = detail::transformed(ctx, source->get(), *crs.transform);
                    row.wkb = detail::to_wkb(ctx, moved.get());
                } catch (const geometry_error& e) {
                    throw input_error(file + ": feature " + std::to_string(OGR_F_GetFID(feature.get())) +
                                      " cannot be reprojected: " + e.what());
                }
            }
        }
        add(row);
        ++count;
    }
    return count;
}

}  // namespace libland::store
