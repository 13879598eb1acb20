#pragma once
// The SpatiaLite backend: one file, the schema of docs/store-schema.md. Private.
#include "detail/sqlite.hpp"
#include "store/backend.hpp"

namespace libland::store {

class SpatialiteBackend final : public Backend {
public:
    // Opens an existing land database (checks its schema version).
    explicit SpatialiteBackend(detail::Database db);
    // Creates the schema in a new, empty database.
    SpatialiteBackend(detail::Database db, const std::string& crs, const Settings& settings);

    [[nodiscard]] const std::string& crs() const noexcept override { return crs_; }
    [[nodiscard]] const std::string& path() const noexcept override { return db_.path(); }
    [[nodiscard]] std::string setting(const std::string& name) const override;

    [[nodiscard]] std::unique_ptr<WriteLock> lock_for_write() override;
    void lock_sheets(const std::vector<std::string>&) override {}  // the write lock holds the whole file
    [[nodiscard]] std::string first_date() override;
    [[nodiscard]] std::string last_date() override;
    [[nodiscard]] std::string last_change(const std::vector<std::string>& communes) override;
    [[nodiscard]] std::string last_change_of_sheets(const std::vector<std::string>& sheets) override;
    [[nodiscard]] std::optional<Schema> schema_at(const std::string& date) override;
    [[nodiscard]] State state_at(const std::string& date, const std::optional<Box>& box) override;
    [[nodiscard]] State parcels_at(const std::vector<std::int64_t>& uids, const std::string& date) override;
    [[nodiscard]] std::optional<std::int64_t> find_uid(const std::string& parcel) override;
    [[nodiscard]] std::int64_t max_number(const std::string& sheet_key) override;
    CommitSummary apply(const Plan& plan) override;
    // spatialite_revert_reads.cpp
    [[nodiscard]] std::vector<StoredVersion> stored_versions(const std::vector<std::int64_t>& ids,
                                                             const std::vector<Field>& fields) override;
    [[nodiscard]] std::vector<RecordedEvent> commit_events(std::int64_t commit) override;
    [[nodiscard]] std::optional<std::int64_t> reopened_copy(std::int64_t version) override;

    [[nodiscard]] ParcelHistory history(std::int64_t uid) override;
    [[nodiscard]] std::vector<CommitRecord> log() override;
    [[nodiscard]] std::vector<std::string> commit_parcels(std::int64_t commit) override;
    [[nodiscard]] std::vector<ParcelEvent> events(const std::string& from, const std::string& to) override;

    std::int64_t load_layer(const std::string& file, const std::string& name,
                            const std::string& source_layer) override;
    [[nodiscard]] std::vector<LayerInfo> layers() override;
    [[nodiscard]] std::vector<LayerFeature> layer_features(const std::string& name,
                                                           const std::optional<Box>& box,
                                                           std::int64_t limit, std::int64_t offset) override;

    // spatialite_query.cpp
    [[nodiscard]] ParcelPage query_parcels(const ParcelQuery& query) override;
    [[nodiscard]] EventPage query_events(const EventQuery& query) override;
    [[nodiscard]] LayerPage query_layer(const std::string& name, const std::optional<Box>& box,
                                        std::optional<std::int64_t> id, std::int64_t limit,
                                        std::int64_t offset, const FeatureFilter& filter) override;
    [[nodiscard]] std::vector<Queryable> layer_properties(const std::string& name) override;
    // spatialite_settings.cpp
    [[nodiscard]] std::optional<std::string> read_setting(const std::string& name) override;
    void write_setting(const std::string& name, const std::string& value) override;
    [[nodiscard]] std::optional<Box> parcel_extent() override;
    [[nodiscard]] std::optional<Box> layer_extent(const std::string& name) override;
    [[nodiscard]] std::int64_t versions_outside_crs_area() override;
    void limit_page_cache(std::size_t bytes) override;

    // spatialite_housekeeping.cpp
    [[nodiscard]] std::vector<KeyInfo> keys() override;
    [[nodiscard]] std::optional<std::string> key_name(const std::string& sha256_hex) override;
    void revoke_key(const std::string& name) override;
    void remove_layer(const std::string& name) override;

    // spatialite_land_uses.cpp
    void add_land_use(const LocalLandUse& use) override;
    [[nodiscard]] std::vector<LocalLandUse> local_land_uses() override;

    void add_key(const std::string& name, KeyRole role, const std::string& sha256_hex) override;
    [[nodiscard]] std::optional<KeyRole> key_role(const std::string& sha256_hex) override;
    bool record_key_use(const std::string& sha256_hex, const std::string& day) override;

    // spatialite_copy.cpp
    [[nodiscard]] const Settings& settings() const noexcept override { return settings_; }
    void read_rows(const CopyTable& table, const std::function<void(const Row&)>& row) override;
    void write_rows(const CopyTable& table, const std::vector<Row>& rows) override;
    void finish_copy() override;
    void remove_all() override;

private:
    void create_schema(const Settings& settings);  // spatialite_schema.cpp
    void read_meta();                              // spatialite_schema.cpp
    void migrate(int from_version);                // spatialite_migrate.cpp
    // Reads parcel rows (columns of spatialite_read.cpp's parcel_columns) into a State.
    void read_parcels(detail::Statement& rows, State& state);
    // The schema in force on the date, read from the commits (schema_at keeps the last answer).
    [[nodiscard]] std::optional<Schema> read_schema_at(const std::string& date);
    // spatialite_authorship.cpp: records the plan's author and source; fills the log's authors,
    // sources and parcel counts.
    void record_authorship(std::int64_t commit, const Plan& plan);
    void read_authorship(std::vector<CommitRecord>& commits);
    // spatialite_layers.cpp: deletes the published layer and its features (inside the caller's
    // transaction); returns whether there was one.
    bool drop_layer(const std::string& name);
    // spatialite_write.cpp
    std::int64_t insert_commit(const Plan& plan, const std::string& recorded_at);

    // The working CRS's area of use with validate's margin (everything when PROJ records none),
    // looked up in PROJ's database once.
    [[nodiscard]] Box crs_area();

    detail::Database db_;
    std::string crs_;
    int srid_ = 0;
    Settings settings_;  // the meta table
    std::optional<Box> crs_area_;
    // What the database holds, as far as answers kept from it go: it changed when another
    // connection wrote (PRAGMA data_version) or this one did (its count of changed rows).
    struct Stamp {
        std::int64_t data_version = -1;
        std::int64_t own_changes = -1;
        bool operator==(const Stamp&) const = default;
    };
    [[nodiscard]] Stamp stamp();
    // The last schema_at answer, kept while the stamp is the same. A page of parcels asks for it
    // twice, every page of a day asks for the same.
    struct SchemaAt {
        Stamp stamp;
        std::string date;
        std::optional<Schema> schema;
    };
    SchemaAt schema_at_;
    // layer_properties' answers (a scan of a thousand features' JSON each), kept while the
    // stamp is the same.
    struct LayerProperties {
        Stamp stamp;
        std::vector<Queryable> properties;
    };
    std::map<std::string, LayerProperties> layer_properties_;
};

}  // namespace libland::store
