// The SpatiaLite side of the services' paged reads (see parcel_query.cpp). The SQL text is
// assembled from constant fragments, one per filter present; every value is bound. Box filters go
// through the R-tree spatial indexes.
#include "store/layer_geometry.hpp"
#include "store/meta_settings.hpp"
#include "store/spatialite_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/event_rows.hpp"
#include "store/filter_targets.hpp"

#include <libland/crs.hpp>
#include <libland/validate.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <stdexcept>

namespace libland::store {

namespace {

// Parameter numbers of the box filter: ?2 min_x, ?3 min_y, ?4 max_x, ?5 max_y.
std::string box_filter(const char* id_column, const char* index) {
    return std::string(" AND ") + id_column + " IN (SELECT pkid FROM " + index +
           " WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3)";
}

// The box filter of an event query. An event without a geometry of its own (an `added` event of
// an area's first survey) has no entry in the events' index: it is found through its children's
// entries in the parcel versions' index. An event with a geometry holds its children's parts, so
// the second branch finds no event that the first misses.
std::string event_box_filter() {
    return " AND e.event_id IN (SELECT pkid FROM idx_events_geometry"
           " WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3"
           " UNION SELECT ep.event_id FROM event_parcels ep WHERE ep.role = 'child' AND ep.version_id IN"
           " (SELECT pkid FROM idx_parcel_versions_geometry"
           " WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3))";
}

// The WKB of an event's area: its own geometry, or when it has none the collection of its
// children's geometries.
const char* const event_area_column =
    "coalesce(AsBinary(e.geometry), (SELECT AsBinary(Collect(v.geometry)) FROM event_parcels ep "
    "JOIN parcel_versions v USING (version_id) WHERE ep.event_id = e.event_id AND ep.role = 'child'))";

void bind_box(detail::Statement& q, const std::optional<Box>& box) {
    if (!box) return;
    q.bind(2, box->min_x).bind(3, box->min_y).bind(4, box->max_x).bind(5, box->max_y);
}

// The WHERE clause of a parcel query: ?1 date, ?2-?5 box, ?6 use, ?7 sheet, ?8 uid, ?11 key.
std::string parcel_filters(const ParcelQuery& query) {
    std::string where = " WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)";
    if (query.box) where += box_filter("version_id", "idx_parcel_versions_geometry");
    if (query.use) where += " AND use = ?6";
    if (query.sheet) {
        where += query.sheet->find('-') != std::string::npos
                     ? " AND sheet_key = ?7"
                     : " AND (sheet_key = ?7 OR substr(sheet_key, -length(?7) - 1) = '-' || ?7)";
    }
    if (query.uid) where += " AND uid = ?8";
    if (query.key) where += " AND key = ?11";
    return where;
}

void bind_parcel_filters(detail::Statement& q, const ParcelQuery& query) {
    q.bind(1, query.date);
    bind_box(q, query.box);
    if (query.use) q.bind(6, *query.use);
    if (query.sheet) q.bind(7, *query.sheet);
    if (query.uid) q.bind(8, *query.uid);
    if (query.key) q.bind(11, *query.key);
}

std::optional<Box> read_box(detail::Statement& q) {
    if (!q.step() || q.is_null(0)) return std::nullopt;
    return Box{q.real(0), q.real(1), q.real(2), q.real(3)};
}

// Returns the bounds of everything an R-tree of SpatiaLite (pkid, xmin, xmax, ymin, ymax) holds,
// read from its root node: the union of the root's cells, as SQLite keeps them (float32 rounded
// outward), so O(1) whatever the number of entries; nothing when it is empty. The node layout is
// SQLite's: 2 bytes of depth, 2 of cell count, then per cell an 8-byte rowid and four big-endian
// float32 coordinates.
std::optional<Box> rtree_bounds(detail::Database& db, const std::string& rtree) {
    detail::Statement q(db, ("SELECT data FROM \"" + rtree + "_node\" WHERE nodeno = 1").c_str());
    if (!q.step()) return std::nullopt;
    const std::string_view node = q.blob(0);
    const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(node[i])); };
    const auto coordinate = [&](std::size_t at) {
        const std::uint32_t bits = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
        return static_cast<double>(std::bit_cast<float>(bits));
    };
    constexpr std::size_t header = 4, cell = 8 + 4 * 4;
    if (node.size() < header) return std::nullopt;
    const std::size_t cells = byte(2) << 8 | byte(3);
    if (node.size() < header + cells * cell) throw input_error(db.path() + ": its spatial index " + rtree + " is damaged");
    std::optional<Box> bounds;
    for (std::size_t i = 0; i < cells; ++i) {
        const std::size_t at = header + i * cell + 8;
        const Box b{coordinate(at), coordinate(at + 8), coordinate(at + 4), coordinate(at + 12)};
        bounds = bounds ? Box{std::min(bounds->min_x, b.min_x), std::min(bounds->min_y, b.min_y),
                              std::max(bounds->max_x, b.max_x), std::max(bounds->max_y, b.max_y)}
                        : b;
    }
    return bounds;
}

