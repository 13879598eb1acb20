#include "io/dxf_labels.hpp"

#include <libland/error.hpp>

#include "detail/geos.hpp"
#include "detail/box_index.hpp"

#include <cstddef>
#include <limits>
#include <optional>

namespace libland::io {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string where_in(const Snapshot& s) { return s.source + " layer " + s.layer; }

// Returns the label of a feature, or nothing when it is not a point or has no text.
std::optional<Label> label_of(OGRFeatureH feature, int text_column, const TextDecoder& decoder) {
    OGRGeometryH g = OGR_F_GetGeometryRef(feature);
    if (g == nullptr || wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint || OGR_G_IsEmpty(g)) {
        return std::nullopt;
    }
    Label label{{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)},
                trimmed(decoder.decode(OGR_F_GetFieldAsString(feature, text_column)))};
    if (label.text.empty()) return std::nullopt;
    return label;
}

void reproject(Label& label, const Transformer& transform, const Snapshot& s, GIntBig fid) {
    try {
        label.at = transform(label.at);
    } catch (const geometry_error& e) {
        throw input_error(where_in(s) + " label feature " + std::to_string(fid) + ": cannot reproject from " +
                          s.source_crs + " to " + s.crs + " (" + e.what() + ")");
    }
}

// The outline (index in snapshot.parcels) holding each label: the smallest that contains it.
class OutlineFinder {
public:
    explicit OutlineFinder(const Snapshot& s) : parcels_(s.parcels), index_(detail::BoxIndex::of(boxes(s), present(s))) {
        shapes_.resize(parcels_.size());
        prepared_.resize(parcels_.size());
    }

    // Returns the index of the smallest outline containing the point, or nothing.
    std::optional<std::size_t> find(Point p) {
        const detail::GeomPtr point = detail::own(
            ctx_, GEOSGeom_createPointFromXY_r(ctx_.handle(), p.x, p.y), "cannot make a label point");
        std::optional<std::size_t> best;
        double best_area = std::numeric_limits<double>::infinity();
        for (std::size_t i : index_.query(Box{p.x, p.y, p.x, p.y})) {
            if (GEOSPreparedContains_r(ctx_.handle(), prepared(i), point.get()) != 1) continue;
            const double a = area(parcels_[i].geometry);
            if (a < best_area) {
                best = i;
                best_area = a;
            }
        }
        return best;
    }

private:
    static std::vector<Box> boxes(const Snapshot& s) {
        std::vector<Box> out;
        for (const Parcel& p : s.parcels) out.push_back(p.geometry.empty() ? Box{} : bounds(p.geometry));
        return out;
    }
    static std::vector<bool> present(const Snapshot& s) {
        std::vector<bool> out;
        for (const Parcel& p : s.parcels) out.push_back(!p.geometry.empty());
        return out;
    }
    // Returns the outline prepared for point-in-polygon tests, preparing it on first use.
    const GEOSPreparedGeometry* prepared(std::size_t i) {
        if (!prepared_[i]) {
            shapes_[i] = detail::to_geos(ctx_, parcels_[i].geometry);
            prepared_[i] = detail::PreparedPtr(GEOSPrepare_r(ctx_.handle(), shapes_[i].get()),
                                               detail::PreparedDeleter{ctx_.handle()});
            if (!prepared_[i]) ctx_.fail("cannot prepare an outline");
        }
        return prepared_[i].get();
    }

    const std::vector<Parcel>& parcels_;
    detail::GeosContext ctx_;
    detail::BoxIndex index_;
    std::vector<detail::GeomPtr> shapes_;
    std::vector<detail::PreparedPtr> prepared_;
};

void add_note(Snapshot& s, std::size_t n, const std::string& what) {
    if (n > 0) s.notes.push_back(std::to_string(n) + " " + what);
}

}  // namespace

std::vector<Label> read_labels(OGRLayerH layer, const LabelRules& rules, Snapshot& snapshot,
                               const TextDecoder& decoder, const std::optional<Transformer>& transform) {
    const int text_column = snapshot.field_index(rules.text_field);
    if (text_column < 0) {
        throw input_error(where_in(snapshot) + ": no label text field '" + rules.text_field + "'");
    }
    if (OGR_L_SetAttributeFilter(layer, rules.where.c_str()) != OGRERR_NONE) {
        throw input_error(where_in(snapshot) + ": bad label filter '" + rules.where +
                          "': " + detail::gdal_error("not a valid attribute filter"));
    }
    std::vector<Label> labels;
    std::size_t unusable = 0;
    OGR_L_ResetReading(layer);
    while (detail::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        std::optional<Label> label = label_of(feature.get(), text_column, decoder);
        if (!label) {
            ++unusable;
            continue;
        }
        if (transform) reproject(*label, *transform, snapshot, OGR_F_GetFID(feature.get()));
        labels.push_back(std::move(*label));
    }
    if (labels.empty()) {
        snapshot.notes.push_back("no label points with text where " + rules.where + "; outlines keep their keys");
    }
    add_note(snapshot, unusable, "label feature(s) without a point or without text ignored");
    return labels;
}

void key_by_labels(Snapshot& snapshot, const std::vector<Label>& labels) {
    std::vector<std::vector<std::size_t>> held(snapshot.parcels.size());  // label indices, read order
    std::size_t outside = 0;
    {
        OutlineFinder finder(snapshot);
        for (std::size_t j = 0; j < labels.size(); ++j) {
            const std::optional<std::size_t> owner = finder.find(labels[j].at);
            if (owner) {
                held[*owner].push_back(j);
            } else {
                ++outside;
            }
        }
    }
    std::size_t labelled = 0, unlabelled = 0, several = 0;
    std::string example;  // the first outline holding several labels
    for (std::size_t i = 0; i < snapshot.parcels.size(); ++i) {
        Parcel& parcel = snapshot.parcels[i];
        if (held[i].empty()) {
            ++unlabelled;
            continue;
        }
        ++labelled;
        parcel.key = labels[held[i].front()].text;
        if (held[i].size() > 1 && several++ == 0) {
            example = " (e.g. feature " + std::to_string(parcel.fid) + ":";
            for (std::size_t j : held[i]) example += " '" + labels[j].text + "'";
            example += ")";
        }
    }
    add_note(snapshot, labelled, "outline(s) keyed by the label inside them");
    add_note(snapshot, unlabelled, std::string("outline(s) contain no label and keep their key from ") +
                                       (snapshot.id_fields.empty() ? "the feature id" : "the id fields"));
    add_note(snapshot, several, "outline(s) contain several labels and take the first" + example);
    add_note(snapshot, outside, "label(s) lie inside no outline");
}

}  // namespace libland::io
