#pragma once
// Turning a FeatureFilter into SQL for the SpatiaLite backend: a WHERE fragment and an ORDER BY
// whose values are all bound parameters (?N from a first number on), never spliced text. The
// properties a filter may name come from the collection (its queryables) and are mapped to
// column expressions by the backend. Private.
#include "detail/sqlite.hpp"

#include <libland/query.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace libland::query {

// A property as SQL: `sql`, or when `path` is set `sql` + ?N + ")" with the JSON path bound as ?N
// (json_extract(attributes, ?N)).
struct Column {
    std::string sql;
    std::optional<std::string> path;
    FieldType type = FieldType::string;
};

// What the filter runs over.
struct Target {
    std::vector<Queryable> queryables;
    // Returns the column of a queryable (called only with names of `queryables`).
    std::function<Column(const Queryable&)> column;
    std::string id_column;        // the rows' id, the R-tree's pkid
    std::string rtree;            // the R-tree of the geometry column
    std::string geometry_column;  // in the working CRS
    int srid = 0;                 // the working CRS's EPSG code
};

struct Blob {
    std::string bytes;
};
using Parameter = std::variant<std::int64_t, double, std::string, Blob>;

// The SQL of a filter: fragments to append, and the values for ?first .. ?first+n-1.
struct Sql {
    std::string where;   // " AND (...)" for each filter present; "" when none
    std::string order;   // "expr [DESC], " for each sort key; "" when none
    std::vector<Parameter> parameters;
    int first = 0;

    // Binds the parameters to a statement prepared from SQL holding these fragments.
    void bind(detail::Statement& statement) const;
};

// Compiles the filter. Throws usage_error for a malformed filter or an unknown property (naming
// it and the queryables), access_error for a property in `filter.hidden`.
[[nodiscard]] Sql compile(const FeatureFilter& filter, const Target& target, int first_parameter);

// Registers land_fold(text, case, accents) (fold_text) on the connection.
void register_functions(detail::Database& db);

}  // namespace libland::query
