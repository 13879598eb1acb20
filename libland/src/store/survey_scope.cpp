#include "store/survey_scope.hpp"

#include "detail/geos_ops.hpp"
#include "detail/box_index.hpp"
#include "diff/significance.hpp"
#include "store/numbering.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace libland::store {

namespace {

// Returns the commune of a key ("14362" of "14362-12-345"), or "" for a key of one part.
std::string commune_of(const std::string& key) {
    const auto dash = key.find('-');
    return dash == std::string::npos ? std::string() : key.substr(0, dash);
}

// Returns the state's parcels for which keep[i], parallel vectors kept.
State keep_only(State map, const std::vector<bool>& keep) {
    State kept;
    std::vector<Parcel> parcels = std::move(map.snapshot.parcels);
    kept.snapshot = std::move(map.snapshot);
    kept.snapshot.parcels.clear();
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        if (!keep[i]) continue;
        kept.snapshot.parcels.push_back(std::move(parcels[i]));
        kept.versions.push_back(map.versions[i]);
        kept.uids.push_back(map.uids[i]);
        kept.valid_to.push_back(std::move(map.valid_to[i]));
    }
    return kept;
}

// The survey's parcels indexed by bounding box, with GEOS geometries made once.
class SurveyIndex {
public:
    SurveyIndex(detail::GeosContext& ctx, const Snapshot& survey) : ctx_(ctx), survey_(survey) {
        std::vector<Box> boxes;
        std::vector<std::uint32_t> ids;
        for (std::size_t i = 0; i < survey.parcels.size(); ++i) {
            if (survey.parcels[i].geometry.empty()) continue;
            boxes.push_back(bounds(survey.parcels[i].geometry));
            ids.push_back(static_cast<std::uint32_t>(i));
        }
        areas_.resize(survey.parcels.size());
        for (std::size_t i = 0; i < survey.parcels.size(); ++i) areas_[i] = area(survey.parcels[i].geometry);
        index_.emplace(boxes, ids);
    }

    struct Cover {
        double area = 0;           // of the parcel covered by survey parcels
        bool significant = false;  // one of the overlaps links it to a survey parcel
    };

    // Returns how the survey's parcels cover the stored parcel.
    Cover cover(const Parcel& parcel, double tolerance) {
        Cover c;
        if (parcel.geometry.empty()) return c;
        found_.clear();
        index_->query(bounds(parcel.geometry), found_);
        if (found_.empty()) return c;
        const auto h = ctx_.handle();
        const detail::GeomPtr stored = detail::to_geos(ctx_, parcel.geometry);
        const double stored_area = area(parcel.geometry);
        for (const std::uint32_t k : found_) {
            const Parcel& shown = survey_.parcels[k];
            const detail::GeomPtr g = detail::to_geos(ctx_, shown.geometry);
            const detail::GeomPtr common = detail::overlay(ctx_, stored.get(), g.get(), detail::OverlayOp::intersection,
                                                           [&] { return "stored parcel " + parcel.key + " and surveyed parcel " + shown.key; });
            const double shared = detail::area_of(ctx_, common.get());
            if (shared <= 0) continue;
            double perimeter = 0;
            if (GEOSLength_r(h, common.get(), &perimeter) == 0) ctx_.fail("cannot measure an overlap of parcel " + parcel.key);
            c.area += shared;
            c.significant = c.significant ||
                            change_detection::significant_overlap(shared, perimeter, stored_area, areas_[k], tolerance);
        }
        return c;
    }

private:
    detail::GeosContext& ctx_;
    const Snapshot& survey_;
    std::optional<detail::BoxIndex> index_;
    std::vector<double> areas_;
    std::vector<std::uint32_t> found_;
};

}  // namespace

Scope sheet_scope(State map, const Snapshot& survey, double tolerance) {
    std::set<std::string> sheets;
    for (const Parcel& p : survey.parcels) sheets.insert(split_key(p.key).sheet_key);
    const std::size_t n = map.snapshot.parcels.size();
    std::vector<bool> keep(n, false);
    detail::GeosContext ctx;
    SurveyIndex shown(ctx, survey);
    std::map<std::string, double> sheet_area, sheet_covered;
    std::vector<std::string> sheet_of(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Parcel& p = map.snapshot.parcels[i];
        sheet_of[i] = split_key(p.key).sheet_key;
        if (sheets.count(sheet_of[i]) != 0) {
            keep[i] = true;
            continue;
        }
        sheet_area[sheet_of[i]] += area(p.geometry);
        const SurveyIndex::Cover c = shown.cover(p, tolerance);
        sheet_covered[sheet_of[i]] += c.area;
        keep[i] = c.significant;
    }
    std::set<std::string> whole;  // stored sheets the survey covers by more than half
    for (const auto& [sheet, covered] : sheet_covered) {
        if (covered > sheet_area[sheet] / 2) whole.insert(sheet);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (whole.count(sheet_of[i]) != 0) keep[i] = true;
        if (keep[i]) sheets.insert(sheet_of[i]);
    }
    Scope scope;
    scope.map = keep_only(std::move(map), keep);
    scope.sheets.assign(sheets.begin(), sheets.end());
    return scope;
}

Scope commune_scope(State map, const Snapshot& survey) {
    std::set<std::string> communes;
    for (const Parcel& p : survey.parcels) communes.insert(commune_of(p.key));
    Scope scope;
    scope.communes.assign(communes.begin(), communes.end());
    if (communes.count(std::string()) != 0) {
        scope.map = std::move(map);
        return scope;
    }
    std::vector<bool> keep(map.snapshot.parcels.size());
    for (std::size_t i = 0; i < keep.size(); ++i) keep[i] = communes.count(commune_of(map.snapshot.parcels[i].key)) != 0;
    scope.map = keep_only(std::move(map), keep);
    return scope;
}

}  // namespace libland::store
