#include <libland/read.hpp>

#include <libland/error.hpp>

#include "detail/gdal.hpp"
#include "io/encoding.hpp"
#include "io/ogr_fields.hpp"
#include "io/ogr_geometry.hpp"
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

// Everything the feature loop needs, and what it counted.
struct FeatureReader {
    Snapshot& snapshot;
    const io::TextDecoder& decoder;
    const std::optional<Transformer>& transform;
    std::vector<int> id_columns;
    int use_column = -1;
    bool outlines_only = false;  // DXF: keep closed outlines, skip every other entity
    io::GeometryTally tally;
    io::MojibakeCounter mojibake;
    std::size_t skipped_open = 0;   // DXF features skipped: lines that do not close
    std::size_t skipped_other = 0;  // DXF features skipped: texts, points, ...

    void read(OGRFeatureH feature) {
        Parcel parcel;
        parcel.fid = OGR_F_GetFID(feature);
        const std::size_t open_lines_before = tally.open_lines;
        if (OGRGeometryH g = OGR_F_GetGeometryRef(feature); g != nullptr) {
            parcel.source_type = OGR_G_GetGeometryName(g);
            if (!io::append_polygons(g, parcel.geometry, tally)) {
                parcel.geometry.clear();
            }
        }
        if (outlines_only && parcel.geometry.empty()) {
            ++(tally.open_lines > open_lines_before ? skipped_open : skipped_other);
            return;
        }
        if (transform && !parcel.geometry.empty()) {
            reproject(parcel);
        }
        io::read_values(feature, snapshot.fields, decoder, parcel.attributes, &mojibake);
        parcel.key = make_key(parcel);
        if (use_column >= 0) {
            parcel.use = to_string(parcel.attributes[static_cast<std::size_t>(use_column)]);
        }
        snapshot.parcels.push_back(std::move(parcel));
    }

    void reproject(Parcel& parcel) const {
        try {
            transform->apply(parcel.geometry);
        } catch (const geometry_error& e) {
            throw input_error(snapshot.source + " layer " + snapshot.layer + " feature " +
                              std::to_string(parcel.fid) + ": cannot reproject from " +
                              snapshot.source_crs + " to " + snapshot.crs + " (" + e.what() +
                              "); are the coordinates in the declared CRS?");
        }
    }

    [[nodiscard]] std::string make_key(const Parcel& parcel) const {
        if (id_columns.empty()) return std::to_string(parcel.fid);
        std::string key;
        for (std::size_t i = 0; i < id_columns.size(); ++i) {
            if (i > 0) key += '-';
            key += to_string(parcel.attributes[static_cast<std::size_t>(id_columns[i])]);
        }
        return key;
    }

    // Appends to snapshot.notes what the loop did that a user should know.
    void add_notes(const std::string& encoding) const {
        auto note = [&](std::size_t n, const std::string& what) {
            if (n > 0) snapshot.notes.push_back(std::to_string(n) + " " + what);
        };
        note(tally.z_dropped, "feature(s) had Z or M values, dropped");
        note(tally.linearised, "feature(s) had curves, approximated by straight segments");
        if (outlines_only) {
            note(tally.closed_lines, "closed line(s) taken as parcel outlines");
            note(skipped_open, "line(s) that do not close skipped");
            note(skipped_other, "other feature(s) (texts, points, ...) skipped");
        }
        if (mojibake.suspicious() > 0) {
            snapshot.notes.push_back(
                std::to_string(mojibake.suspicious()) + " of " + std::to_string(mojibake.inspected()) +
                " text value(s) look mis-decoded" +
                (encoding.empty() ? "; try --encoding TCVN3, VNI or CP1258"
                                  : " (read as " + encoding + "); check --encoding"));
        }
    }
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

void read_features(OGRLayerH layer, FeatureReader& reader) {
    const GIntBig count = OGR_L_GetFeatureCount(layer, FALSE);
    if (count > 0) reader.snapshot.parcels.reserve(static_cast<std::size_t>(count));
    OGR_L_ResetReading(layer);
    CPLErrorReset();
    while (detail::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        reader.read(feature.get());
    }
    if (CPLGetLastErrorType() == CE_Failure) {
        const Snapshot& s = reader.snapshot;
        throw input_error(s.source + " layer " + s.layer + ": " + detail::gdal_error("read failed"));
    }
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
    s.fields = io::read_fields(OGR_L_GetLayerDefn(layer), decoder);
    apply_filter(layer, options.where, s);
    if (OGR_L_GetFeatureCount(layer, TRUE) == 0) {
        throw input_error("layer " + s.layer + " of " + path + " has no features" + where_clause(options));
    }
    io::CrsPlan plan = io::plan_crs(layer, options.crs, path);
    s.crs = plan.working_crs;
    s.source_crs = plan.source_crs;
    s.source_geographic = plan.source_geographic;
    s.notes = std::move(plan.notes);

    const bool dxf = std::string_view(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get()))) == "DXF";
    FeatureReader reader{s, decoder, plan.transform, {}, -1, dxf, {}, {}, 0, 0};
    for (const std::string& name : options.id_fields) {
        reader.id_columns.push_back(required_field(s, name, "id"));
    }
    if (!options.use_field.empty()) {
        reader.use_column = required_field(s, options.use_field, "land-use");
    }
    if (!options.encoding.empty()) {
        s.notes.push_back("text read as " + options.encoding);
    }
    read_features(layer, reader);
    reader.add_notes(options.encoding);
    if (s.parcels.empty()) {  // only DXF skips features
        throw input_error(path + " holds no closed parcel outlines" + where_clause(options));
    }
    return s;
}

std::vector<std::string> list_layers(const std::string& path) {
    const detail::DatasetPtr ds = detail::open_vector(path);
    return layer_names(ds.get());
}

}  // namespace libland
