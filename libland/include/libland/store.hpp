#pragma once
// The versioned land database: every version of every parcel, the events that changed them
// (with parent -> child lineage), officers' transactions, and time travel ("as of" a date).
// One Store is one database file (SpatiaLite today); the interface names no backend so that a
// PostGIS one can be added beside it.
#include <libland/change.hpp>
#include <libland/geometry.hpp>
#include <libland/query.hpp>
#include <libland/snapshot.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace libland {

// What every write carries. Dates are civil dates "YYYY-MM-DD" (legal or survey validity).
struct CommitInfo {
    std::string date;
    std::string message;   // survey commit message, or the transaction's reason
    std::string document;  // legal document reference (decision, contract number)
    bool backdate = false; // allow a date before the last recorded one (recorded as back-dated)
    // Attribute values of the parcels a split, merge or adjustment makes (FIELD -> text, read as
    // the field's type; the use field included): what the officer decides where the parents'
    // values differ (a merge of two holders' parcels) or change. Never an id field or the
    // registered-area field, which the new geometry gives.
    std::map<std::string, std::string> values;
    bool dry_run = false;  // run every check and the diff, report what would be recorded, record nothing
    bool accept_unknown_codes = false;  // a survey's land-use codes outside the code list are recorded
                                        // with a warning instead of refused
    std::string author;       // who records it (the officer; `land` defaults to the OS user)
    std::string source_name;  // survey: the file's name as the officer knows it (an upload's original
                              // name); "" takes the survey's source file name
    bool force = false;  // record a survey that changes the schema (keys, use field, dropped fields) or
                         // repeats the map of an earlier survey date
};

// The event type of a parcel that a survey shows unchanged within the tolerance but re-measured
// (other coordinates) or with another registered area: a new version with the survey's exact
// coordinates and attributes, same uid. Not a change: left out of change counts, events, maps
// and matrices; history shows it.
inline constexpr const char* resurveyed_event = "resurveyed";

// What one write did.
struct CommitSummary {
    std::int64_t commit = 0;                  // the commit's id
    std::map<std::string, int> events;        // change event type -> count (unchanged and
                                              // re-surveyed parcels excluded)
    std::vector<std::string> new_keys;        // keys of the changed parcel versions it opened
    int resurveyed = 0;                       // parcels re-surveyed without change
    bool backdated = false;
    bool dry_run = false;                     // nothing was recorded: `commit` is the id it would take
    std::vector<std::string> warnings;        // what was recorded although doubtful (unknown codes)
};

// A land-use code a database adds to the national lists (a local code).
struct LocalLandUse {
    std::string code;
    std::string name;
    std::string added_at;  // UTC
};

// Which part of the map a survey commit re-surveys (compares with, and so may change).
enum class SurveyScope {
    // The map sheets it shows (commune + sheet of its keys), any current parcel it overlaps by
    // more than the tolerance, and every stored sheet whose area it covers by more than half.
    // Everything else is left alone: a survey of one sheet re-surveys that sheet.
    sheets,
    // Every parcel of the communes of its keys: what it does not show of them is removed.
    communes,
};

// One version of a parcel: valid on [valid_from, valid_to), valid_to "" while current.
struct ParcelVersion {
    std::int64_t version = 0;  // version id
    std::int64_t uid = 0;      // the parcel's identity, stable across renumbering
    std::string key;           // cadastral key at that version, e.g. "14362-12-345"
    std::string use;
    std::string valid_from;
    std::string valid_to;
    std::int64_t commit = 0;
    std::string recorded_at;   // UTC, ISO 8601
    double area_m2 = 0;
    // Every attribute of the version as text (field -> value, "" for null), by field name: the
    // holder, the address, the registered area, ...
    std::vector<std::pair<std::string, std::string>> attributes;
};

// One field an attributes_changed event changed, its values as text ("" for null).
struct AttributeChange {
    std::string field;
    std::string before;
    std::string after;
};

// A recorded change: which versions it closed (parents) and opened (children).
struct ParcelEvent {
    std::int64_t id = 0;
    std::int64_t commit = 0;
    std::string type;       // a ChangeType name ("split", "merged", ...) or "retired"
    std::string date;       // legal/survey date
    std::string recorded_at;
    std::string reason;
    std::string document;
    bool backdated = false;
    std::vector<ParcelVersion> parents;
    std::vector<ParcelVersion> children;
    // attributes_changed: the fields whose values differ between the parent and the child.
    std::vector<AttributeChange> attribute_changes;
};

