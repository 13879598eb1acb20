// The PostGIS side of the services' paged reads (see parcel_query.cpp). The SQL text is assembled
// from constant fragments, one per filter present; every value is bound, numbered in the order
// the fragments are added. Box filters use the GiST indexes (&&).
#include "store/postgis_backend.hpp"

#include "detail/wkb.hpp"
#include "store/attributes_json.hpp"
#include "store/event_rows.hpp"
#include "store/layer_geometry.hpp"
#include "store/filter_targets.hpp"

namespace libland::store {

namespace {

// Parameters numbered as they are added: each call returns the "$N" to write into the SQL.
class Bound {
public:
    template <class T>
    std::string operator()(const T& value) {
        params.add(value);
        return "$" + std::to_string(params.size());
    }
    // Appends a compiled filter's values (compiled with first_filter() as its first number): all,
    // or those of its WHERE fragment only (for a count, which has no ORDER BY).
    void add_filter(const query::Sql& sql, bool with_order = true) {
        const std::size_t n = with_order ? sql.parameters.size() : sql.where_parameters;
        for (std::size_t i = 0; i < n; ++i) {
            const query::Parameter& p = sql.parameters[i];
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, query::Blob>) params.add_bytes(v.bytes);
                    else params.add(v);
                },
                p);
        }
    }
    [[nodiscard]] int first_filter() const { return static_cast<int>(params.size()) + 1; }

    detail::PgParams params;
};

// "geometry && box" with the box's corners bound.
std::string envelope(Bound& bound, const std::string& column, const Box& box, int srid) {
    return column + " && ST_MakeEnvelope(" + bound(box.min_x) + ", " + bound(box.min_y) + ", " + bound(box.max_x) +
           ", " + bound(box.max_y) + ", " + bound(srid) + ")";
}

std::optional<Box> read_box(const detail::PgResult& q) {
    if (q.rows() == 0 || q.is_null(0, 0)) return std::nullopt;
    return Box{q.real(0, 0), q.real(0, 1), q.real(0, 2), q.real(0, 3)};
}

}  // namespace

ParcelPage PostgisBackend::query_parcels(const ParcelQuery& query) {
    detail::PgReadScope read(db_);
    ParcelPage page;
    page.snapshot.source = db_.display();
    page.snapshot.layer = "parcels";
    page.snapshot.crs = page.snapshot.source_crs = crs_;
    const auto take_schema = [&page](std::optional<Schema> schema) {
        if (!schema) return;
        page.snapshot.fields = std::move(schema->fields);
        page.snapshot.id_fields = std::move(schema->id_fields);
        page.snapshot.use_field = std::move(schema->use_field);
    };
    // A filter is compiled against the schema's fields: read it first. Without one, the schema
    // travels with the page's statement (one round trip).
    const bool schema_first = !query.filter.empty();
    if (schema_first) take_schema(schema_at(query.date));
    Bound bound;
    const std::string date = bound(query.date);
    std::string where = " WHERE valid_from <= " + date + " AND (valid_to IS NULL OR valid_to > " + date + ")";
    if (query.box) where += " AND " + envelope(bound, "geometry", *query.box, srid_);
    if (query.use) where += " AND use = " + bound(*query.use);
    if (query.sheet) {
        const std::string sheet = bound(*query.sheet);
        where += query.sheet->find('-') != std::string::npos
                     ? " AND sheet_key = " + sheet
                     : " AND (sheet_key = " + sheet + " OR right(sheet_key, length(" + sheet + ") + 1) = '-' || " +
                           sheet + ")";
    }
    if (query.uid) where += " AND uid = " + bound(*query.uid);
    if (query.key) where += " AND key = " + bound(*query.key);
    const query::Sql filter = query::compile(
        query.filter, parcel_target(parcel_queryables(page.snapshot.fields), srid_, query::Dialect::postgis),
        bound.first_filter());
    Bound counted = bound;
    counted.add_filter(filter, false);
    bound.add_filter(filter);
    where += filter.where;
    // Outlines only: no attributes read, no order to sort into (as SpatiaLite).
    const std::string attributes = query.outlines_only ? "NULL" : "attributes";
    const std::string order = query.outlines_only ? "" : " ORDER BY " + filter.order + "key, version_id";
    const std::string sql = "SELECT version_id, uid, key, use, " + attributes + ", ST_AsBinary(geometry), valid_from, "
                            "coalesce(valid_to, ''), commit_id, recorded_at, area_m2 FROM parcel_versions" +
                            where + order + " LIMIT " + bound(query.limit) + " OFFSET " + bound(query.offset);
    std::optional<Schema> schema;
    const detail::PgResult rows =
        schema_first ? db_.query(sql, bound.params) : query_with_schema(sql, bound.params, query.date, schema);
    if (!schema_first) take_schema(std::move(schema));
    for (int r = 0; r < rows.rows(); ++r) {
        Parcel parcel;
        parcel.fid = rows.integer(r, 0);
        parcel.key = rows.text(r, 2);
        parcel.use = rows.text(r, 3);
        if (!query.outlines_only) parcel.attributes = attributes_from_json(page.snapshot.fields, rows.text(r, 4));
        if (!rows.is_null(r, 5)) parcel.geometry = detail::from_wkb(rows.bytes(r, 5));
        parcel.source_type = "MULTIPOLYGON";
        page.versions.push_back(ParcelVersion{rows.integer(r, 0), rows.integer(r, 1), parcel.key, parcel.use,
                                              rows.text(r, 6), rows.text(r, 7), rows.integer(r, 8), rows.text(r, 9),
                                              rows.real(r, 10), {}});
        page.snapshot.parcels.push_back(std::move(parcel));
    }
    const auto returned = static_cast<std::int64_t>(page.versions.size());
    if (returned < query.limit && (returned > 0 || query.offset == 0)) {
        page.matched = query.offset + returned;  // the last page: no need to count
    } else {
        page.matched = db_.query("SELECT count(*) FROM parcel_versions" + where, counted.params).integer(0, 0);
    }
    return page;
}

