// The SpatiaLite schema of a land database (documented in docs/store-schema.md).
#include "query/sql.hpp"
#include "store/meta_settings.hpp"
#include "store/spatialite_backend.hpp"

#include <libland/error.hpp>

#include <optional>

namespace libland::store {

namespace {


// Tables without geometry. Validity is [valid_from, valid_to), valid_to NULL while current.
constexpr const char* tables_sql = R"sql(
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE commits (
  commit_id   INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('survey', 'transaction')),
  valid_date  TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  message     TEXT NOT NULL DEFAULT '',
  document    TEXT NOT NULL DEFAULT '',
  backdated   INTEGER NOT NULL DEFAULT 0,
  source      TEXT NOT NULL DEFAULT '',
  fields      TEXT,
  id_fields   TEXT,
  use_field   TEXT);
CREATE INDEX commits_survey_date ON commits (kind, valid_date);
CREATE TABLE commit_communes (
  commit_id INTEGER NOT NULL REFERENCES commits,
  commune   TEXT NOT NULL,
  PRIMARY KEY (commune, commit_id)) WITHOUT ROWID;
CREATE TABLE commit_sheets (
  commit_id INTEGER NOT NULL REFERENCES commits,
  sheet_key TEXT NOT NULL,
  PRIMARY KEY (sheet_key, commit_id)) WITHOUT ROWID;
CREATE TABLE parcels (
  uid            INTEGER PRIMARY KEY,
  created_commit INTEGER NOT NULL REFERENCES commits);
CREATE TABLE parcel_versions (
  version_id  INTEGER PRIMARY KEY,
  uid         INTEGER NOT NULL REFERENCES parcels,
  key         TEXT NOT NULL,
  sheet_key   TEXT NOT NULL,
  number      INTEGER,
  use         TEXT NOT NULL DEFAULT '',
  area_m2     REAL NOT NULL,
  attributes  TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_to    TEXT,
  commit_id   INTEGER NOT NULL REFERENCES commits,
  closed_by   INTEGER REFERENCES commits,
  recorded_at TEXT NOT NULL);
CREATE INDEX parcel_versions_uid ON parcel_versions (uid, valid_from);
CREATE INDEX parcel_versions_key ON parcel_versions (key);
CREATE INDEX parcel_versions_sheet ON parcel_versions (sheet_key, number);
CREATE UNIQUE INDEX parcel_versions_current_key ON parcel_versions (key) WHERE valid_to IS NULL;
CREATE TABLE events (
  event_id   INTEGER PRIMARY KEY,
  commit_id  INTEGER NOT NULL REFERENCES commits,
  type       TEXT NOT NULL,
  valid_date TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  document   TEXT NOT NULL DEFAULT '');
CREATE INDEX events_commit ON events (commit_id, type);
CREATE INDEX events_date ON events (valid_date);
CREATE TABLE event_parcels (
  event_id   INTEGER NOT NULL REFERENCES events,
  version_id INTEGER NOT NULL REFERENCES parcel_versions,
  role       TEXT NOT NULL CHECK (role IN ('parent', 'child')),
  PRIMARY KEY (event_id, role, version_id)) WITHOUT ROWID;
CREATE INDEX event_parcels_version ON event_parcels (version_id);
CREATE TABLE lineage (
  event_id       INTEGER NOT NULL REFERENCES events,
  parent_version INTEGER NOT NULL REFERENCES parcel_versions,
  child_version  INTEGER NOT NULL REFERENCES parcel_versions,
  area_m2        REAL NOT NULL,
  PRIMARY KEY (parent_version, child_version));
CREATE INDEX lineage_child ON lineage (child_version);
CREATE TABLE layers (
  layer_id  INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  source    TEXT NOT NULL,
  loaded_at TEXT NOT NULL);
CREATE TABLE layer_features (
  feature_id INTEGER PRIMARY KEY,
  layer_id   INTEGER NOT NULL REFERENCES layers ON DELETE CASCADE,
  properties TEXT NOT NULL);
CREATE INDEX layer_features_layer ON layer_features (layer_id);
CREATE TABLE api_keys (
  name       TEXT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('officer', 'reader', 'registry')),
  sha256     TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used  TEXT);
CREATE TABLE commit_reverts (
  commit_id INTEGER PRIMARY KEY REFERENCES commits,
  reverted  INTEGER NOT NULL REFERENCES commits);
CREATE INDEX commit_reverts_reverted ON commit_reverts (reverted);
)sql";

// The current map as a view QGIS opens like a table (through parcel_versions' spatial index).
constexpr const char* views_sql = R"sql(
CREATE VIEW current_parcels AS
  SELECT version_id, uid, key, use, area_m2, attributes, valid_from, commit_id, recorded_at, geometry
  FROM parcel_versions WHERE valid_to IS NULL;
INSERT INTO views_geometry_columns
  (view_name, view_geometry, view_rowid, f_table_name, f_geometry_column, read_only)
  VALUES ('current_parcels', 'geometry', 'version_id', 'parcel_versions', 'geometry', 1);
)sql";

// SpatiaLite's own index triggers call RTreeAlign(), which prepares SQL for every row: a survey
// of a million parcels would spend most of its time there. These replace them with the same
// effect (and the same names, so SpatiaLite's DisableSpatialIndex still finds them): the R*Tree
// row takes the geometry's bounding box, read from the blob's header. The triggers stamping
// geometry_columns_time on every row are dropped for the same reason (nothing reads them).
constexpr const char* index_triggers_sql = R"sql(
DROP TRIGGER tmi_parcel_versions_geometry;
DROP TRIGGER tmu_parcel_versions_geometry;
DROP TRIGGER tmd_parcel_versions_geometry;
DROP TRIGGER tmi_events_geometry;
DROP TRIGGER tmu_events_geometry;
DROP TRIGGER tmd_events_geometry;
DROP TRIGGER gii_parcel_versions_geometry;
DROP TRIGGER giu_parcel_versions_geometry;
CREATE TRIGGER gii_parcel_versions_geometry AFTER INSERT ON parcel_versions
FOR EACH ROW WHEN NEW.geometry IS NOT NULL BEGIN
  INSERT INTO idx_parcel_versions_geometry (pkid, xmin, xmax, ymin, ymax) VALUES (NEW.ROWID,
    MbrMinX(NEW.geometry), MbrMaxX(NEW.geometry), MbrMinY(NEW.geometry), MbrMaxY(NEW.geometry));
