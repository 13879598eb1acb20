#pragma once
// Building a State (the map on a date) from parcel version rows, whichever backend read them.
// Private.
#include "store/attributes_json.hpp"
#include "store/backend.hpp"

#include <optional>
#include <string>

namespace libland::store {

// Returns an empty state of the database's parcels layer under the schema (no fields when none).
[[nodiscard]] State empty_state(const std::string& crs, const std::string& path, const std::optional<Schema>& schema);

// Reorders the state's parallel vectors by parcel key.
void sort_by_key(State& state);

// Appends the parcel version in `row` (columns: version_id, uid, key, use, attributes, geometry
// WKB, valid_to or NULL), reading its attributes under the state's fields. `Row` reads columns
// like detail::Statement (integer, text, is_null); `wkb` is the geometry column's bytes.
template <class Row>
void add_parcel_row(const Row& row, std::string_view wkb, State& state);

}  // namespace libland::store

#include "detail/wkb.hpp"

namespace libland::store {

template <class Row>
void add_parcel_row(const Row& row, std::string_view wkb, State& state) {
    Parcel parcel;
    parcel.fid = row.integer(0);
    parcel.key = row.text(2);
    parcel.use = row.text(3);
    parcel.attributes = attributes_from_json(state.snapshot.fields, row.text(4));
    parcel.geometry = detail::from_wkb(wkb);
    parcel.source_type = "MULTIPOLYGON";
    state.versions.push_back(row.integer(0));
    state.uids.push_back(row.integer(1));
    state.valid_to.push_back(row.is_null(6) ? std::string() : row.text(6));
    state.snapshot.parcels.push_back(std::move(parcel));
}

}  // namespace libland::store
