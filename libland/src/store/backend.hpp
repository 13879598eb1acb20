#pragma once
// The storage side of a Store, behind which a database lives (SpatiaLite today; PostGIS could be a
// second implementation). The Store decides *what* changes (diffs, transaction geometry,
// validation); a Backend reads states and applies a Plan atomically. Private.
#include "store/copy_tables.hpp"

#include <libland/store.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace libland::store {

// The schema version this program writes (both backends); older databases are migrated when
// opened.
inline constexpr int current_schema_version = 4;

// The attribute schema of a survey: how its parcels' attributes are named, typed and keyed.
struct Schema {
    std::vector<Field> fields;
    std::vector<std::string> id_fields;
    std::string use_field;
};

// The map on one date, with each parcel's stored identity (vectors parallel to
// snapshot.parcels).
struct State {
    Snapshot snapshot;
    std::vector<std::int64_t> versions;
    std::vector<std::int64_t> uids;
    std::vector<std::string> valid_to;  // "" while current
};

// A parcel version to open. uid 0 asks for a new parcel identity.
struct NewVersion {
    Parcel parcel;
    std::int64_t uid = 0;
    std::string attributes_json;  // when not empty, recorded as is instead of parcel.attributes
                                  // (a revert reopening a version exactly as it was)
};

// One recorded version as stored, for a revert.
struct StoredVersion {
    std::int64_t version = 0;
    std::int64_t uid = 0;
    Parcel parcel;                // attributes read under the schema given
    std::string attributes_json;  // as stored
    std::string valid_to;         // "" while current
    std::int64_t closed_by = 0;   // the commit that closed it, 0 while current
    std::int64_t opened_by = 0;   // the commit that recorded it
};

// One recorded event, by version ids (a revert's input).
struct RecordedEvent {
    std::string type;
    std::vector<std::int64_t> parents;
    std::vector<std::int64_t> children;
    struct Lineage {
        std::int64_t parent = 0;
        std::int64_t child = 0;
        double area_m2 = 0;
    };
    std::vector<Lineage> lineage;
};

// Area that child `child` (index into opens) took from parent `parent` (index into closes).
struct Link {
    std::size_t parent = 0;
    std::size_t child = 0;
    double area_m2 = 0;
};

struct PlannedEvent {
    std::string type;
    std::vector<std::int64_t> closes;  // version ids, current before the write
    std::vector<NewVersion> opens;
    std::vector<Link> links;
    MultiPolygon where;                // the event's area: its children's (else parents') parts
};

// One write: a survey commit or a transaction, applied whole or not at all.
struct Plan {
    std::string kind;  // "survey" or "transaction"
    CommitInfo info;
    bool backdated = false;
    std::string source;                   // survey file
    std::string source_name;              // survey: the file's name as the officer knows it
    std::string source_sha256;            // survey: the SHA-256 of its bytes
    Schema schema;  // the survey's own schema (recorded), or the one in force for a transaction
    std::vector<std::string> communes;  // the communes a commune-scoped survey covers ("": the whole map)
    std::vector<std::string> sheets;    // the sheets a sheet-scoped survey covers
    std::vector<PlannedEvent> events;
    std::int64_t reverts = 0;  // a revert: the commit it reverts
};

// While alive, the backend holds the write lock; destroyed without commit(), the write is undone.
class WriteLock {
public:
    virtual ~WriteLock() = default;
    virtual void commit() = 0;
};

class Backend {
public:
    virtual ~Backend() = default;

    [[nodiscard]] virtual const std::string& crs() const noexcept = 0;
    [[nodiscard]] virtual const std::string& path() const noexcept = 0;
    // Returns a setting recorded when the database was created ("" when absent), e.g.
    // "area_field".
    [[nodiscard]] virtual std::string setting(const std::string& name) const = 0;