// Everything known about one parcel: its versions, the events that touched it, and the versions
// of other parcels it came from (ancestors) or went into (descendants), transitively.
struct ParcelHistory {
    std::int64_t uid = 0;
    std::vector<ParcelVersion> versions;     // oldest first
    std::vector<ParcelEvent> events;         // every event of the parcel and its lineage, by date
    std::vector<ParcelVersion> ancestors;
    std::vector<ParcelVersion> descendants;
};

// One entry of the log: a survey commit or an officer's transaction.
struct CommitRecord {
    std::int64_t id = 0;
    std::string kind;          // "survey", "transaction" or "revert"
    std::string date;          // legal/survey date
    std::string recorded_at;   // UTC
    std::string message;
    std::string document;
    bool backdated = false;
    std::map<std::string, int> events;  // change event type -> count (re-surveys excluded)
    int resurveyed = 0;                 // parcels re-surveyed without change
    std::string author;         // "" when not recorded (commits made before authors were)
    std::string source;         // survey: the file's name
    std::string source_sha256;  // survey: the SHA-256 of the file's bytes (hex)
    std::int64_t parcels = 0;   // parcels touched (closed or opened a version)
    std::int64_t reverts = 0;   // a revert: the commit it reverted (0 otherwise)
};

// The difference between the map on two dates, by the change detection engine.
struct StoreChanges {
    Snapshot before;   // as of `from`
    Snapshot after;    // as of `to`
    ChangeSet changes;
    // Parallel to changes.events: the recorded commit that made each change (the commit of an
    // after-parcel's version, else the one that closed a before-parcel's), empty when none did.
    std::vector<ChangeSource> sources;
};

// An extra published layer (tourism sites, planning zones).
struct LayerInfo {
    std::string name;
    std::string source;
    std::int64_t features = 0;
};

struct LayerFeature {
    std::int64_t id = 0;
    std::string properties_json;   // {"name": value, ...} as loaded
    std::optional<FeatureGeometry> geometry;  // in the working CRS; nothing when the feature has none
};

// A page of the parcel versions valid on one date, for services that page through the map
// (the HTTP service's items). Filters combine with AND.
struct ParcelQuery {
    std::string date;                  // "YYYY-MM-DD"
    std::optional<Box> box;            // in the working CRS: parcels whose bounds meet it
    std::optional<std::string> use;    // land-use code, exactly as recorded
    std::optional<std::string> sheet;  // a sheet: the key's sheet part ("14362-12") or its last
                                       // part alone ("12", any commune)
    std::optional<std::int64_t> uid;   // one parcel
    std::optional<std::string> key;    // one parcel by its cadastral key on the date
    FeatureFilter filter;              // over parcel_queryables(date)
    std::int64_t limit = 100;
    std::int64_t offset = 0;
    // For drawing maps (vector tiles): the parcels come without their attributes (key, use and
    // geometry only) and in no particular order, which saves sorting and reading every row's
    // attributes (both backends).
    bool outlines_only = false;
};

struct ParcelPage {
    Snapshot snapshot;                    // the schema in force on the date; the page's parcels by key
    std::vector<ParcelVersion> versions;  // parallel to snapshot.parcels: uid, validity, commit
    std::int64_t matched = 0;             // parcels matching the query, all pages together
};

// A page of recorded change events with a date in [from, to] ("" leaves that end open).
struct EventQuery {
    std::string from;
    std::string to;
    std::optional<Box> box;            // in the working CRS: events whose area's bounds meet it
    std::optional<std::int64_t> id;    // one event
    std::int64_t limit = 100;
    std::int64_t offset = 0;
};

struct EventFeature {
    ParcelEvent event;
    MultiPolygon area;  // where it happened (its children's area, the parents' when removed)
};

struct EventPage {
    std::vector<EventFeature> events;  // by date, then id
    std::int64_t matched = 0;
};

struct LayerPage {
    std::vector<LayerFeature> features;  // by id
    std::int64_t matched = 0;
};

// The database's private fields (personal data: holders, addresses, identity numbers): services
// leave them out for readers not allowed to see them. A field is private when it is listed in
// `names`, or when its name contains one of `patterns` (any case) and it is not in `exempt`.
struct PrivateFields {
    std::vector<std::string> names;
    std::vector<std::string> patterns;
    std::vector<std::string> exempt;