END;
CREATE TRIGGER giu_parcel_versions_geometry AFTER UPDATE OF geometry ON parcel_versions
FOR EACH ROW BEGIN
  DELETE FROM idx_parcel_versions_geometry WHERE pkid = NEW.ROWID;
  INSERT INTO idx_parcel_versions_geometry (pkid, xmin, xmax, ymin, ymax) SELECT NEW.ROWID,
    MbrMinX(NEW.geometry), MbrMaxX(NEW.geometry), MbrMinY(NEW.geometry), MbrMaxY(NEW.geometry)
    WHERE NEW.geometry IS NOT NULL;
END;
DROP TRIGGER gii_events_geometry;
DROP TRIGGER giu_events_geometry;
CREATE TRIGGER gii_events_geometry AFTER INSERT ON events
FOR EACH ROW WHEN NEW.geometry IS NOT NULL BEGIN
  INSERT INTO idx_events_geometry (pkid, xmin, xmax, ymin, ymax) VALUES (NEW.ROWID,
    MbrMinX(NEW.geometry), MbrMaxX(NEW.geometry), MbrMinY(NEW.geometry), MbrMaxY(NEW.geometry));
END;
CREATE TRIGGER giu_events_geometry AFTER UPDATE OF geometry ON events
FOR EACH ROW BEGIN
  DELETE FROM idx_events_geometry WHERE pkid = NEW.ROWID;
  INSERT INTO idx_events_geometry (pkid, xmin, xmax, ymin, ymax) SELECT NEW.ROWID,
    MbrMinX(NEW.geometry), MbrMaxX(NEW.geometry), MbrMinY(NEW.geometry), MbrMaxY(NEW.geometry)
    WHERE NEW.geometry IS NOT NULL;
END;
)sql";

}  // namespace

void SpatialiteBackend::create_schema(const Settings& settings) {
    detail::Transaction tx(db_);
    db_.execute("SELECT InitSpatialMetadata(0, 'NONE')");
    detail::Statement srs(db_, "SELECT InsertEpsgSrid(?), InsertEpsgSrid(4326)");
    srs.bind(1, srid_);
    srs.step();
    srs.reset();
    detail::Statement known(db_, "SELECT count(*) FROM spatial_ref_sys WHERE srid = ?");
    known.bind(1, srid_);
    if (!known.step() || known.integer(0) == 0) {
        throw usage_error(crs_ + ": SpatiaLite does not know this CRS");
    }
    db_.execute(tables_sql);
    for (const char* table : {"parcel_versions", "events"}) {
        detail::Statement add(db_, "SELECT AddGeometryColumn(?, 'geometry', ?, 'MULTIPOLYGON', 'XY', 0), "
                                   "CreateSpatialIndex(?, 'geometry')");
        add.bind(1, table).bind(2, srid_).bind(3, table);
        add.step();
    }
    db_.execute(index_triggers_sql);
    detail::Statement add_layer(db_, "SELECT AddGeometryColumn('layer_features', 'geometry', ?, 'GEOMETRY', "
                                     "'XY', 0), CreateSpatialIndex('layer_features', 'geometry')");
    add_layer.bind(1, srid_).step();
    db_.execute(views_sql);
    detail::Statement meta(db_, "INSERT INTO meta (name, value) VALUES (?, ?)");
    settings_ = settings;
    settings_["crs"] = crs_;
    settings_["schema_version"] = std::to_string(current_schema_version);
    for (const auto& [name, value] : settings_) meta.bind(1, name).bind(2, value).run();
    tx.commit();
}


void SpatialiteBackend::read_meta() {
    std::optional<detail::Statement> meta;
    try {
        meta.emplace(db_, "SELECT name, value FROM meta");
    } catch (const input_error&) {
        throw input_error(db_.path() + ": not a land database (create one with `land init`)");
    }
    while (meta->step()) settings_[meta->text(0)] = meta->text(1);
    meta.reset();
    crs_ = setting("crs");
    srid_ = recorded_srid(settings_, db_.path());
    const int number = recorded_schema_version(settings_, db_.path());
    const std::string version = setting("schema_version");
    db_.prepare_for_writes();  // a land database: from here on it may be written (not when read-only)
    if (number < current_schema_version) {
        if (db_.read_only()) {
            throw input_error(db_.path() + ": land database schema version " + version +
                              " must be brought up to date first by a command that writes (land commit, a transaction)");
        }
        migrate(number);
    }
}

std::string SpatialiteBackend::setting(const std::string& name) const {
    const auto found = settings_.find(name);
    return found == settings_.end() ? std::string() : found->second;
}

SpatialiteBackend::SpatialiteBackend(detail::Database db) : db_(std::move(db)) {
    read_meta();  // a file that is no land database is refused before any write
    query::register_functions(db_);
}

SpatialiteBackend::SpatialiteBackend(detail::Database db, const std::string& crs, const Settings& settings)
    : db_(std::move(db)), crs_(crs) {
    srid_ = std::stoi(crs_.substr(5));
    create_schema(settings);
    query::register_functions(db_);
}

}  // namespace libland::store