    // Takes the write lock (bounded wait; then throws "database is busy"). SpatiaLite: the whole
    // database, one writer at a time. PostgreSQL: a transaction; writers of other parcels go on.
    [[nodiscard]] virtual std::unique_ptr<WriteLock> lock_for_write() = 0;
    // Inside the write lock, locks the sheets (a write's back-dating area) until the write ends, in
    // a fixed order: two writers of one sheet check its dates and write one after the other.
    // Nothing to do where the write lock covers the whole database (SpatiaLite). PostgreSQL sends
    // the locks with the backend's next statement, which runs once they are held.
    virtual void lock_sheets(const std::vector<std::string>& sheets) = 0;
    // Returns the earliest and the latest valid date recorded, "" for an empty database.
    [[nodiscard]] virtual std::string first_date() = 0;
    [[nodiscard]] virtual std::string last_date() = 0;
    // Returns the latest date on which a parcel of one of the communes (the first part of its key)
    // changed or a survey covered it, "" when none. An empty commune stands for the whole map.
    [[nodiscard]] virtual std::string last_change(const std::vector<std::string>& communes) = 0;
    // Returns the latest date on which a parcel of one of the sheets (key without its last part)
    // changed or a survey covered it (the sheet, or its commune), "" when none.
    [[nodiscard]] virtual std::string last_change_of_sheets(const std::vector<std::string>& sheets) = 0;
    // Returns the schema of the survey in force on the date (nothing before the first survey).
    [[nodiscard]] virtual std::optional<Schema> schema_at(const std::string& date) = 0;
    // Returns the parcels valid on the date, all or those whose bounds meet the box.
    [[nodiscard]] virtual State state_at(const std::string& date, const std::optional<Box>& box) = 0;
    // Returns the versions of the given parcels valid on the date (absent ones are left out).
    [[nodiscard]] virtual State parcels_at(const std::vector<std::int64_t>& uids, const std::string& date) = 0;
    // Resolves a cadastral key (latest version having it) or a uid.
    [[nodiscard]] virtual std::optional<std::int64_t> find_uid(const std::string& parcel) = 0;
    // Returns the highest parcel number ever used on a sheet (0 when none).
    [[nodiscard]] virtual std::int64_t max_number(const std::string& sheet_key) = 0;
    // Returns the versions by id (absent ones left out), their attributes read as `fields`.
    [[nodiscard]] virtual std::vector<StoredVersion> stored_versions(const std::vector<std::int64_t>& ids,
                                                                     const std::vector<Field>& fields) = 0;
    // Returns the copy of a closed version that the revert of the commit that closed it reopened
    // (same uid), nothing when that commit is not reverted.
    [[nodiscard]] virtual std::optional<std::int64_t> reopened_copy(std::int64_t version) = 0;
    // Returns the events a commit recorded, by id.
    [[nodiscard]] virtual std::vector<RecordedEvent> commit_events(std::int64_t commit) = 0;
    // Applies the plan inside the held write lock.
    virtual CommitSummary apply(const Plan& plan) = 0;

    [[nodiscard]] virtual ParcelHistory history(std::int64_t uid) = 0;
    [[nodiscard]] virtual std::vector<CommitRecord> log() = 0;
    [[nodiscard]] virtual std::vector<std::string> commit_parcels(std::int64_t commit) = 0;
    [[nodiscard]] virtual std::vector<ParcelEvent> events(const std::string& from, const std::string& to) = 0;

    virtual std::int64_t load_layer(const std::string& file, const std::string& name,
                                    const std::string& source_layer) = 0;
    [[nodiscard]] virtual std::vector<LayerInfo> layers() = 0;
    // The layer's features whose bounds meet `box` (working CRS; all without one), by id.
    [[nodiscard]] virtual std::vector<LayerFeature> layer_features(const std::string& name,
                                                                   const std::optional<Box>& box,
                                                                   std::int64_t limit, std::int64_t offset) = 0;

