// The record refuses poison, run as the real `land` program on files the tests write: what
// `land validate` reports as an error is refused by `land commit` (exit 1, the parcels named, the
// database unchanged byte for byte), --repair repairs what land diff --repair repairs; text that
// is not UTF-8 is refused the same way by validate, diff, commit and layer load (exit 2, feature
// and field named); read-only commands never write the file; a file that is not a land database
// is never written; hostile geometry ends in bounded time.
#define BOOST_TEST_MODULE record_safety
#include <boost/test/unit_test.hpp>

#include "detail/sqlite.hpp"
#include "sample_maps.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"
#include "work_files.hpp"

#include <libland/store.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;
using libland::test::Outcome;

namespace {

const std::string suite = "record_safety";

Outcome land(const std::vector<std::string>& args) {
    return libland::test::run_land(args, libland::test::work_folder(suite));
}

const std::vector<std::string> id_use{"--id", "maXa,soTo,soThua", "--use", "loaiDat"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// One parcel of a test survey: its key parts (as JSON values, so that null and text can be
// written), its holder (raw bytes) and its outline.
struct Row {
    std::string maXa = "\"14362\"";
    std::string soTo = "7";
    std::string soThua;
    std::string holder = "Tran Thi B";
    std::string coordinates;  // a GeoJSON Polygon's coordinates
};

// A 20 m square on sheet 14362-7 at column c (the test area of store_fixtures.hpp, EPSG:5897).
std::string square_at(int c, double scale_x = 1) {
    const double x0 = (libland::test::store_x0 + 20.0 * c) * scale_x, y0 = libland::test::store_y0;
    std::ostringstream s;
    s.precision(17);
    s << "[[[" << x0 << "," << y0 << "],[" << x0 + 20 << "," << y0 << "],[" << x0 + 20 << "," << y0 + 20 << "],["
      << x0 << "," << y0 + 20 << "],[" << x0 << "," << y0 << "]]]";
    return s.str();
}

std::vector<Row> three_parcels() {
    std::vector<Row> rows(3);
    for (int i = 0; i < 3; ++i) {
        rows[i].soThua = std::to_string(i + 1);
        rows[i].coordinates = square_at(i);
    }
    return rows;
}

std::string write_survey(const std::string& name, const std::vector<Row>& rows) {
    std::string text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}},"features":[)";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        text += (i == 0 ? "" : ",") + std::string(R"({"type":"Feature","properties":{"maXa":)") + r.maXa +
                R"(,"soTo":)" + r.soTo + R"(,"soThua":)" + r.soThua + R"(,"loaiDat":"LUC","chuSuDung":")" + r.holder +
                R"("},"geometry":{"type":"Polygon","coordinates":)" + r.coordinates + "}}";
    }
    text += "]}";
    return libland::test::write_work_file(suite, name, text);
}

std::string bytes_of(const std::string& path) { return libland::test::slurp(path); }

bool has_side_files(const std::string& db) { return fs::exists(db + "-wal") || fs::exists(db + "-shm"); }

// A database holding the three parcels, committed on 2024-01-01.
std::string database_with_three(const std::string& name) {
    const std::string db = libland::test::fresh_database(suite, name);
    BOOST_TEST_REQUIRE(land({"init", db, "--crs", "EPSG:5897"}).code == 0);
    const Outcome first = land(with({"commit", db, write_survey(name + "-base.geojson", three_parcels()), "--date",
                                     "2024-01-01"},
                                    id_use));
    BOOST_TEST_REQUIRE(first.code == 0, first.err);
    return db;
}