EventPage PostgisBackend::query_events(const EventQuery& query) {
    detail::PgReadScope read(db_);
    Bound bound;
    std::string where = " WHERE e.type <> 'resurveyed'";  // re-surveys are no changes
    if (!query.from.empty()) where += " AND e.valid_date >= " + bound(query.from);
    if (query.box) {
        // An event without a geometry of its own (an `added` event of an area's first survey) is
        // found through its children's geometries.
        where += " AND (" + envelope(bound, "e.geometry", *query.box, srid_) +
                 " OR e.event_id IN (SELECT ep.event_id FROM event_parcels ep JOIN parcel_versions v USING (version_id) "
                 "WHERE ep.role = 'child' AND " + envelope(bound, "v.geometry", *query.box, srid_) + "))";
    }
    if (!query.to.empty()) where += " AND e.valid_date <= " + bound(query.to);
    if (query.id) where += " AND e.event_id = " + bound(*query.id);
    EventPage page;
    page.matched = db_.query("SELECT count(*) FROM events e" + where, bound.params).integer(0, 0);
    // The event's area: its own geometry, or when it has none its children's polygons.
    const std::string area =
        "ST_AsBinary(coalesce(e.geometry, (SELECT ST_Multi(ST_Collect(d.geom ORDER BY v.version_id, d.path)) "
        "FROM event_parcels ep JOIN parcel_versions v USING (version_id), ST_Dump(v.geometry) d "
        "WHERE ep.event_id = e.event_id AND ep.role = 'child')))";
    const std::string sql = "SELECT " + event_columns + ", " + area + " FROM events e JOIN commits c USING (commit_id)" +
                            where + " ORDER BY e.valid_date, e.event_id LIMIT " + bound(query.limit) + " OFFSET " +
                            bound(query.offset);
    const detail::PgResult rows = db_.query(sql, bound.params);
    for (int r = 0; r < rows.rows(); ++r) {
        EventFeature feature;
        feature.event = read_event_head(detail::PgRow(rows, r));
        if (!rows.is_null(r, 8)) feature.area = detail::from_wkb(rows.bytes(r, 8));
        detail::PgParams id;
        id.add(feature.event.id);
        const detail::PgResult members = db_.query("SELECT ep.role, " + version_columns +
                                                       " FROM event_parcels ep JOIN parcel_versions v USING (version_id) "
                                                       "WHERE ep.event_id = $1 ORDER BY v.key, v.version_id",
                                                   id);
        for (int m = 0; m < members.rows(); ++m) {
            (members.text(m, 0) == "parent" ? feature.event.parents : feature.event.children)
                .push_back(read_version(detail::PgRow(members, m), 1));
        }
        describe_attribute_changes(feature.event);
        page.events.push_back(std::move(feature));
    }
    return page;
}

