#pragma once
// Parcel versions and events read from rows of the SpatiaLite store: the columns to select and
// the code that reads them, shared by the record's reads and the services' paged reads. Private.
#include "detail/sqlite.hpp"

#include <libland/store.hpp>

#include <string>

namespace libland::store {

// The columns read_version() reads, from parcel_versions aliased `v`.
extern const std::string version_columns;

// Returns the version held in the version_columns starting at column `at` of `row`.
ParcelVersion read_version(const detail::Statement& row, int at);

// Returns the fields whose values differ between two versions of a parcel (fields the later one
// lacks are not listed), by field name.
std::vector<AttributeChange> attribute_changes(const ParcelVersion& before, const ParcelVersion& after);

// The columns read_event_head() reads, from events aliased `e` joined with commits aliased `c`.
extern const std::string event_columns;

// Returns the event held in the event_columns starting at column 0 of `row`, without its parcels.
ParcelEvent read_event_head(const detail::Statement& row);

// Returns a statement selecting an event's parcels, for read_event_parcels().
detail::Statement event_parcels_statement(detail::Database& db);

// Adds to `event` its parents and children (by key, then version), read with `members` (from
// event_parcels_statement()); leaves `members` reset for the next event.
void read_event_parcels(detail::Statement& members, ParcelEvent& event);

}  // namespace libland::store
