// The parcel versions' and layer features' properties as SQL columns for filters.
#include "store/filter_targets.hpp"

namespace libland::store {

namespace {

// The JSON path of a member named `name` (the name quoted, so that dots and spaces stay in it).
std::string json_path(const std::string& name) {
    std::string path = "$.\"";
    for (char c : name) {
        if (c == '"' || c == '\\') path += '\\';
        path += c;
    }
    return path + "\"";
}

struct ParcelColumn {
    const char* name;
    const char* column;
    FieldType type;
};

constexpr ParcelColumn parcel_columns[] = {
    {"uid", "uid", FieldType::integer},          {"key", "key", FieldType::string},
    {"valid_from", "valid_from", FieldType::date}, {"valid_to", "valid_to", FieldType::date},
    {"version", "version_id", FieldType::integer}, {"commit", "commit_id", FieldType::integer},
};

// A member of a JSON text column as SQL of the dialect: SQLite's json_extract keeps the member's
// JSON type; in PostgreSQL the member's text is cast to the queryable's type (numbers compare as
// numbers, text byte by byte as in SQLite).
query::Column json_member(const std::string& column, const Queryable& q, query::Dialect dialect) {
    if (dialect == query::Dialect::spatialite) return query::Column{"json_extract(" + column + ", ", json_path(q.name), q.type};
    const bool numeric = q.type == FieldType::integer || q.type == FieldType::real;
    return query::Column{"(jsonb_extract_path_text(" + column + "::jsonb, ", q.name, q.type,
                         numeric ? ")::double precision)" : ") COLLATE \"C\")"};
}

}  // namespace

std::vector<Queryable> parcel_queryables(const std::vector<Field>& fields) {
    std::vector<Queryable> out;
    for (const Field& f : fields) out.push_back(Queryable{f.name, f.type, false});
    for (const ParcelColumn& c : parcel_columns) out.push_back(Queryable{c.name, c.type, false});
    return out;
}

query::Target parcel_target(std::vector<Queryable> queryables, int srid, query::Dialect dialect) {
    query::Target target;
    target.dialect = dialect;
    target.queryables = std::move(queryables);
    target.column = [dialect](const Queryable& q) {
        for (const ParcelColumn& c : parcel_columns) {
            if (q.name == c.name) return query::Column{c.column, std::nullopt, c.type};
        }
        return json_member("attributes", q, dialect);
    };
    target.id_column = "version_id";
    target.rtree = "idx_parcel_versions_geometry";
    target.geometry_column = "geometry";
    target.srid = srid;
    return target;
}

query::Target layer_target(std::vector<Queryable> queryables, int srid, query::Dialect dialect) {
    query::Target target;
    target.dialect = dialect;
    target.queryables = std::move(queryables);
    target.column = [dialect](const Queryable& q) { return json_member("f.properties", q, dialect); };
    target.id_column = "f.feature_id";
    target.rtree = "idx_layer_features_geometry";
    target.geometry_column = "f.geometry";
    target.srid = srid;
    return target;
}

}  // namespace libland::store
