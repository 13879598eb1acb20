#include "io/source_crs.hpp"

#include <libland/error.hpp>

#include <cpl_conv.h>

namespace libland::io {
namespace {

// Returns the layer's CRS as "EPSG:N" where it has a code, else as WKT2; "" when it has none.
std::string declared_crs(OGRLayerH layer) {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (srs == nullptr) {
        return {};
    }
    const char* auth = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (auth != nullptr && code != nullptr) {
        return normalise_crs(std::string(auth) + ":" + code);
    }
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(srs, &wkt, options) != OGRERR_NONE || wkt == nullptr) {
        CPLFree(wkt);
        return {};
    }
    std::string text(wkt);
    CPLFree(wkt);
    return normalise_crs(text);
}

// Returns how notes name a CRS: its code, else its name (a WKT is too long for a message).
std::string label(const std::string& crs, OGRLayerH layer) {
    if (crs.rfind("EPSG:", 0) == 0) return crs;
    const OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    const char* name = srs != nullptr ? OSRGetName(srs) : nullptr;
    return std::string("'") + (name != nullptr ? name : "unnamed CRS") + "'";
}

// Returns the UTM zone at the centre of a geographic layer's extent.
std::string utm_zone_of_layer(OGRLayerH layer, const std::string& path) {
    OGREnvelope extent;
    if (OGR_L_GetExtent(layer, &extent, TRUE) != OGRERR_NONE) {
        throw input_error(path + ": cannot compute the extent of layer " + OGR_L_GetName(layer));
    }
    return utm_zone_for({(extent.MinX + extent.MaxX) / 2, (extent.MinY + extent.MaxY) / 2});
}

}  // namespace

CrsPlan plan_crs(OGRLayerH layer, const std::string& requested, const std::string& path) {
    CrsPlan plan;
    plan.source_crs = declared_crs(layer);
    plan.source_geographic = !plan.source_crs.empty() && is_geographic(plan.source_crs);
    if (!requested.empty()) {
        if (is_geographic(requested)) {
            throw usage_error("working CRS " + requested +
                              " is geographic; choose a projected CRS such as EPSG:5897");
        }
        plan.working_crs = normalise_crs(requested);
        if (plan.source_crs.empty()) {
            plan.notes.push_back(path + " declares no CRS; taken to be " + plan.working_crs);
        }
    } else if (plan.source_geographic) {
        plan.working_crs = utm_zone_of_layer(layer, path);
        plan.notes.push_back("source CRS " + label(plan.source_crs, layer) + " is geographic; projected to " +
                             plan.working_crs + " (its UTM zone)");
    } else {
        plan.working_crs = plan.source_crs;
    }
    if (!plan.source_crs.empty() && plan.source_crs != plan.working_crs) {
        plan.transform.emplace(plan.source_crs, plan.working_crs);
        if (!plan.source_geographic || !requested.empty()) {
            plan.notes.push_back("reprojected from " + label(plan.source_crs, layer) + " to " + plan.working_crs);
        }
    }
    return plan;
}

}  // namespace libland::io
