#pragma once
// The PostgreSQL/PostGIS backend: the tables of docs/store-schema.md in the database's public
// schema, geometry as PostGIS geometry (GiST-indexed), every value bound. Many writers at once:
// see "Many writers" in docs/store-schema.md. Private.
#include "detail/pq.hpp"
#include "store/backend.hpp"

namespace libland::store {

class PostgisBackend final : public Backend {
public:
    // Opens an existing land database (checks its schema version).
    PostgisBackend(detail::PgConnection db, bool read_only);
    // Creates the schema (and the postgis extension) in a database holding no land database, in
    // one transaction.
    PostgisBackend(detail::PgConnection db, const std::string& crs, const Settings& settings);

    [[nodiscard]] const std::string& crs() const noexcept override { return crs_; }
    [[nodiscard]] const std::string& path() const noexcept override { return db_.display(); }
    [[nodiscard]] std::string setting(const std::string& name) const override;

    // postgis_write.cpp
    [[nodiscard]] std::unique_ptr<WriteLock> lock_for_write() override;
    // Transaction-scoped advisory locks, one per sheet, taken in sorted order.
    void lock_sheets(const std::vector<std::string>& sheets) override;
    CommitSummary apply(const Plan& plan) override;

    // postgis_read.cpp
    [[nodiscard]] std::string first_date() override;
    [[nodiscard]] std::string last_date() override;
    [[nodiscard]] std::string last_change(const std::vector<std::string>& communes) override;
    [[nodiscard]] std::string last_change_of_sheets(const std::vector<std::string>& sheets) override;
    [[nodiscard]] std::optional<Schema> schema_at(const std::string& date) override;
    [[nodiscard]] State state_at(const std::string& date, const std::optional<Box>& box) override;
    [[nodiscard]] State parcels_at(const std::vector<std::int64_t>& uids, const std::string& date) override;
    [[nodiscard]] std::optional<std::int64_t> find_uid(const std::string& parcel) override;
    [[nodiscard]] std::int64_t max_number(const std::string& sheet_key) override;

    // postgis_revert_reads.cpp
    [[nodiscard]] std::vector<StoredVersion> stored_versions(const std::vector<std::int64_t>& ids,
                                                             const std::vector<Field>& fields) override;
    [[nodiscard]] std::vector<RecordedEvent> commit_events(std::int64_t commit) override;
    [[nodiscard]] std::optional<std::int64_t> reopened_copy(std::int64_t version) override;

    // postgis_history.cpp
    [[nodiscard]] ParcelHistory history(std::int64_t uid) override;
    [[nodiscard]] std::vector<CommitRecord> log() override;
    [[nodiscard]] std::vector<std::string> commit_parcels(std::int64_t commit) override;
    [[nodiscard]] std::vector<ParcelEvent> events(const std::string& from, const std::string& to) override;

    // postgis_layers.cpp
    std::int64_t load_layer(const std::string& file, const std::string& name,
                            const std::string& source_layer) override;
    [[nodiscard]] std::vector<LayerInfo> layers() override;
    [[nodiscard]] std::vector<LayerFeature> layer_features(const std::string& name,
                                                           const std::optional<Box>& box,
                                                           std::int64_t limit, std::int64_t offset) override;
    void remove_layer(const std::string& name) override;

    // postgis_query.cpp
    [[nodiscard]] ParcelPage query_parcels(const ParcelQuery& query) override;
    [[nodiscard]] EventPage query_events(const EventQuery& query) override;
    [[nodiscard]] LayerPage query_layer(const std::string& name, const std::optional<Box>& box,
                                        std::optional<std::int64_t> id, std::int64_t limit,
                                        std::int64_t offset, const FeatureFilter& filter) override;
    [[nodiscard]] std::vector<Queryable> layer_properties(const std::string& name) override;
    [[nodiscard]] std::optional<Box> parcel_extent() override;
    [[nodiscard]] std::optional<Box> layer_extent(const std::string& name) override;
    [[nodiscard]] std::int64_t versions_outside_crs_area() override;

    // postgis_housekeeping.cpp: settings, keys, local land uses
    [[nodiscard]] std::optional<std::string> read_setting(const std::string& name) override;
    void write_setting(const std::string& name, const std::string& value) override;
    [[nodiscard]] std::vector<KeyInfo> keys() override;
    [[nodiscard]] std::optional<std::string> key_name(const std::string& sha256_hex) override;
    void revoke_key(const std::string& name) override;
    void add_key(const std::string& name, KeyRole role, const std::string& sha256_hex) override;
    [[nodiscard]] std::optional<KeyRole> key_role(const std::string& sha256_hex) override;
    bool record_key_use(const std::string& sha256_hex, const std::string& day) override;

    // postgis_copy.cpp
    [[nodiscard]] const Settings& settings() const noexcept override { return settings_; }
    void read_rows(const CopyTable& table, const std::function<void(const Row&)>& row) override;
    void write_rows(const CopyTable& table, const std::vector<Row>& rows) override;
    void finish_copy() override;
    void remove_all() override;
    void add_land_use(const LocalLandUse& use) override;
    [[nodiscard]] std::vector<LocalLandUse> local_land_uses() override;

    // The connection (land copy reads and writes whole tables through it).
    [[nodiscard]] detail::PgConnection& connection() noexcept { return db_; }
    [[nodiscard]] int srid() const noexcept { return srid_; }

private:
    void create_schema(const Settings& settings);  // postgis_schema.cpp
    void read_meta();                              // postgis_schema.cpp
    // Runs `sql` and reads the schema in force on `date` into `schema`, in one round trip (the
    // schema is sent along, or kept from earlier in the open transaction).
    detail::PgResult query_with_schema(const std::string& sql, const detail::PgParams& params, const std::string& date,
                                       std::optional<Schema>& schema);
    // The schema answered by the statement of the survey in force (or else the first survey's),
    // kept for the rest of the open transaction; and the one kept for `date`, if any.
    std::optional<Schema> keep_schema(const std::string& date, const detail::PgResult& in_force);
    [[nodiscard]] const std::optional<Schema>* kept_schema(const std::string& date) const;
    // Reads parcel rows (postgis_read.cpp's parcel columns) into the state.
    static void read_parcels(const detail::PgResult& rows, State& state);
    // Takes the sheet's advisory lock until the open write ends (reentrant).
    void lock_sheet(const std::string& sheet_key);
    // Inserts the plan's commit and takes the ids of the rows it will add (postgis_write.cpp).
    // Returns one row: the commit's number, then arrays of new parcel, version and event ids.
    detail::PgResult insert_commit(const Plan& plan, const std::string& recorded_at, std::size_t uids,
                                   std::size_t versions, std::size_t events);
    // Deletes the published layer and its features (inside the caller's transaction); returns
    // whether there was one.
    bool drop_layer(const std::string& name);
    // The working CRS's area of use with validate's margin (everything when PROJ records none).
    [[nodiscard]] Box crs_area() const;

    detail::PgConnection db_;
    // The last schema_at() answer, kept until its transaction ends (a write reads it more than once).
    struct SchemaRead {
        std::uint64_t transaction = 0;
        std::string date;
        std::optional<Schema> schema;
    } schema_read_;
    std::string crs_;
    int srid_ = 0;
    Settings settings_;  // the meta table as read at open
};

}  // namespace libland::store
