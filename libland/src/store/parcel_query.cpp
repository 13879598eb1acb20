// Paged reads for services (the HTTP service's collections): parcels valid on a date with
// filters and a count, single parcels as of a date, change events with their area, published
// layer features, and extents. The SQL lives in the backend (spatialite_query.cpp).
#include "store/filter_targets.hpp"
#include "store/store_impl.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <algorithm>

namespace libland {

namespace {

void check_page(std::int64_t limit, std::int64_t offset) {
    if (limit < 0 || offset < 0) {
        throw usage_error("a page needs a limit and an offset of at least 0");
    }
}

// Returns the working-CRS bounds of a longitude/latitude box: its edges are sampled, since a
// meridian or parallel is curved on the projected map.
Box projected_bounds(const Box& lon_lat, const std::string& crs) {
    const Transformer to_crs("EPSG:4326", crs);
    Box out{1e300, 1e300, -1e300, -1e300};
    constexpr int steps = 8;
    for (int i = 0; i <= steps; ++i) {
        const double fx = lon_lat.min_x + (lon_lat.max_x - lon_lat.min_x) * i / steps;
        const double fy = lon_lat.min_y + (lon_lat.max_y - lon_lat.min_y) * i / steps;
        for (Point corner : {Point{fx, lon_lat.min_y}, Point{fx, lon_lat.max_y}, Point{lon_lat.min_x, fy},
                             Point{lon_lat.max_x, fy}}) {
            const Point p = to_crs(corner);
            out = Box{std::min(out.min_x, p.x), std::min(out.min_y, p.y), std::max(out.max_x, p.x),
                      std::max(out.max_y, p.y)};
        }
    }
    return out;
}

}  // namespace

std::vector<LayerFeature> Store::layer_features(const std::string& name, const std::optional<Box>& lon_lat_box,
                                                std::int64_t limit, std::int64_t offset) {
    const std::optional<Box> box = lon_lat_box ? std::optional(projected_bounds(*lon_lat_box, crs())) : std::nullopt;
    return impl_->backend->layer_features(name, box, limit, offset);
}

ParcelPage Store::query_parcels(const ParcelQuery& query) {
    store::check_date(query.date);
    check_page(query.limit, query.offset);
    return impl_->backend->query_parcels(query);
}

ParcelPage Store::parcel_at(const std::string& parcel, const std::string& date) {
    store::check_date(date);
    ParcelQuery query;
    query.date = date;
    query.key = parcel;
    query.limit = 1;
    ParcelPage by_key = impl_->backend->query_parcels(query);
    if (!by_key.snapshot.parcels.empty()) return by_key;
    const std::optional<std::int64_t> uid = impl_->backend->find_uid(parcel);
    if (!uid) return by_key;
    query.key.reset();
    query.uid = *uid;
    return impl_->backend->query_parcels(query);
}

EventPage Store::query_events(const EventQuery& query) {
    if (!query.from.empty()) store::check_date(query.from);
    if (!query.to.empty()) store::check_date(query.to);
    check_page(query.limit, query.offset);
    return impl_->backend->query_events(query);
}

LayerPage Store::query_layer(const std::string& name, const std::optional<Box>& lon_lat_box,
                             std::optional<std::int64_t> id, std::int64_t limit, std::int64_t offset,
                             const FeatureFilter& filter) {
    check_page(limit, offset);
    std::optional<Box> box;
    if (lon_lat_box) box = projected_bounds(*lon_lat_box, crs());
    return impl_->backend->query_layer(name, box, id, limit, offset, filter);
}

std::vector<Queryable> Store::parcel_queryables(const std::string& date) {
    store::check_date(date);
    const std::optional<store::Schema> schema = impl_->backend->schema_at(date);
    std::vector<Queryable> out = store::parcel_queryables(schema ? schema->fields : std::vector<Field>{});
    const PrivateFields hidden = private_fields();
    for (Queryable& q : out) q.is_private = hidden.is_private(q.name);
    return out;
}

std::vector<Queryable> Store::layer_queryables(const std::string& name) {
    std::vector<Queryable> out = impl_->backend->layer_properties(name);
    const PrivateFields hidden = private_fields();
    for (Queryable& q : out) q.is_private = hidden.is_private(q.name);
    return out;
}

std::string Store::first_date() { return impl_->backend->first_date(); }

std::string Store::last_date() { return impl_->backend->last_date(); }

std::optional<Box> Store::parcel_extent() { return impl_->backend->parcel_extent(); }

std::int64_t Store::versions_outside_crs_area() { return impl_->backend->versions_outside_crs_area(); }

void Store::limit_page_cache(std::size_t bytes) { impl_->backend->limit_page_cache(bytes); }

std::optional<Box> Store::layer_extent(const std::string& name) { return impl_->backend->layer_extent(name); }

}  // namespace libland
