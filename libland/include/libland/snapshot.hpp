#pragma once
// A cadastral snapshot: every parcel of one survey layer, in one projected working CRS.
#include <libland/attribute.hpp>
#include <libland/geometry.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace libland {

struct Parcel {
    std::string key;                // the id fields' values joined by '-', e.g. "14362-12-345"
    std::string use;                // land-use code as recorded; "" when missing
    std::vector<Value> attributes;  // one per Snapshot::fields, in that order
    MultiPolygon geometry;          // in Snapshot::crs; empty when the source had none usable
    std::string source_type;        // the source geometry's type, e.g. "POLYGON", "LINESTRING"; "" if null
    std::int64_t fid = -1;          // the feature id in the source, for messages
};

struct Snapshot {
    std::string source;              // the path it was read from
    std::string layer;               // the layer it was read from
    std::string crs;                 // working CRS, "EPSG:5897" where it has a code, else WKT
    std::string source_crs;          // CRS declared by the source; "" when it declares none
    bool source_geographic = false;  // the source was in longitude/latitude and was projected
    std::vector<Field> fields;       // every attribute field of the source layer, in order
    std::vector<std::string> id_fields;
    std::string use_field;
    std::vector<Parcel> parcels;
    std::vector<std::string> notes;  // what reading did that a user should know (reprojection,
                                     // Z dropped, curves linearised, encoding), one line each

    // Returns the index of the named field in fields, or -1.
    [[nodiscard]] int field_index(const std::string& name) const noexcept;
};

}  // namespace libland
