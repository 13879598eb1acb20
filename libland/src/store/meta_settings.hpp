#pragma once
// What both backends read from a land database's meta table when opening it. Private.
#include "store/backend.hpp"

#include <libland/geometry.hpp>

#include <string>

namespace libland::store {

// Returns the EPSG code of the working CRS recorded in the settings. Throws input_error naming the
// database ("not a land database") when there is none.
[[nodiscard]] int recorded_srid(const Settings& settings, const std::string& database);

// Returns the recorded schema version. Throws input_error naming the database when it is not one
// this program knows (1 to current_schema_version).
[[nodiscard]] int recorded_schema_version(const Settings& settings, const std::string& database);

// Returns the working CRS's area of use with validate's margin (everything when PROJ records none).
[[nodiscard]] Box working_crs_area(const std::string& crs);

}  // namespace libland::store