    [[nodiscard]] bool is_private(const std::string& field) const;
};

// What an API key may do: an officer writes and reads everything; a registry reads everything,
// the private fields included; a reader reads what is public.
enum class KeyRole { officer, reader, registry };

// The SHA-256 of an API key (lowercase hex): all the database keeps of a key. The services draw
// keys and compute their digests (services/api_keys); the Store never sees a key.
struct KeyDigest {
    std::string sha256_hex;
};

// An API key as listed (never the key itself).
struct KeyInfo {
    std::string name;
    KeyRole role = KeyRole::reader;
    std::string created_at;  // UTC
    std::string revoked_at;  // UTC, "" while the key is valid
    std::string last_used;   // UTC date "YYYY-MM-DD" of its last accepted use, "" when never
};

// Returns whether the role may read the private fields (officer, registry).
[[nodiscard]] bool reads_private_fields(KeyRole role) noexcept;

// Returns "officer" / "reader" / "registry"; parses them (usage_error otherwise).
[[nodiscard]] const char* to_string(KeyRole role) noexcept;
[[nodiscard]] KeyRole parse_key_role(const std::string& text);

// One connection to a land database. Use a Store from one thread at a time (open one per thread
// for parallel readers); any number of Stores, in any processes, may read while one writes.
class Store {
public:
    // Creates a new land database with one working CRS ("EPSG:N", projected) and its registered-
    // area field: a field name, "none", or "" for any field area_fields() finds (dienTich, ...).
    // `path` is a SpatiaLite file (created; input_error if it exists) or a PostgreSQL database
    // (a postgresql:// or postgres:// URI, or "PG:" followed by a libpq connection string): an
    // existing database holding no tables (input_error otherwise), where the postgis extension is
    // created (usage_error when the role may not). Throws usage_error for a geographic or
    // unknown CRS. Nothing is left half-made.
    [[nodiscard]] static Store create(const std::string& path, const std::string& crs,
                                      const std::string& area_field = "");
    // How a database is opened. read_only: the file is never written and its journal mode never
    // changed (SQLITE_OPEN_READONLY; on PostgreSQL a read-only session); every write then throws
    // input_error.
    enum class Access { read_write, read_only };

    // Opens an existing database. Throws input_error when it is missing or not a land database;
    // a file that is not one is refused before anything is written to it.
    [[nodiscard]] static Store open(const std::string& path, Access access = Access::read_write);

    // Copies the whole land database `from` (either backend, opened read-only) into `to`: a new
    // SpatiaLite file, or an existing PostgreSQL database holding no tables: every setting,
    // commit, version, event, lineage row, layer and key, with their ids, dates and geometry bit
    // for bit. Throws input_error when `to` exists or holds a land database (nothing is changed
    // then) or when `from` cannot be read; a copy that fails leaves no land database at `to`.
    // Returns each table copied with its number of rows, in copying order.
    static std::vector<std::pair<std::string, std::int64_t>> copy(const std::string& from, const std::string& to);

    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // The working CRS, e.g. "EPSG:5897"; every geometry stored and returned is in it.
    [[nodiscard]] const std::string& crs() const noexcept;
    // The database as messages name it: the file's path, or the connection string with any
    // password replaced by "***".
    [[nodiscard]] const std::string& path() const noexcept;
    // The registered-area field as created: a name, "none", or "" (the fields area_fields()
    // finds). It follows the geometry: never a change in commits and changes, and set to the
    // area (m2, rounded to 0.1) of every parcel a transaction makes.
    [[nodiscard]] const std::string& area_field() const noexcept;
    // The change detection options of this database's commits and changes (its area field).
    [[nodiscard]] DiffOptions diff_options(double tolerance = 0.05) const;

    // Commits a survey, diffed against the map of its scope as of info.date: each change event
    // closes and opens versions; a parcel unchanged within the tolerance keeps its version when
    // the survey shows it bit for bit as recorded, else is re-surveyed (resurveyed_event), so
    // that the map as of the date is the survey exactly. REQUIRES: snapshot.crs == crs().
    // Refuses (database untouched) with survey_refused (libland/validate.hpp), naming the parcels,
    // whatever validate() reports as an error: invalid, empty or non-finite geometry, parcels
    // outside the CRS's area of use, missing, duplicate or ambiguous keys, overlaps wider than the
    // tolerance (survey_gate.cpp); and (usage_error / input_error) a snapshot away from the
    // current parcels' extent, a date before the last recorded change of its scope without
    // info.backdate, a back-dated change to a parcel that changed again later; without
    // info.force, a survey keyed otherwise or lacking fields the database's parcels have, or with
    // the content of a committed survey, or identical to the map as of an earlier survey's date
    // (naming that commit); a land-use code outside the database's list without
    // info.accept_unknown_codes. Throws error("database is busy ...") after a bounded wait.
    CommitSummary commit(const Snapshot& snapshot, const CommitInfo& info, double tolerance = 0.05,
                         SurveyScope scope = SurveyScope::sheets);