bool within(const Box& inner, const Box& outer) noexcept {
    return inner.min_x >= outer.min_x && inner.min_y >= outer.min_y && inner.max_x <= outer.max_x &&
           inner.max_y <= outer.max_y;
}

}  // namespace

ParcelPage SpatialiteBackend::query_parcels(const ParcelQuery& query) {
    detail::ReadScope read(db_);
    ParcelPage page;
    page.snapshot.source = db_.path();
    page.snapshot.layer = "parcels";
    page.snapshot.crs = page.snapshot.source_crs = crs_;
    if (std::optional<Schema> schema = schema_at(query.date)) {
        page.snapshot.fields = std::move(schema->fields);
        page.snapshot.id_fields = std::move(schema->id_fields);
        page.snapshot.use_field = std::move(schema->use_field);
    }
    // The filter's parameters are numbered from ?20 on (after the fixed ones above).
    const query::Sql filter = query::compile(
        query.filter, parcel_target(parcel_queryables(page.snapshot.fields), srid_), 20);
    const std::string where = parcel_filters(query) + filter.where;
    const char* attributes = query.outlines_only ? "NULL" : "attributes";
    const std::string order = query.outlines_only ? "" : " ORDER BY " + filter.order + "key, version_id";
    detail::Statement rows(db_, ("SELECT version_id, uid, key, use, " + std::string(attributes) +
                                 ", AsBinary(geometry), valid_from, coalesce(valid_to, ''), commit_id, recorded_at, "
                                 "area_m2 FROM parcel_versions" + where + order + " LIMIT ?9 OFFSET ?10")
                                    .c_str());
    bind_parcel_filters(rows, query);
    filter.bind(rows);
    rows.bind(9, query.limit).bind(10, query.offset);
    while (rows.step()) {
        Parcel parcel;
        parcel.fid = rows.integer(0);
        parcel.key = rows.text(2);
        parcel.use = rows.text(3);
        if (!query.outlines_only) parcel.attributes = attributes_from_json(page.snapshot.fields, rows.text(4));
        if (!rows.is_null(5)) parcel.geometry = detail::from_wkb(rows.blob(5));
        parcel.source_type = "MULTIPOLYGON";
        page.versions.push_back(ParcelVersion{rows.integer(0), rows.integer(1), parcel.key, parcel.use,
                                              rows.text(6), rows.text(7), rows.integer(8), rows.text(9),
                                              rows.real(10), {}});
        page.snapshot.parcels.push_back(std::move(parcel));
    }
    const auto returned = static_cast<std::int64_t>(page.versions.size());
    if (returned < query.limit && (returned > 0 || query.offset == 0)) {
        page.matched = query.offset + returned;  // the last page: no need to count
    } else {
        detail::Statement count(db_, ("SELECT count(*) FROM parcel_versions" + where).c_str());
        bind_parcel_filters(count, query);
        filter.bind(count);
        page.matched = count.step() ? count.integer(0) : 0;
    }
    return page;
}

EventPage SpatialiteBackend::query_events(const EventQuery& query) {
    detail::ReadScope read(db_);
    // ?1 from, ?2-?5 box, ?6 to, ?7 id
    std::string where = " WHERE e.type <> 'resurveyed'";  // re-surveys are no changes
    if (!query.from.empty()) where += " AND e.valid_date >= ?1";
    if (query.box) where += event_box_filter();
    if (!query.to.empty()) where += " AND e.valid_date <= ?6";
    if (query.id) where += " AND e.event_id = ?7";
    const auto bind_filters = [&](detail::Statement& q) {
        if (!query.from.empty()) q.bind(1, query.from);
        bind_box(q, query.box);
        if (!query.to.empty()) q.bind(6, query.to);
        if (query.id) q.bind(7, *query.id);
    };
    EventPage page;
    detail::Statement count(db_, ("SELECT count(*) FROM events e" + where).c_str());
    bind_filters(count);
    page.matched = count.step() ? count.integer(0) : 0;

    detail::Statement rows(db_, ("SELECT " + event_columns + ", " + event_area_column + " FROM events e "
                                 "JOIN commits c USING (commit_id)" +
                                 where + " ORDER BY e.valid_date, e.event_id LIMIT ?8 OFFSET ?9")
                                    .c_str());
    bind_filters(rows);
    rows.bind(8, query.limit).bind(9, query.offset);
    detail::Statement members = event_parcels_statement(db_);
    while (rows.step()) {
        EventFeature feature;
        feature.event = read_event_head(rows);
        if (!rows.is_null(8)) feature.area = detail::from_wkb(rows.blob(8));
        read_event_parcels(members, feature.event);
        page.events.push_back(std::move(feature));
    }
    return page;
}