    // Paged reads for services (see Store::query_parcels and the others).
    [[nodiscard]] virtual ParcelPage query_parcels(const ParcelQuery& query) = 0;
    [[nodiscard]] virtual EventPage query_events(const EventQuery& query) = 0;
    [[nodiscard]] virtual LayerPage query_layer(const std::string& name, const std::optional<Box>& box,
                                                std::optional<std::int64_t> id, std::int64_t limit,
                                                std::int64_t offset,
                                                const FeatureFilter& filter) = 0;  // box in the working CRS
    // The properties of the layer's features with their types (from a sample of its features).
    [[nodiscard]] virtual std::vector<Queryable> layer_properties(const std::string& name) = 0;
    // A value of the database's settings (the meta table) as stored now (not as read at open, as
    // setting() is), nothing when unset; and its writing (inside the held write lock).
    [[nodiscard]] virtual std::optional<std::string> read_setting(const std::string& name) = 0;
    virtual void write_setting(const std::string& name, const std::string& value) = 0;
    [[nodiscard]] virtual std::optional<Box> parcel_extent() = 0;
    [[nodiscard]] virtual std::optional<Box> layer_extent(const std::string& name) = 0;
    [[nodiscard]] virtual std::int64_t versions_outside_crs_area() = 0;
    // Bounds the connection's page cache (see Store::limit_page_cache); nothing by default.
    virtual void limit_page_cache(std::size_t /*bytes*/) {}

    // Local land-use codes (the national ones are libland/land_use.hpp's). add_land_use throws
    // usage_error when the code is already there.
    virtual void add_land_use(const LocalLandUse& use) = 0;
    [[nodiscard]] virtual std::vector<LocalLandUse> local_land_uses() = 0;

    [[nodiscard]] virtual std::vector<KeyInfo> keys() = 0;
    [[nodiscard]] virtual std::optional<std::string> key_name(const std::string& sha256_hex) = 0;
    // Throws usage_error when no valid key has the name.
    virtual void revoke_key(const std::string& name) = 0;
    // Throws usage_error when no layer has the name.
    virtual void remove_layer(const std::string& name) = 0;

    virtual void add_key(const std::string& name, KeyRole role, const std::string& sha256_hex) = 0;
    [[nodiscard]] virtual std::optional<KeyRole> key_role(const std::string& sha256_hex) = 0;
    // Records the day of a valid key's use unless recorded already; returns whether it wrote.
    virtual bool record_key_use(const std::string& sha256_hex, const std::string& day) = 0;

    // land copy (copy_tables.hpp). The settings (meta table) as read at open.
    [[nodiscard]] virtual const std::map<std::string, std::string>& settings() const noexcept = 0;
    // Calls `row` with each row of the table in copy_order (none for a missing optional table).
    virtual void read_rows(const CopyTable& table, const std::function<void(const Row&)>& row) = 0;
    // Inside the write lock: inserts the rows as given, ids kept.
    virtual void write_rows(const CopyTable& table, const std::vector<Row>& rows) = 0;
    // Inside the write lock, after every row: rows added later take ids after the copied ones.
    virtual void finish_copy() = 0;
    // Removes the land database's tables (a failed copy into an existing PostgreSQL database);
    // nothing for SpatiaLite, whose file the caller removes.
    virtual void remove_all() = 0;
};

// Database settings recorded at creation (name -> value), e.g. {"area_field", "dienTich"}.
using Settings = std::map<std::string, std::string>;

// SpatiaLite: creates a new file with the schema of docs/store-schema.md, or opens one (and
// brings an older schema up to date).
[[nodiscard]] std::unique_ptr<Backend> create_spatialite(const std::string& path, const std::string& crs,
                                                         const Settings& settings);
// read_only: SQLITE_OPEN_READONLY, the file never written nor its journal mode changed.
[[nodiscard]] std::unique_ptr<Backend> open_spatialite(const std::string& path, bool read_only);

// PostgreSQL/PostGIS (postgis_open.cpp): creates the schema in an existing database that holds no
// land database (creating the postgis extension), in one transaction; or opens one. `conninfo` is
// a libpq connection string (URI or key=value).
[[nodiscard]] std::unique_ptr<Backend> create_postgis(const std::string& conninfo, const std::string& crs,
                                                      const Settings& settings);
// read_only: the session is READ ONLY (default_transaction_read_only), never writing.
[[nodiscard]] std::unique_ptr<Backend> open_postgis(const std::string& conninfo, bool read_only);

// Returns the libpq connection string when `database` names a PostgreSQL database: a
// postgresql:// or postgres:// URI (as is), or "PG:" followed by one (GDAL's spelling; the prefix
// is dropped). Nothing for a SpatiaLite path.
[[nodiscard]] std::optional<std::string> postgres_conninfo(const std::string& database);

}  // namespace libland::store