    // Officers' transactions. PARCEL is a cadastral key or a parcel uid. Each is one atomic write,
    // validated first: the parcel exists and is current on the date, no overlap is created, area is
    // conserved (split, merge, adjust). New parcels take the next unused number of their sheet.
    CommitSummary split(const std::string& parcel, const std::string& line_wkt, const CommitInfo& info);
    CommitSummary split(const std::string& parcel, const std::vector<MultiPolygon>& pieces,
                        const CommitInfo& info);
    CommitSummary merge(const std::vector<std::string>& parcels, const CommitInfo& info);
    CommitSummary set_use(const std::string& parcel, const std::string& use, const CommitInfo& info);
    CommitSummary retire(const std::string& parcel, const CommitInfo& info);
    // Records a change of attributes (a sale, an inheritance: a new holder): a new version of the
    // parcel, same uid and geometry, event attributes_changed. Values are text read as their
    // fields' types (FIELD -> VALUE; "" is null). Refuses (usage_error, nothing written) an empty
    // list, a field the database does not have, an id field, the use field (set_use), the
    // registered-area field, a value its type cannot hold, and values that change nothing.
    CommitSummary set_attributes(const std::string& parcel, const std::map<std::string, std::string>& values,
                                 const CommitInfo& info);
    // Records a new commit (kind "revert") undoing commit `commit` on the parcels it touched: it
    // closes the versions that commit opened and reopens those it closed (new versions with their
    // geometry and attributes, same uids), with lineage from each closed version to the reopened
    // ones. Nothing is deleted. Refuses (usage_error naming the parcels) when a later commit
    // changed them (revert that one first, newest first), when a reopened parcel would overlap
    // another, or a date before the commit's.
    CommitSummary revert(std::int64_t commit, const CommitInfo& info);
    // Moves the boundary between two neighbours onto the line (which must cross both).
    CommitSummary adjust(const std::string& first, const std::string& second, const std::string& line_wkt,
                         const CommitInfo& info);

    // Returns the map as it was on the date: fields, id fields and use field of the survey in
    // force, parcels ordered by key. With a box, only parcels whose bounds meet it.
    [[nodiscard]] Snapshot as_of(const std::string& date, const std::optional<Box>& box = std::nullopt);
    // Returns nothing when no parcel has that key (any version) or uid.
    [[nodiscard]] std::optional<ParcelHistory> history(const std::string& parcel);
    // Every commit and transaction, oldest first.
    [[nodiscard]] std::vector<CommitRecord> log();
    // The keys of the parcel versions the commit closed or opened, sorted.
    [[nodiscard]] std::vector<std::string> commit_parcels(std::int64_t commit);
    // The events recorded with a date in (from, to].
    [[nodiscard]] std::vector<ParcelEvent> events(const std::string& from, const std::string& to);
    // Diffs the map as of `from` against the map as of `to` (events and transition matrix).
    [[nodiscard]] StoreChanges changes(const std::string& from, const std::string& to, double tolerance = 0.05);

    // Loads every feature of a GDAL layer (any geometry type) as a published layer `name`,
    // replacing a layer of that name. Returns the number of features. Throws usage_error for a
    // name other than 1 to 64 ASCII letters, digits, '_' and '-'.
    std::int64_t load_layer(const std::string& file, const std::string& name, const std::string& source_layer = "");
    [[nodiscard]] std::vector<LayerInfo> layers();
    // Returns the layer's features whose bounds meet the box (in CRS84 lon/lat when given), by id.
    [[nodiscard]] std::vector<LayerFeature> layer_features(const std::string& name,
                                                           const std::optional<Box>& lon_lat_box,
                                                           std::int64_t limit, std::int64_t offset);

