#pragma once
// Turning a layer's features into parcels: geometry, values, key and land use. Private.
#include <libland/crs.hpp>
#include <libland/snapshot.hpp>

#include "detail/gdal.hpp"
#include "io/encoding.hpp"
#include "io/ogr_geometry.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace libland::io {

// What a FeatureReader needs besides the snapshot it fills.
struct FeatureRules {
    std::vector<int> id_columns;  // indices in Snapshot::fields; empty: key from the FID
    int use_column = -1;          // index in Snapshot::fields; -1: no land use
    bool outlines_only = false;   // DXF: keep closed outlines, skip every other entity
    int dxf_layer_column = -1;    // DXF: the `Layer` field, to count outlines per DXF layer
};

// Appends one parcel per feature to a snapshot and counts what a user should be told.
// REQUIRES: snapshot.fields, source, layer, crs and source_crs are set.
class FeatureReader {
public:
    FeatureReader(Snapshot& snapshot, const TextDecoder& decoder, const std::optional<Transformer>& transform,
                  FeatureRules rules);

    // Adds the feature as a parcel (or skips it, for outlines_only). Throws input_error naming the
    // feature when its coordinates cannot be reprojected.
    void read(OGRFeatureH feature);

    // Adds a parcel read by other means: fid, source_type, geometry (in the source CRS) and
    // attributes set; reprojects it and sets key and use. Throws as read() does.
    void add(Parcel parcel);

    // Converts an OGR geometry (null allowed) into the parcel's geometry and source_type,
    // counting what was dropped or linearised.
    void set_geometry(Parcel& parcel, OGRGeometryH geometry);

    // Returns the number of features skipped (outlines_only).
    [[nodiscard]] std::size_t skipped() const noexcept { return skipped_open_ + skipped_other_; }

    // Appends to snapshot.notes what reading did: Z dropped, curves linearised, DXF lines taken or
    // skipped, text that looks mis-decoded (`encoding`: the one used, "" none).
    void add_notes(const std::string& encoding) const;

private:
    // Reprojects, sets key and use, appends to the snapshot.
    void finish(Parcel parcel);
    void reproject(Parcel& parcel) const;
    [[nodiscard]] std::string make_key(const Parcel& parcel) const;
    void inspect_text(const Parcel& parcel);

    Snapshot& snapshot_;
    const TextDecoder& decoder_;
    const std::optional<Transformer>& transform_;
    FeatureRules rules_;
    GeometryTally tally_;
    MojibakeCounter mojibake_;
    std::size_t skipped_open_ = 0;   // lines that do not close
    std::size_t skipped_other_ = 0;  // texts, points, ...
    std::map<std::string, std::size_t> outlines_by_dxf_layer_;
};

}  // namespace libland::io
