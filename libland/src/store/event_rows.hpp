#pragma once
// Parcel versions and events read from rows of the store (either backend): the columns to select and
// the code that reads them, shared by the record's reads and the services' paged reads. Private.
#include "detail/sqlite.hpp"

#include <libland/store.hpp>

#include <string>

namespace libland::store {

// The columns read_version() reads, from parcel_versions aliased `v`.
extern const std::string version_columns;

// Returns the version held in the version_columns starting at column `at` of `row` (a
// detail::Statement or a detail::PgRow: anything reading columns by integer, real, text).
template <class Row>
ParcelVersion read_version(const Row& row, int at);

// Returns the fields whose values differ between two versions of a parcel (fields the later one
// lacks are not listed), by field name.
std::vector<AttributeChange> attribute_changes(const ParcelVersion& before, const ParcelVersion& after);

// The columns read_event_head() reads, from events aliased `e` joined with commits aliased `c`.
extern const std::string event_columns;

// Returns the event held in the event_columns starting at column 0 of `row`, without its parcels.
template <class Row>
ParcelEvent read_event_head(const Row& row);

// Sets the event's attribute changes when it is an attribute change with one parent and one child.
void describe_attribute_changes(ParcelEvent& event);

// Returns a statement selecting an event's parcels, for read_event_parcels().
detail::Statement event_parcels_statement(detail::Database& db);

// Adds to `event` its parents and children (by key, then version), read with `members` (from
// event_parcels_statement()); leaves `members` reset for the next event.
void read_event_parcels(detail::Statement& members, ParcelEvent& event);

}  // namespace libland::store

#include "store/attributes_json.hpp"

namespace libland::store {

template <class Row>
ParcelVersion read_version(const Row& row, int at) {
    ParcelVersion v;
    v.version = row.integer(at);
    v.uid = row.integer(at + 1);
    v.key = row.text(at + 2);
    v.use = row.text(at + 3);
    v.valid_from = row.text(at + 4);
    v.valid_to = row.text(at + 5);
    v.commit = row.integer(at + 6);
    v.recorded_at = row.text(at + 7);
    v.area_m2 = row.real(at + 8);
    v.attributes = attributes_as_text(row.text(at + 9));
    return v;
}

template <class Row>
ParcelEvent read_event_head(const Row& row) {
    ParcelEvent event;
    event.id = row.integer(0);
    event.commit = row.integer(1);
    event.type = row.text(2);
    event.date = row.text(3);
    event.recorded_at = row.text(4);
    event.reason = row.text(5);
    event.document = row.text(6);
    event.backdated = row.integer(7) != 0;
    return event;
}

}  // namespace libland::store
