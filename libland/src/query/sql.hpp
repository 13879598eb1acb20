#pragma once
// Turning a FeatureFilter into SQL for either backend (SpatiaLite or PostGIS, the Target's
// dialect): a WHERE fragment and an ORDER BY whose values are all bound parameters (?N or $N from a
// first number on), never spliced text. The
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

// A property as SQL: `sql`, or when `path` is set `sql` + ?N + `close` with the JSON path bound as
// ?N (json_extract(attributes, ?N)).
struct Column {
    std::string sql;
    std::optional<std::string> path;
    FieldType type = FieldType::string;
    std::string close = ")";
};

// The SQL spoken: SpatiaLite's (?N parameters, R-tree tables, GLOB, the land_fold function) or
// PostGIS's ($N parameters, the && operator on GiST indexes, LIKE, translate()).
enum class Dialect { spatialite, postgis };

// What the filter runs over.
struct Target {
    Dialect dialect = Dialect::spatialite;
    std::vector<Queryable> queryables;
    // Returns the column of a queryable (called only with names of `queryables`).
    std::function<Column(const Queryable&)> column;
    std::string id_column;        // the rows' id, the R-tree's pkid
    std::string rtree;            // the R-tree of the geometry column (SpatiaLite)
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
    std::vector<Parameter> parameters;  // those of `where`, then those of `order`
    std::size_t where_parameters = 0;   // how many of them `where` holds
    int first = 0;

    // Binds the parameters to a statement prepared from SQL holding these fragments.
    void bind(detail::Statement& statement) const;
};

// Compiles the filter. Throws usage_error for a malformed filter or an unknown property (naming
// it and the queryables), access_error for a property in `filter.hidden`.
[[nodiscard]] Sql compile(const FeatureFilter& filter, const Target& target, int first_parameter);

// The characters fold_text changes one by one, as the two texts of SQL's translate(): `from[i]`
// becomes `to[i]`, and the characters of `from` past the length of `to` are removed.
struct FoldMap {
    std::string from;
    std::string to;
};
[[nodiscard]] const FoldMap& fold_map(bool letter_case, bool accents);

// Registers land_fold(text, case, accents) (fold_text) on the connection.
void register_functions(detail::Database& db);

}  // namespace libland::query