LayerPage SpatialiteBackend::query_layer(const std::string& name, const std::optional<Box>& box,
                                         std::optional<std::int64_t> id, std::int64_t limit, std::int64_t offset,
                                         const FeatureFilter& filter) {
    detail::ReadScope read(db_);
    // ?1 name, ?2-?5 box, ?6 id, the filter's from ?20 on
    const query::Sql filter_sql =
        filter.empty() ? query::Sql{} : query::compile(filter, layer_target(layer_properties(name), srid_), 20);
    std::string where = " FROM layer_features f JOIN layers l USING (layer_id) WHERE l.name = ?1";
    if (box) where += box_filter("f.feature_id", "idx_layer_features_geometry");
    if (id) where += " AND f.feature_id = ?6";
    where += filter_sql.where;
    const auto bind_filters = [&](detail::Statement& q) {
        q.bind(1, name);
        bind_box(q, box);
        if (id) q.bind(6, *id);
        filter_sql.bind(q);
    };
    LayerPage page;
    detail::Statement count(db_, ("SELECT count(*)" + where).c_str());
    bind_filters(count);
    page.matched = count.step() ? count.integer(0) : 0;
    detail::Statement rows(db_, ("SELECT f.feature_id, f.properties, AsBinary(f.geometry)" +
                                 where + " ORDER BY " + filter_sql.order + "f.feature_id LIMIT ?7 OFFSET ?8")
                                    .c_str());
    bind_filters(rows);
    rows.bind(7, limit).bind(8, offset);
    detail::GeosContext ctx;
    while (rows.step()) {
        page.features.push_back(
            LayerFeature{rows.integer(0), rows.text(1), rows.is_null(2) ? std::nullopt : layer_geometry(ctx, rows.blob(2))});
    }
    return page;
}

std::vector<Queryable> SpatialiteBackend::layer_properties(const std::string& name) {
    detail::ReadScope read(db_);
    const Stamp now = stamp();
    if (auto kept = layer_properties_.find(name); kept != layer_properties_.end() && kept->second.stamp == now) {
        return kept->second.properties;
    }
    // The types JSON gives the values of each property, over a sample of the layer's features.
    detail::Statement q(db_, "SELECT j.key, group_concat(DISTINCT j.type) FROM "
                             "(SELECT f.properties FROM layer_features f JOIN layers l USING (layer_id) "
                             "WHERE l.name = ? ORDER BY f.feature_id LIMIT 1000) s, json_each(s.properties) j "
                             "GROUP BY j.key ORDER BY min(j.id)");
    q.bind(1, name);
    std::vector<Queryable> out;
    while (q.step()) {
        const std::string types = q.text(1);
        const bool text = types.find("text") != std::string::npos;
        const bool real = types.find("real") != std::string::npos;
        const bool integer = types.find("integer") != std::string::npos;
        const FieldType type = text || !(real || integer) ? FieldType::string
                               : real                     ? FieldType::real
                                                          : FieldType::integer;
        out.push_back(Queryable{q.text(0), type, false});
    }
    if (layer_properties_.size() >= 64) layer_properties_.clear();  // names asked for are few
    layer_properties_[name] = LayerProperties{now, out};
    return out;
}

// Extents count only what lies in the working CRS's area of use: a version stored by an older
// program with a slipped decimal point (or a non-finite coordinate) would make the extent
// meaningless and impossible to show in longitude/latitude. versions_outside_crs_area() counts
// what is left out.
std::optional<Box> SpatialiteBackend::parcel_extent() {
    // Every version inside the area (the rule, bar poison): the index's root knows the extent.
    const std::optional<Box> all = rtree_bounds(db_, "idx_parcel_versions_geometry");
    if (!all || within(*all, crs_area())) return all;
    detail::Statement q(db_, "SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM idx_parcel_versions_geometry "
                             "WHERE xmin >= ?2 AND ymin >= ?3 AND xmax <= ?4 AND ymax <= ?5");
    bind_box(q, crs_area());
    return read_box(q);
}

std::int64_t SpatialiteBackend::versions_outside_crs_area() {
    const std::optional<Box> all = rtree_bounds(db_, "idx_parcel_versions_geometry");
    if (!all || within(*all, crs_area())) return 0;
    detail::Statement q(db_, "SELECT count(*) FROM idx_parcel_versions_geometry "
                             "WHERE NOT (xmin >= ?2 AND ymin >= ?3 AND xmax <= ?4 AND ymax <= ?5)");
    bind_box(q, crs_area());
    return q.step() ? q.integer(0) : 0;
}

std::optional<Box> SpatialiteBackend::layer_extent(const std::string& name) {
    detail::Statement q(db_,
                        "SELECT min(r.xmin), min(r.ymin), max(r.xmax), max(r.ymax) FROM idx_layer_features_geometry r "
                        "JOIN layer_features f ON f.feature_id = r.pkid JOIN layers l USING (layer_id) "
                        "WHERE l.name = ?1 AND r.xmin >= ?2 AND r.ymin >= ?3 AND r.xmax <= ?4 AND r.ymax <= ?5");
    bind_box(q, crs_area());
    q.bind(1, name);
    return read_box(q);
}

Box SpatialiteBackend::crs_area() {
    if (!crs_area_) crs_area_ = working_crs_area(crs_);
    return *crs_area_;
}

}  // namespace libland::store