// Commits `rows` on 2024-06-01 into a fresh database of three parcels and checks the refusal:
// exit 1, `expected` in the message, the database file unchanged and nothing beside it; land
// validate on the same file exits 1 too.
void check_refused(const std::string& name, const std::vector<Row>& rows, const std::string& expected) {
    const std::string db = database_with_three(name);
    const std::string before = bytes_of(db);
    const std::string survey = write_survey(name + ".geojson", rows);
    const Outcome refused = land(with({"commit", db, survey, "--date", "2024-06-01"}, id_use));
    BOOST_TEST(refused.code == 1, refused.err);
    BOOST_TEST(refused.err.find("nothing was written") != std::string::npos, refused.err);
    BOOST_TEST((refused.err + refused.out).find(expected) != std::string::npos, refused.err + refused.out);
    BOOST_TEST(refused.err.find("internal error") == std::string::npos);
    BOOST_TEST((bytes_of(db) == before), "the database changed");
    BOOST_TEST(!has_side_files(db));
    const Outcome log = land({"log", db});
    BOOST_TEST(log.code == 0);
    BOOST_TEST(log.out.find("2024-06-01") == std::string::npos, log.out);
    BOOST_TEST(land(with({"validate", survey}, id_use)).code == 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(commit_refuses_what_validate_calls_an_error)

BOOST_AUTO_TEST_CASE(a_slipped_decimal_point) {
    std::vector<Row> rows = three_parcels();
    rows[1].coordinates = square_at(1, 100);  // one easting x100
    check_refused("slipped", rows, "outside_crs_area");
}

BOOST_AUTO_TEST_CASE(a_coordinate_of_1e308) {
    std::vector<Row> rows = three_parcels();
    rows[2].coordinates = square_at(2, 1e302);
    check_refused("huge", rows, "14362-7-3");
}

BOOST_AUTO_TEST_CASE(a_null_key_part) {
    std::vector<Row> rows = three_parcels();
    rows[0].soTo = "null";
    check_refused("null_part", rows, "missing_id");
}

BOOST_AUTO_TEST_CASE(a_key_part_holding_the_separator) {
    std::vector<Row> rows = three_parcels();
    rows[0].maXa = "\"14-362\"";
    check_refused("dash_part", rows, "ambiguous_key");
}

BOOST_AUTO_TEST_CASE(duplicate_keys) {
    std::vector<Row> rows = three_parcels();
    rows[2].soThua = "2";
    check_refused("duplicate", rows, "14362-7-2");
}

BOOST_AUTO_TEST_CASE(an_invalid_geometry_then_repair) {
    std::vector<Row> rows = three_parcels();
    const double x = libland::test::store_x0 + 40, y = libland::test::store_y0;
    std::ostringstream bowtie;  // a self-intersecting outline of parcel 3 over its own square
    bowtie.precision(17);
    bowtie << "[[[" << x << "," << y << "],[" << x + 20 << "," << y + 20 << "],[" << x + 20 << "," << y << "],[" << x
           << "," << y + 20 << "],[" << x << "," << y << "]]]";
    rows[2].coordinates = bowtie.str();
    check_refused("bowtie", rows, "invalid_geometry");
    const std::string db = database_with_three("bowtie_repaired");
    const Outcome repaired = land(
        with({"commit", db, write_survey("bowtie.geojson", rows), "--date", "2024-06-01", "--repair"}, id_use));
    BOOST_TEST(repaired.code == 0, repaired.err);
    BOOST_TEST(repaired.out.find("repaired 1 invalid geometry") != std::string::npos, repaired.out);
    BOOST_TEST(land({"log", db}).out.find("2024-06-01") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_infinite_tolerance) {
    const std::string db = database_with_three("inf_tolerance");
    const Outcome o = land(with({"commit", db, write_survey("inf.geojson", three_parcels()), "--date", "2024-06-01",
                                 "--tolerance", "inf"},
                                id_use));
    BOOST_TEST(o.code == 2);
    BOOST_TEST(o.err.find("not a finite number") != std::string::npos, o.err);
    BOOST_TEST(land(with({"validate", write_survey("inf.geojson", three_parcels()), "--tolerance", "inf"}, id_use))
                   .code == 2);
}

// A version with a slipped decimal point, as an older program stored it, is left out of the
// extent and counted; reads of the map go on.
BOOST_AUTO_TEST_CASE(extents_skip_a_bad_version_stored_before) {
    const std::string db = database_with_three("stored_before");
    {
        libland::detail::Database raw(db, libland::detail::Database::Mode::open_existing);
        raw.execute("UPDATE parcel_versions SET geometry = ScaleCoords(geometry, 100, 1), area_m2 = 1e308 "
                    "WHERE key = '14362-7-2'");
    }
    libland::Store store = libland::Store::open(db, libland::Store::Access::read_only);
    BOOST_TEST(store.versions_outside_crs_area() == 1);
    const std::optional<libland::Box> extent = store.parcel_extent();
    BOOST_TEST_REQUIRE(extent.has_value());
    BOOST_TEST(extent->min_x >= libland::test::store_x0 - 1);
    BOOST_TEST(extent->max_x <= libland::test::store_x0 + 61);
    BOOST_TEST(store.as_of("2024-02-01").parcels.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text_that_is_not_utf8)

// "Nguy\xD4n": TCVN3 bytes in a GeoJSON file, which must be UTF-8.
std::string legacy_survey() {
    std::vector<Row> rows = three_parcels();
    rows[1].holder = "Nguy\xD4n";
    return write_survey("legacy.geojson", rows);
}

BOOST_AUTO_TEST_CASE(every_command_gives_the_same_refusal) {
    const std::string file = legacy_survey();
    const std::string db = database_with_three("legacy");
    const std::string before = bytes_of(db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             with({"validate", file}, id_use),
             with({"diff", file, file, "-o", libland::test::work_path(suite, "legacy.csv")}, id_use),
             with({"commit", db, file, "--date", "2024-06-01"}, id_use),
             {"layer", "load", db, file, "--name", "legacy"}}) {
        const Outcome o = land(args);
        BOOST_TEST(o.code == 2, args.front() << ": " << o.err);
        BOOST_TEST(o.err.find("not UTF-8") != std::string::npos, args.front() << ": " << o.err);
        BOOST_TEST(o.err.find("chuSuDung") != std::string::npos, args.front() << ": " << o.err);
        BOOST_TEST(o.err.find("feature 1") != std::string::npos, args.front() << ": " << o.err);
        BOOST_TEST(o.err.find("internal error") == std::string::npos, o.err);
    }
    BOOST_TEST((bytes_of(db) == before), "the database changed");
}

BOOST_AUTO_TEST_CASE(the_named_encoding_decodes_it) {
    const std::string db = database_with_three("legacy_decoded");
    const Outcome o = land(with({"commit", db, legacy_survey(), "--date", "2024-06-01", "--encoding", "TCVN3"}, id_use));
    BOOST_TEST(o.code == 0, o.err);
    BOOST_TEST(o.out.find("attributes_changed 1") != std::string::npos, o.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(files)

// Returns the journal mode recorded in an SQLite file's header: 1 rollback journal, 2 WAL.
int journal_mode_in_header(const std::string& path) {
    const std::string bytes = bytes_of(path);
    return bytes.size() > 19 ? static_cast<unsigned char>(bytes[18]) : -1;
}

BOOST_AUTO_TEST_CASE(read_only_commands_never_write) {
    const std::string db = database_with_three("read_only");
    // The owner switched the file to a rollback journal: readers must leave it so.
    libland::detail::Database(db, libland::detail::Database::Mode::open_existing).execute("PRAGMA journal_mode=DELETE");
    BOOST_TEST_REQUIRE(journal_mode_in_header(db) == 1);
    const std::string before = bytes_of(db);
    const auto time_before = fs::last_write_time(db);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"log", db},
             {"history", db, "14362-7-1"},
             {"export", db, "--as-of", "2024-02-01", "-o", libland::test::work_path(suite, "export.gpkg")},
             {"changes", db, "--from", "2023-01-01", "--to", "2024-02-01", "-o",
              libland::test::work_path(suite, "changes.csv")}}) {
        const Outcome o = land(args);
        BOOST_TEST(o.code == 0, args.front() << ": " << o.err);
        BOOST_TEST(!has_side_files(db), args.front());
    }
    BOOST_TEST(journal_mode_in_header(db) == 1);
    BOOST_TEST((bytes_of(db) == before), "a read-only command changed the database");
    BOOST_TEST((fs::last_write_time(db) == time_before));
}

BOOST_AUTO_TEST_CASE(swapped_arguments_leave_the_geopackage_alone) {
    BOOST_TEST_REQUIRE(libland::test::have_sample_surveys());
    const std::string gpkg = libland::test::work_path(suite, "survey_copy.gpkg");
    fs::copy_file(libland::test::survey_2024, gpkg);
    const std::string before = bytes_of(gpkg);
    const std::string db = database_with_three("swapped");
    const Outcome o = land(with({"commit", gpkg, db, "--date", "2024-06-01"}, id_use));
    BOOST_TEST(o.code == 2);
    BOOST_TEST(o.err.find("not a land database") != std::string::npos, o.err);
    BOOST_TEST((bytes_of(gpkg) == before), "the GeoPackage was written");
    BOOST_TEST(!has_side_files(gpkg));
    const std::string text = libland::test::write_work_file(suite, "notes.txt", "not a database at all");
    const Outcome plain = land({"log", text});
    BOOST_TEST(plain.code == 2);
    BOOST_TEST(plain.err.find("not a land database") != std::string::npos, plain.err);
    BOOST_TEST(bytes_of(text) == "not a database at all");
}

BOOST_AUTO_TEST_CASE(what_a_database_can_hold_is_no_internal_error) {
    const std::string db = database_with_three("bad_meta");
    {
        libland::detail::Database raw(db, libland::detail::Database::Mode::open_existing);
        raw.execute("UPDATE meta SET value = 'EPSG:abc' WHERE name = 'crs'");
    }
    const Outcome o = land({"log", db});
    BOOST_TEST(o.code == 2, o.err);
    BOOST_TEST(o.err.find("not a land database") != std::string::npos, o.err);
    BOOST_TEST(o.err.find("internal error") == std::string::npos, o.err);
}

BOOST_AUTO_TEST_CASE(temporary_files_of_killed_runs_are_removed) {
    const std::string db = database_with_three("stale");
    const std::string out = libland::test::work_path(suite, "stale_export.gpkg");
    // What a `land export` killed (SIGKILL) before renaming its output leaves behind.
    const std::string stale = libland::test::write_work_file(suite, ".tmp-4194000-0-stale_export.gpkg", "partial");
    const Outcome o = land({"export", db, "--as-of", "2024-02-01", "-o", out});
    BOOST_TEST(o.code == 0, o.err);
    BOOST_TEST(fs::exists(out));
    BOOST_TEST(!fs::exists(stale));
}

BOOST_AUTO_TEST_CASE(writes_are_durable_when_acknowledged) {
    const std::string db = database_with_three("durable");
    libland::detail::Database writer(db, libland::detail::Database::Mode::open_existing);
    writer.prepare_for_writes();
    libland::detail::Statement sync(writer, "PRAGMA synchronous");
    BOOST_TEST_REQUIRE(sync.step());
    BOOST_TEST(sync.integer(0) == 2);  // FULL
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bounded_geometry_work)

// Two parcels 100 km long and 1 m wide overlapping by half their width: the maximum inscribed
// circle of their overlap ran without end in GEOS 3.11 (libgeos/geos#875).
BOOST_AUTO_TEST_CASE(a_thin_long_overlap_is_reported) {
    std::vector<Row> rows(2);
    const double x = libland::test::store_x0, y = libland::test::store_y0, length = 1e8;
    for (int i = 0; i < 2; ++i) {
        std::ostringstream c;
        c.precision(17);
        const double y0 = y + 0.5 * i;
        c << "[[[" << x << "," << y0 << "],[" << x + length << "," << y0 << "],[" << x + length << "," << y0 + 1
          << "],[" << x << "," << y0 + 1 << "],[" << x << "," << y0 << "]]]";
        rows[static_cast<std::size_t>(i)].soThua = std::to_string(i + 1);
        rows[static_cast<std::size_t>(i)].coordinates = c.str();
    }
    const Outcome o = land(with({"validate", write_survey("thin.geojson", rows)}, id_use));
    BOOST_TEST(o.code == 1, o.err);
    BOOST_TEST(o.out.find("overlap") != std::string::npos, o.out);
    BOOST_TEST(o.out.find("0.50 m wide") != std::string::npos, o.out);
}

// A parcel of 5,000 separate squares beside an ordinary one: buffered part by part.
BOOST_AUTO_TEST_CASE(a_multipolygon_of_thousands_of_parts) {
    std::string parts;
    const int n = 5000;
    for (int i = 0; i < n; ++i) {
        const double x = libland::test::store_x0 + 3.0 * (i % 100), y = libland::test::store_y0 + 3.0 * (i / 100);
        std::ostringstream c;
        c.precision(17);
        c << (i == 0 ? "" : ",") << "[[[" << x << "," << y << "],[" << x + 2 << "," << y << "],[" << x + 2 << ","
          << y + 2 << "],[" << x << "," << y + 2 << "],[" << x << "," << y << "]]]";
        parts += c.str();
    }
    std::string text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}},"features":[)"
                       R"({"type":"Feature","properties":{"maXa":"14362","soTo":7,"soThua":1,"loaiDat":"LUC"},)"
                       R"("geometry":{"type":"MultiPolygon","coordinates":[)" + parts + "]}}]}";
    const Outcome o = land(with({"validate", libland::test::write_work_file(suite, "parts.geojson", text)}, id_use));
    BOOST_TEST(o.code == 0, o.err + o.out);
    BOOST_TEST(o.out.find("1 parcel, 0 errors") != std::string::npos, o.out);
}

BOOST_AUTO_TEST_CASE(diff_refuses_duplicate_keys_naming_them) {
    std::vector<Row> rows = three_parcels();
    rows[1].soThua = "1";
    rows[2].soThua = "1";
    const std::string after = write_survey("dup_after.geojson", rows);
    const Outcome o = land(with({"diff", write_survey("dup_before.geojson", three_parcels()), after, "-o",
                                 libland::test::work_path(suite, "dup.csv")},
                                id_use));
    BOOST_TEST(o.code == 2, o.err);
    BOOST_TEST(o.err.find("14362-7-1 held by 3 parcels") != std::string::npos, o.err);
    BOOST_TEST(!fs::exists(libland::test::work_path(suite, "dup.csv")));
}

BOOST_AUTO_TEST_SUITE_END()
