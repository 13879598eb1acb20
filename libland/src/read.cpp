#include <libland/read.hpp>

#include <libland/error.hpp>

#include "detail/gdal.hpp"
#include "io/dxf_labels.hpp"
#include "io/encoding.hpp"
#include "io/feature_reader.hpp"
#include "io/gpkg_reader.hpp"
#include "io/ogr_fields.hpp"
#include "io/source_crs.hpp"

#include <cpl_conv.h>

#include <string_view>

namespace libland {
namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

std::vector<std::string> layer_names(GDALDatasetH ds) {
    std::vector<std::string> names;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
    }
    return names;
}

// Returns the layer to read: the named one, else the only one. Throws input_error listing the
// layers when the name is unknown or when the file has several and none is named.
OGRLayerH choose_layer(GDALDatasetH ds, const std::string& path, const std::string& name) {
    const std::vector<std::string> names = layer_names(ds);
    if (names.empty()) {
        throw input_error(path + " has no vector layers");
    }
    if (name.empty()) {
        if (names.size() > 1) {
            throw input_error(path + " has " + std::to_string(names.size()) +
                              " layers; choose one with --layer: " + joined(names));
        }
        return GDALDatasetGetLayer(ds, 0);
    }
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, name.c_str());
    if (layer == nullptr) {
        throw input_error(path + " has no layer '" + name + "' (layers: " + joined(names) + ")");
    }
    return layer;
}

// Returns the index of a named field. Throws input_error naming it and listing the fields.
int required_field(const Snapshot& s, const std::string& name, const char* role) {
    const int index = s.field_index(name);
    if (index < 0) {
        std::vector<std::string> names;
        for (const Field& f : s.fields) names.push_back(f.name);
        throw input_error(s.source + " layer " + s.layer + ": no " + role + " field '" + name +
                          "' (fields: " + joined(names) + ")");
    }
    return index;
}

// While alive, the shapefile driver hands out the .dbf's bytes as they are (the caller decodes).
class RawShapefileText {
public:
    explicit RawShapefileText(bool active) : active_(active) {
        if (active_) CPLSetThreadLocalConfigOption("SHAPE_ENCODING", "");
    }
    ~RawShapefileText() {
        if (active_) CPLSetThreadLocalConfigOption("SHAPE_ENCODING", nullptr);
    }
    RawShapefileText(const RawShapefileText&) = delete;
    RawShapefileText& operator=(const RawShapefileText&) = delete;

private:
    bool active_;
};

void apply_filter(OGRLayerH layer, const std::string& where, const Snapshot& s) {
    if (where.empty()) return;
    if (OGR_L_SetAttributeFilter(layer, where.c_str()) != OGRERR_NONE) {
        throw input_error(s.source + " layer " + s.layer + ": bad filter '" + where +
                          "': " + detail::gdal_error("not a valid attribute filter"));
    }
}

std::string where_clause(const ReadOptions& options) {
    return options.where.empty() ? "" : " where " + options.where;
}

// Reads every feature of the (filtered) layer into the snapshot through `reader`.
void read_features(OGRLayerH layer, Snapshot& s, io::FeatureReader& reader) {
    OGR_L_ResetReading(layer);
    CPLErrorReset();
    while (detail::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        reader.read(feature.get());
    }
    if (CPLGetLastErrorType() == CE_Failure) {
        throw input_error(s.source + " layer " + s.layer + ": " + detail::gdal_error("read failed"));
    }
}

// Returns how features map to parcels. Throws input_error for a missing id or land-use field.
io::FeatureRules rules_for(const Snapshot& s, const ReadOptions& options, bool dxf) {
    io::FeatureRules rules;
    for (const std::string& name : options.id_fields) {
        rules.id_columns.push_back(required_field(s, name, "id"));
    }
    if (!options.use_field.empty()) {
        rules.use_column = required_field(s, options.use_field, "land-use");
    }
    rules.outlines_only = dxf;
    rules.dxf_layer_column = dxf && options.where.empty() ? s.field_index("Layer") : -1;
    return rules;
}

}  // namespace

Snapshot read_snapshot(const std::string& path, const ReadOptions& options) {
    // GDAL decodes a shapefile's .cpg itself, except where it would lose text.
    const std::string encoding =
        options.encoding.empty() ? io::encoding_to_decode_ourselves(path) : options.encoding;
    const io::TextDecoder decoder(encoding);
    const RawShapefileText raw_text(!decoder.passthrough());
    const detail::DatasetPtr ds = detail::open_vector(path);
    const detail::QuietGdal quiet;
    OGRLayerH layer = choose_layer(ds.get(), path, options.layer);

    Snapshot s;
    s.source = path;
    s.layer = OGR_L_GetName(layer);
    s.id_fields = options.id_fields;
    s.use_field = options.use_field;
    try {
        s.fields = io::read_fields(OGR_L_GetLayerDefn(layer), decoder);
    } catch (const input_error& e) {
        throw input_error(path + " layer " + s.layer + ": " + e.what());
    }
    apply_filter(layer, options.where, s);
    const GIntBig count = OGR_L_GetFeatureCount(layer, TRUE);
    if (count == 0) {
        throw input_error("layer " + s.layer + " of " + path + " has no features" + where_clause(options));
    }
    s.parcels.reserve(count > 0 ? static_cast<std::size_t>(count) : 0);
    const bool dxf = std::string_view(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get()))) == "DXF";
    io::FeatureRules rules = rules_for(s, options, dxf);

    io::CrsPlan plan = io::plan_crs(layer, options.crs, path);
    s.crs = plan.working_crs;
    s.source_crs = plan.source_crs;
    s.source_geographic = plan.source_geographic;
    s.notes = std::move(plan.notes);
    if (!options.encoding.empty()) {
        s.notes.push_back("text read as " + options.encoding);
    }
    io::FeatureReader reader(s, decoder, plan.transform, std::move(rules));
    const bool direct = options.where.empty() && decoder.passthrough() &&
                        io::read_gpkg_directly(ds.get(), layer, path, s.fields, reader);
    if (!direct) {
        read_features(layer, s, reader);
    }
    reader.add_notes(options.encoding);
    if (s.parcels.empty()) {  // only outlines_only (DXF) skips features
        throw input_error(path + " holds no closed parcel outlines" + where_clause(options));
    }
    if (!options.label_where.empty()) {
        const io::LabelRules label_rules{options.label_where, options.label_field};
        io::key_by_labels(s, io::read_labels(layer, label_rules, s, decoder, plan.transform));
    }
    return s;
}

std::vector<std::string> list_layers(const std::string& path) {
    const detail::DatasetPtr ds = detail::open_vector(path);
    return layer_names(ds.get());
}

}  // namespace libland
