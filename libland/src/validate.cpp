// validate(): runs the checks of src/validate/ in turn and orders their findings.
#include <libland/validate.hpp>

#include "validate/checks.hpp"
#include "detail/geos_ops.hpp"

#include <algorithm>
#include <cstdio>

namespace libland {

namespace validation {

std::vector<Finding> FindingList::take_ordered() {
    std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
        if (a.finding.severity != b.finding.severity) return a.finding.severity == Severity::error;
        return a.order < b.order;
    });
    std::vector<Finding> out;
    out.reserve(items_.size());
    for (Item& item : items_) out.push_back(std::move(item.finding));
    items_.clear();
    return out;
}

bool has_empty_part(std::string_view key) noexcept {
    return key.empty() || key.front() == '-' || key.back() == '-' || key.find("--") != std::string_view::npos;
}

std::string parcel_label(const Parcel& parcel) {
    return has_empty_part(parcel.key) ? "FID " + std::to_string(parcel.fid) : parcel.key;
}

std::string join_labels(const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += (i + 1 == labels.size()) ? " and " : ", ";
        out += labels[i];
    }
    return out;
}

std::string_view trimmed(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string quantity(double value, const char* unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f %s", value, unit);
    return buf;
}

std::string format_point(Point p) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "(%.3f, %.3f)", p.x, p.y);
    return buf;
}

bool parcel_anchor(detail::GeosContext& ctx, const ParcelShapes& shapes, std::size_t parcel, Point& out) {
    if (parcel >= shapes.usable.size() || !shapes.usable[parcel]) {
        return false;
    }
    out = point_on_surface(ctx, shapes.usable[parcel].get());
    return true;
}

}  // namespace validation

std::vector<Finding> validate(const Snapshot& snapshot, const ValidateOptions& options) {
    detail::GeosContext ctx;
    validation::FindingList findings;
    validation::ParcelShapes shapes;
    validation::check_geometry(ctx, snapshot, shapes, findings);
    validation::check_crs(snapshot, shapes, options, findings);
    validation::check_identity(ctx, snapshot, shapes, findings);
    if (!options.errors_only) validation::check_land_use(ctx, snapshot, shapes, findings);
    validation::check_overlaps(ctx, snapshot, shapes, options, findings);
    if (!options.errors_only) validation::check_gaps(ctx, snapshot, shapes, options, findings);
    return findings.take_ordered();
}

const char* to_string(FindingCode code) noexcept {
    switch (code) {
        case FindingCode::invalid_geometry: return "invalid_geometry";
        case FindingCode::empty_geometry: return "empty_geometry";
        case FindingCode::non_polygonal: return "non_polygonal";
        case FindingCode::missing_id: return "missing_id";
        case FindingCode::duplicate_id: return "duplicate_id";
        case FindingCode::overlap: return "overlap";
        case FindingCode::swapped_axes: return "swapped_axes";
        case FindingCode::missing_crs: return "missing_crs";
        case FindingCode::geographic_crs: return "geographic_crs";
        case FindingCode::unknown_use: return "unknown_use";
        case FindingCode::sliver_gap: return "sliver_gap";
        case FindingCode::outside_crs_area: return "outside_crs_area";
        case FindingCode::ambiguous_key: return "ambiguous_key";
    }
    return "invalid_geometry";
}

std::size_t count_errors(const std::vector<Finding>& findings) noexcept {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; }));
}

const char* to_string(Severity severity) noexcept {
    return severity == Severity::error ? "error" : "warning";
}

}  // namespace libland
