#include <libland/crs.hpp>

#include <libland/error.hpp>

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace libland {
namespace {

struct ContextDestroyer {
    void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDestroyer>;

struct PjDestroyer {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using PjPtr = std::unique_ptr<PJ, PjDestroyer>;

// Returns a context of its own whose errors go nowhere but proj_context_errno.
ContextPtr make_context() {
    ContextPtr ctx(proj_context_create());
    if (!ctx) {
        throw usage_error("cannot create a PROJ context");
    }
    proj_log_level(ctx.get(), PJ_LOG_NONE);
    return ctx;
}

std::string proj_message(PJ_CONTEXT* ctx) {
    const int code = proj_context_errno(ctx);
    const char* msg = code != 0 ? proj_context_errno_string(ctx, code) : nullptr;
    return msg != nullptr ? msg : "unknown CRS";
}

// Returns the CRS object for a user string ("EPSG:5897", WKT, PROJ string).
// Throws usage_error naming the string when PROJ does not know it.
PjPtr make_crs(PJ_CONTEXT* ctx, const std::string& crs) {
    PjPtr pj(proj_create(ctx, crs.c_str()));
    if (!pj) {
        throw usage_error("unknown CRS '" + crs + "': " + proj_message(ctx));
    }
    return pj;
}

}  // namespace

struct Transformer::Impl {
    ContextPtr ctx;
    PjPtr pj;
};

namespace {

// Returns the transformation PROJ chooses from one CRS to another, in the axis order of
// visualisation (easting or longitude first). REQUIRES: ctx is the caller's own context.
PjPtr choose_transformation(PJ_CONTEXT* ctx, const std::string& from, const std::string& to) {
    const PjPtr source = make_crs(ctx, from);
    const PjPtr target = make_crs(ctx, to);
    PjPtr raw(proj_create_crs_to_crs_from_pj(ctx, source.get(), target.get(), nullptr, nullptr));
    if (!raw) {
        throw usage_error("no transformation from " + from + " to " + to + ": " + proj_message(ctx));
    }
    PjPtr chosen(proj_normalize_for_visualization(ctx, raw.get()));
    if (!chosen) {
        throw usage_error("no transformation from " + from + " to " + to + ": " + proj_message(ctx));
    }
    return chosen;
}

// The transformations chosen so far, each in a context of its own, for the life of the process.
// Choosing one searches PROJ's database (tens of milliseconds); cloning a chosen one into a new
// context takes about half a millisecond (PROJ opens its database for the new context), so each
// pair of CRSs is chosen once whatever the number of threads.
class ChosenTransformations {
public:
    // Returns a copy of the transformation from `from` to `to`, owned by `ctx`.
    PjPtr clone(PJ_CONTEXT* ctx, const std::string& from, const std::string& to) {
        const std::lock_guard lock(mutex_);
        auto found = chosen_.find({from, to});
        if (found == chosen_.end()) {
            Prototype prototype{make_context(), nullptr};
            prototype.pj = choose_transformation(prototype.ctx.get(), from, to);
            found = chosen_.emplace(std::pair{from, to}, std::move(prototype)).first;
        }
        PjPtr copy(proj_clone(ctx, found->second.pj.get()));
        if (!copy) return choose_transformation(ctx, from, to);  // an operation PROJ cannot clone
        return copy;
    }

private:
    struct Prototype {
        ContextPtr ctx;
        PjPtr pj;  // destroyed before its context (reverse member order)
    };
    std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, Prototype> chosen_;
};

ChosenTransformations& chosen_transformations() {
    static ChosenTransformations* chosen = new ChosenTransformations;  // never destroyed: used until exit
    return *chosen;
}

}  // namespace

Transformer::Transformer(const std::string& from, const std::string& to)
    : impl_(std::make_unique<Impl>()) {
    impl_->ctx = make_context();
    impl_->pj = chosen_transformations().clone(impl_->ctx.get(), from, to);
}

Transformer::~Transformer() = default;  // Impl destroys pj before ctx (reverse member order)
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

Point Transformer::operator()(Point p) const {
    std::vector<Point> one{p};
    apply(one);
    return one.front();
}

void Transformer::apply(std::vector<Point>& points) const {
    if (points.empty()) {
        return;
    }
    const std::size_t stride = sizeof(Point);
    const std::size_t n = points.size();
    proj_errno_reset(impl_->pj.get());
    proj_trans_generic(impl_->pj.get(), PJ_FWD, &points[0].x, stride, n, &points[0].y, stride, n,
                       nullptr, 0, 0, nullptr, 0, 0);
    for (const Point& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            throw geometry_error("a point cannot be transformed: " +
                                 std::string(proj_errno_string(proj_errno(impl_->pj.get()))));
        }
    }
}

void Transformer::apply(MultiPolygon& geometry) const {
    for (Polygon& polygon : geometry) {
        for (Ring& ring : polygon.rings) {
            apply(ring);
        }
    }
}

void Transformer::apply(FeatureGeometry& geometry) const {
    for (auto& part : geometry.parts) {
        for (std::vector<Point>& path : part) apply(path);
    }
    for (FeatureGeometry& member : geometry.members) apply(member);
}

bool is_geographic(const std::string& crs) {
    const ContextPtr ctx = make_context();
    const PjPtr pj = make_crs(ctx.get(), crs);
    PJ_TYPE type = proj_get_type(pj.get());
    if (type == PJ_TYPE_BOUND_CRS) {
        const PjPtr base(proj_get_source_crs(ctx.get(), pj.get()));
        type = base ? proj_get_type(base.get()) : type;
    }
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
           type == PJ_TYPE_GEOGRAPHIC_CRS;
}

std::string normalise_crs(const std::string& crs) {
    if (crs.empty()) {
        return crs;
    }
    const ContextPtr ctx = make_context();
    PjPtr pj(proj_create(ctx.get(), crs.c_str()));
    if (!pj) {
        return crs;
    }
    if (const char* auth = proj_get_id_auth_name(pj.get(), 0); auth != nullptr) {
        const char* code = proj_get_id_code(pj.get(), 0);
        return std::string(auth) + ":" + (code != nullptr ? code : "");
    }
    // PROJ rates a match 100 (equivalent), 90 (equivalent but for a name or axis order), 70 or
    // less (similar): only the first two are the same CRS.
    int* confidence = nullptr;
    PJ_OBJ_LIST* matches = proj_identify(ctx.get(), pj.get(), "EPSG", nullptr, &confidence);
    std::string result = crs;
    if (matches != nullptr && proj_list_get_count(matches) > 0 && confidence[0] >= 90) {
        const PjPtr best(proj_list_get(ctx.get(), matches, 0));
        const char* code = best ? proj_get_id_code(best.get(), 0) : nullptr;
        if (code != nullptr) {
            result = std::string("EPSG:") + code;
        }
    }
    proj_int_list_destroy(confidence);
    proj_list_destroy(matches);
    return result;
}

std::optional<Box> area_of_use(const std::string& crs, double margin_degrees) {
    const ContextPtr ctx = make_context();
    const PjPtr pj = make_crs(ctx.get(), crs);
    double west = 0, south = 0, east = 0, north = 0;
    if (proj_get_area_of_use(ctx.get(), pj.get(), &west, &south, &east, &north, nullptr) == 0 || west < -180 ||
        west > east) {
        return std::nullopt;  // no area recorded, or one across the antimeridian: nothing to check against
    }
    west = std::max(-180.0, west - margin_degrees);
    east = std::min(180.0, east + margin_degrees);
    south = std::max(-90.0, south - margin_degrees);
    north = std::min(90.0, north + margin_degrees);
    PjPtr raw(proj_create_crs_to_crs(ctx.get(), "OGC:CRS84", crs.c_str(), nullptr));
    if (!raw) return std::nullopt;
    const PjPtr to_crs(proj_normalize_for_visualization(ctx.get(), raw.get()));
    if (!to_crs) return std::nullopt;
    Box box;
    if (proj_trans_bounds(ctx.get(), to_crs.get(), PJ_FWD, west, south, east, north, &box.min_x, &box.min_y,
                          &box.max_x, &box.max_y, 21) == 0 ||
        !std::isfinite(box.min_x) || !std::isfinite(box.max_x) || !std::isfinite(box.min_y) ||
        !std::isfinite(box.max_y)) {
        return std::nullopt;
    }
    return box;
}

std::string utm_zone_for(Point lon_lat) {
    int zone = static_cast<int>(std::floor((lon_lat.x + 180.0) / 6.0)) + 1;
    zone = zone < 1 ? 1 : (zone > 60 ? 60 : zone);
    const int base = lon_lat.y >= 0 ? 32600 : 32700;
    return "EPSG:" + std::to_string(base + zone);
}

}  // namespace libland