LayerPage PostgisBackend::query_layer(const std::string& name, const std::optional<Box>& box,
                                      std::optional<std::int64_t> id, std::int64_t limit, std::int64_t offset,
                                      const FeatureFilter& filter) {
    detail::PgReadScope read(db_);
    const std::vector<Queryable> properties = filter.empty() ? std::vector<Queryable>{} : layer_properties(name);
    Bound bound;
    std::string where = " FROM layer_features f JOIN layers l USING (layer_id) WHERE l.name = " + bound(name);
    if (box) where += " AND " + envelope(bound, "f.geometry", *box, srid_);
    if (id) where += " AND f.feature_id = " + bound(*id);
    const query::Sql filter_sql =
        filter.empty() ? query::Sql{}
                       : query::compile(filter, layer_target(properties, srid_, query::Dialect::postgis),
                                        bound.first_filter());
    Bound counted = bound;
    counted.add_filter(filter_sql, false);
    bound.add_filter(filter_sql);
    where += filter_sql.where;
    LayerPage page;
    page.matched = db_.query("SELECT count(*)" + where, counted.params).integer(0, 0);
    const detail::PgResult rows =
        db_.query("SELECT f.feature_id, f.properties, ST_AsBinary(f.geometry)" + where +
                      " ORDER BY " + filter_sql.order + "f.feature_id LIMIT " + bound(limit) + " OFFSET " + bound(offset),
                  bound.params);
    detail::GeosContext ctx;
    for (int r = 0; r < rows.rows(); ++r) {
        page.features.push_back(LayerFeature{rows.integer(r, 0), rows.text(r, 1),
                                             rows.is_null(r, 2) ? std::nullopt : layer_geometry(ctx, rows.bytes(r, 2))});
    }
    return page;
}

std::vector<Queryable> PostgisBackend::layer_properties(const std::string& name) {
    // The types JSON gives the values of each property, over a sample of the layer's features
    // (a number without a fraction or exponent is an integer, as SQLite's JSON tells).
    detail::PgParams p;
    p.add(name);
    const detail::PgResult q = db_.query(
        "SELECT j.key, bool_or(json_typeof(j.value) = 'string'), "
        "bool_or(json_typeof(j.value) = 'number' AND j.value::text !~ '^-?[0-9]+$'), "
        "bool_or(json_typeof(j.value) = 'number' AND j.value::text ~ '^-?[0-9]+$') FROM "
        "(SELECT f.properties FROM layer_features f JOIN layers l USING (layer_id) "
        "WHERE l.name = $1 ORDER BY f.feature_id LIMIT 1000) s, json_each(s.properties::json) WITH ORDINALITY j "
        "GROUP BY j.key ORDER BY min(j.ordinality), j.key",
        p);
    std::vector<Queryable> out;
    for (int r = 0; r < q.rows(); ++r) {
        const bool text = q.text(r, 1) == "t", real = q.text(r, 2) == "t", integer = q.text(r, 3) == "t";
        const FieldType type = text || !(real || integer) ? FieldType::string
                               : real                     ? FieldType::real
                                                          : FieldType::integer;
        out.push_back(Queryable{q.text(r, 0), type, false});
    }
    return out;
}

// Extents count only what lies in the working CRS's area of use (see spatialite_query.cpp).
std::optional<Box> PostgisBackend::parcel_extent() {
    Bound bound;
    const std::string inside = "geometry @ ST_MakeEnvelope(" + bound(crs_area().min_x) + ", " + bound(crs_area().min_y) +
                               ", " + bound(crs_area().max_x) + ", " + bound(crs_area().max_y) + ", " + bound(srid_) + ")";
    return read_box(db_.query("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                              "(SELECT ST_Extent(geometry) AS e FROM parcel_versions WHERE " + inside + ") s",
                              bound.params));
}

std::int64_t PostgisBackend::versions_outside_crs_area() {
    Bound bound;
    const std::string inside = "geometry @ ST_MakeEnvelope(" + bound(crs_area().min_x) + ", " + bound(crs_area().min_y) +
                               ", " + bound(crs_area().max_x) + ", " + bound(crs_area().max_y) + ", " + bound(srid_) + ")";
    return db_.query("SELECT count(*) FROM parcel_versions WHERE NOT (" + inside + ")", bound.params).integer(0, 0);
}

std::optional<Box> PostgisBackend::layer_extent(const std::string& name) {
    Bound bound;
    const std::string layer = bound(name);
    const std::string inside = "f.geometry @ ST_MakeEnvelope(" + bound(crs_area().min_x) + ", " +
                               bound(crs_area().min_y) + ", " + bound(crs_area().max_x) + ", " +
                               bound(crs_area().max_y) + ", " + bound(srid_) + ")";
    return read_box(db_.query("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                              "(SELECT ST_Extent(f.geometry) AS e FROM layer_features f JOIN layers l USING (layer_id) "
                              "WHERE l.name = " + layer + " AND " + inside + ") s",
                              bound.params));
}

}  // namespace libland::store
