#pragma once
// What the filters of query.hpp run over in the store's tables (either backend): the parcel
// versions (columns and attributes held as JSON text) and published layers' features (properties
// held as JSON text). Private.
#include "query/sql.hpp"

#include <libland/attribute.hpp>

#include <vector>

namespace libland::store {

// The parcel versions' queryables: the survey's fields, then uid, key, valid_from, valid_to,
// version, commit (not yet marked private).
[[nodiscard]] std::vector<Queryable> parcel_queryables(const std::vector<Field>& fields);

[[nodiscard]] query::Target parcel_target(std::vector<Queryable> queryables, int srid,
                                         query::Dialect dialect = query::Dialect::spatialite);
[[nodiscard]] query::Target layer_target(std::vector<Queryable> queryables, int srid,
                                        query::Dialect dialect = query::Dialect::spatialite);

}  // namespace libland::store
