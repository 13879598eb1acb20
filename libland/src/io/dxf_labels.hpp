#pragma once
// Keying closed outlines by the label points inside them, as a DXF cadastral sheet writes a
// parcel's number as a TEXT point within its outline. Private.
#include <libland/crs.hpp>
#include <libland/snapshot.hpp>

#include "detail/gdal.hpp"
#include "io/encoding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace libland::io {

// A label point: where it stands (in the snapshot's working CRS) and its text.
struct Label {
    Point at;
    std::string text;
};

// Which features of the layer are labels and where their text is.
struct LabelRules {
    std::string where;       // OGR attribute filter selecting the label points
    std::string text_field;  // the field holding the label's text
};

// Returns the point features of `layer` that `rules.where` selects, with non-empty text,
// reprojected by `transform` when set; other selected features are counted in snapshot.notes.
// Leaves the layer's attribute filter set to rules.where.
// REQUIRES: snapshot.fields, source, layer and crs are set.
// Throws input_error for a bad filter, a missing text field or a point that cannot be reprojected.
[[nodiscard]] std::vector<Label> read_labels(OGRLayerH layer, const LabelRules& rules, Snapshot& snapshot,
                                             const TextDecoder& decoder,
                                             const std::optional<Transformer>& transform);

// Gives every parcel whose outline contains a label the label's text as its key. A label inside
// nested outlines belongs to the smallest; an outline holding several labels takes the first read.
// Appends to snapshot.notes the outlines labelled, left unlabelled or labelled several times, and
// the labels inside no outline.
void key_by_labels(Snapshot& snapshot, const std::vector<Label>& labels);

}  // namespace libland::io
