#include "io/feature_reader.hpp"

#include <libland/error.hpp>

#include "io/ogr_fields.hpp"

namespace libland::io {

FeatureReader::FeatureReader(Snapshot& snapshot, const TextDecoder& decoder,
                             const std::optional<Transformer>& transform, FeatureRules rules)
    : snapshot_(snapshot), decoder_(decoder), transform_(transform), rules_(std::move(rules)) {}

void FeatureReader::set_geometry(Parcel& parcel, OGRGeometryH geometry) {
    if (geometry == nullptr) return;
    parcel.source_type = OGR_G_GetGeometryName(geometry);
    if (!append_polygons(geometry, parcel.geometry, tally_)) {
        parcel.geometry.clear();
    }
}

void FeatureReader::read(OGRFeatureH feature) {
    Parcel parcel;
    parcel.fid = OGR_F_GetFID(feature);
    const std::size_t open_lines_before = tally_.open_lines;
    set_geometry(parcel, OGR_F_GetGeometryRef(feature));
    if (rules_.outlines_only && parcel.geometry.empty()) {
        ++(tally_.open_lines > open_lines_before ? skipped_open_ : skipped_other_);
        return;
    }
    try {
        read_values(feature, snapshot_.fields, decoder_, parcel.attributes, &mojibake_);
    } catch (const input_error& e) {
        throw input_error(snapshot_.source + " layer " + snapshot_.layer + " feature " + std::to_string(parcel.fid) +
                          ": " + e.what());
    }
    finish(std::move(parcel));
}

void FeatureReader::add(Parcel parcel) {
    inspect_text(parcel);
    finish(std::move(parcel));
}

void FeatureReader::finish(Parcel parcel) {
    if (transform_ && !parcel.geometry.empty()) {
        reproject(parcel);
    }
    parcel.key = make_key(parcel);
    if (rules_.use_column >= 0) {
        parcel.use = to_string(parcel.attributes[static_cast<std::size_t>(rules_.use_column)]);
    }
    if (rules_.dxf_layer_column >= 0) {
        ++outlines_by_dxf_layer_[to_string(parcel.attributes[static_cast<std::size_t>(rules_.dxf_layer_column)])];
    }
    snapshot_.parcels.push_back(std::move(parcel));
}

void FeatureReader::inspect_text(const Parcel& parcel) {
    for (const Value& v : parcel.attributes) {
        if (const auto* text = std::get_if<std::string>(&v)) mojibake_.inspect(*text);
    }
}

void FeatureReader::reproject(Parcel& parcel) const {
    try {
        transform_->apply(parcel.geometry);
    } catch (const geometry_error& e) {
        throw input_error(snapshot_.source + " layer " + snapshot_.layer + " feature " +
                          std::to_string(parcel.fid) + ": cannot reproject from " + snapshot_.source_crs +
                          " to " + snapshot_.crs + " (" + e.what() + "); are the coordinates in the declared CRS?");
    }
}

std::string FeatureReader::make_key(const Parcel& parcel) const {
    if (rules_.id_columns.empty()) return std::to_string(parcel.fid);
    std::string key;
    for (std::size_t i = 0; i < rules_.id_columns.size(); ++i) {
        if (i > 0) key += '-';
        key += to_string(parcel.attributes[static_cast<std::size_t>(rules_.id_columns[i])]);
    }
    return key;
}

void FeatureReader::add_notes(const std::string& encoding) const {
    auto note = [&](std::size_t n, const std::string& what) {
        if (n > 0) snapshot_.notes.push_back(std::to_string(n) + " " + what);
    };
    note(tally_.z_dropped, "feature(s) had Z or M values, dropped");
    note(tally_.linearised, "feature(s) had curves, approximated by straight segments");
    if (rules_.outlines_only) {
        note(tally_.closed_lines, "closed line(s) taken as parcel outlines");
        note(skipped_open_, "line(s) that do not close skipped");
        note(skipped_other_, "other feature(s) (texts, points, ...) skipped");
    }
    if (outlines_by_dxf_layer_.size() > 1) {
        std::string counts;
        for (const auto& [layer, n] : outlines_by_dxf_layer_) {
            counts += (counts.empty() ? "" : ", ") + layer + " " + std::to_string(n);
        }
        snapshot_.notes.push_back("closed outlines on several DXF layers (" + counts +
                                  "); keep one with a filter such as Layer = '" +
                                  outlines_by_dxf_layer_.begin()->first + "'");
    }
    if (mojibake_.suspicious() > 0) {
        snapshot_.notes.push_back(std::to_string(mojibake_.suspicious()) + " of " +
                                  std::to_string(mojibake_.inspected()) + " text value(s) look mis-decoded" +
                                  (encoding.empty() ? "; try --encoding TCVN3, VNI or CP1258"
                                                    : " (read as " + encoding + "); check --encoding"));
    }
}

}  // namespace libland::io