    // The database's land-use code list: the national codes of 2018 and 2024 (libland/land_use.hpp)
    // and the local codes added here. Codes are case-sensitive. add_land_use refuses (usage_error)
    // an empty code, one with characters other than letters, digits, '_' and '-', a national code
    // and a code already added. Writes that name a use outside the list are refused (usage_error
    // naming the code); a survey's unknown codes are refused unless info.accept_unknown_codes.
    void add_land_use(const std::string& code, const std::string& name);
    [[nodiscard]] std::vector<LocalLandUse> local_land_uses();
    [[nodiscard]] bool knows_land_use(const std::string& code);

    // Stores an API key of the HTTP service by its digest, with its name, role and creation time.
    // Throws usage_error if the name is empty or taken.
    void add_key(const std::string& name, KeyRole role, const KeyDigest& digest);
    // Returns the role of the key with this digest, or nothing for an unknown or revoked key.
    [[nodiscard]] std::optional<KeyRole> key_role(const KeyDigest& digest);
    // Records that a valid key was used today (UTC), once a day: returns whether it wrote.
    bool record_key_use(const KeyDigest& digest);
    // Returns the name of a valid key (the author of the writes made with it), nothing otherwise.
    [[nodiscard]] std::optional<std::string> key_name(const KeyDigest& digest);
    // The keys, valid ones by name then revoked ones by date of revocation.
    [[nodiscard]] std::vector<KeyInfo> keys();
    // Revokes the key named so: from now on check_key no longer knows it. Throws usage_error when
    // no valid key has that name.
    void revoke_key(const std::string& name);
    // Removes a published layer and its features. Throws usage_error when there is none of that name.
    void remove_layer(const std::string& name);

    // Paged reads for services (parcel_query.cpp). Each runs in one read transaction.
    // Throws usage_error for a malformed date.
    [[nodiscard]] ParcelPage query_parcels(const ParcelQuery& query);
    // Returns the version of the parcel valid on the date: a page of 0 or 1 parcel. PARCEL is the
    // key it had on the date, else a uid or a key it had at another time (the same parcel).
    [[nodiscard]] ParcelPage parcel_at(const std::string& parcel, const std::string& date);
    [[nodiscard]] EventPage query_events(const EventQuery& query);
    // The published layer's features (box in CRS84 longitude/latitude), or the one with `id`, that
    // pass the filter (over layer_queryables(name)).
    [[nodiscard]] LayerPage query_layer(const std::string& name, const std::optional<Box>& lon_lat_box,
                                        std::optional<std::int64_t> id, std::int64_t limit, std::int64_t offset,
                                        const FeatureFilter& filter = {});
    // The properties a filter on the parcels valid on the date may name (query.hpp): the fields of
    // the survey in force, then uid, key, valid_from, valid_to, version, commit; each marked private
    // or not.
    [[nodiscard]] std::vector<Queryable> parcel_queryables(const std::string& date);
    // The properties of a published layer's features (their types as loaded), marked private or not.
    [[nodiscard]] std::vector<Queryable> layer_queryables(const std::string& name);

    // The private fields (private_fields.cpp). A new database starts with chuSuDung, diaChi and
    // any field whose name contains cccd, cmnd or sogiayto.
    [[nodiscard]] PrivateFields private_fields();
    // Makes the fields private (true) or public (false), in one write.
    void set_private(const std::vector<std::string>& fields, bool is_private);
    // Returns the earliest and the latest valid date of the recorded commits ("" when none).
    [[nodiscard]] std::string first_date();
    [[nodiscard]] std::string last_date();
    // Returns the bounds of every parcel version ever recorded (working CRS), nothing when empty.
    // O(1) while every version lies in the CRS's area of use.
    // Versions reaching outside the working CRS's area of use (stored by an older program that
    // did not refuse them) are left out; versions_outside_crs_area() counts them.
    [[nodiscard]] std::optional<Box> parcel_extent();
    [[nodiscard]] std::int64_t versions_outside_crs_area();
    // Bounds what this connection keeps of the database's pages in memory (SpatiaLite's page
    // cache; PostgreSQL's server keeps its own). The default, 256 MiB, suits one large commit;
    // a service with dozens of connections gives each a share of its budget.
    void limit_page_cache(std::size_t bytes);
    // Returns the bounds of a published layer's features (working CRS) inside the working CRS's
    // area of use, nothing when empty.
    [[nodiscard]] std::optional<Box> layer_extent(const std::string& name);

    struct Impl;  // the backend

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace libland
