// The officers' safety net through the real `land`: dates refused in the future (Vietnam's civil
// date), before 1900 or malformed; land-use codes outside the database's list refused (set-use,
// survey commits unless --accept-unknown-codes), local codes added and listed; --dry-run on
// commit and transactions; `land COMMAND --help` and `land --version`. Every refusal exits 2,
// names the value, and leaves the database file byte for byte as it was.
#define BOOST_TEST_MODULE safety_command
#include <boost/test/unit_test.hpp>

#include "api_keys.hpp"
#include "sample_maps.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <libland/date.hpp>
#include <libland/store.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace libland;
using libland::test::Outcome;
using libland::test::survey_2019;
using libland::test::survey_2024;

namespace {

std::string scratch() { return libland::test::work_folder("safety_command"); }

Outcome land(const std::vector<std::string>& args) { return libland::test::run_land(args, scratch()); }

const std::vector<std::string> id_use{"--id", "maXa,soTo,soThua", "--use", "loaiDat"};

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A database holding the 2019 sample survey.
std::string database_2019(const std::string& name) {
    const std::string db = libland::test::fresh_database("safety_command", name);
    BOOST_TEST_REQUIRE(land({"init", db, "--crs", "EPSG:5897"}).code == 0);
    const Outcome first = land(concat({"commit", db, survey_2019, "--date", "2019-06-30"}, id_use));
    BOOST_TEST_REQUIRE(first.code == 0, first.err);
    return db;
}

// Runs `land args`, expecting exit 2 with `message` in its error and the database file unchanged.
void check_refused(const std::string& db, const std::vector<std::string>& args, const std::string& message) {
    const std::string bytes = libland::test::slurp(db);
    const Outcome o = land(args);
    BOOST_TEST(o.code == 2, o.err);
    BOOST_TEST(o.err.find(message) != std::string::npos, "message: " << o.err << " expected: " << message);
    BOOST_TEST((libland::test::slurp(db) == bytes), "the database file changed");
}

std::string tomorrow_in_vietnam() {
    using namespace std::chrono;
    const year_month_day d{floor<days>(system_clock::now() + hours{7}) + days{1}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safety_command, *boost::unit_test::precondition(libland::test::sample_maps_present))

BOOST_AUTO_TEST_CASE(future_old_and_malformed_dates_are_refused_with_nothing_written) {
    const std::string db = database_2019("dates.sqlite");
    const std::vector<std::string> set_use{"set-use", db, "14362-1-1", "ONT", "--doc", "QD-1", "--date"};
    check_refused(db, concat(set_use, {"2205-03-01"}), "land set-use: the date 2205-03-01 is after today (");
    check_refused(db, concat(set_use, {tomorrow_in_vietnam()}), "the date " + tomorrow_in_vietnam() + " is after today");
    check_refused(db, concat(set_use, {"1899-12-31", "--backdate"}),
                  "the date 1899-12-31 is before 1900-01-01; a change to the land record cannot be that old");
    check_refused(db, concat(set_use, {"2024-+1-+1"}), "'2024-+1-+1' is not a date (YYYY-MM-DD)");
    check_refused(db, concat(set_use, {"2024- 1- 1"}), "'2024- 1- 1' is not a date (YYYY-MM-DD)");
    check_refused(db, concat({"commit", db, survey_2024, "--date", "2205-01-01"}, id_use),
                  "the date 2205-01-01 is after today");
    check_refused(db, {"export", db, "--as-of", "2024-+1-+1", "-o", scratch() + "/x.gpkg"},
                  "'2024-+1-+1' is not a date");
    // Today in Vietnam is a valid date.
    const Outcome today = land(concat(set_use, {today_in_vietnam()}));
    BOOST_TEST(today.code == 0, today.err);
}

BOOST_AUTO_TEST_CASE(unknown_or_miscased_land_use_codes_are_refused_in_set_use) {
    const std::string db = database_2019("codes.sqlite");
    const std::vector<std::string> args{"--date", "2025-01-01", "--doc", "QD-1"};
    check_refused(db, concat({"set-use", db, "14362-1-1", "ONX"}, args),
                  "land set-use: the land-use code 'ONX' is not in the database's code list; `land codes list` shows");
    check_refused(db, concat({"set-use", db, "14362-1-1", "ont"}, args),
                  "the land-use code 'ont' is not in the database's code list (codes are case-sensitive: did you "
                  "mean 'ONT'?)");
    check_refused(db, {"codes", "add", db, "LUC"}, "the land-use code 'LUC' is a national code already");
    check_refused(db, {"codes", "add", db, "X Y"}, "'X Y' cannot be a land-use code");

    const Outcome added = land({"codes", "add", db, "XLU", "--name", "village playground"});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    check_refused(db, {"codes", "add", db, "XLU"}, "the land-use code 'XLU' is already in the database's list");
    const Outcome listed = land({"codes", "list", db});
    BOOST_TEST(listed.code == 0);
    BOOST_TEST(listed.out.find("XLU") != std::string::npos);
    BOOST_TEST(listed.out.find("village playground") != std::string::npos);
    BOOST_TEST(listed.out.find("specialised wet rice") != std::string::npos);
    const Outcome set = land(concat({"set-use", db, "14362-1-1", "XLU"}, args));
    BOOST_TEST(set.code == 0, set.err);
    const Outcome history = land({"history", db, "14362-1-1"});
    BOOST_TEST(history.out.find("XLU") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_survey_with_unknown_codes_is_refused_unless_accepted) {
    const std::string db = database_2019("survey_codes.sqlite");
    // The 2024 survey with the code of sheet 1's specialised rice miswritten "LUc".
    const std::string typo = libland::test::work_path("safety_command", "typo_2024.gpkg");
    std::filesystem::copy_file(survey_2024, typo);
    const std::string update = "ogrinfo -q " + typo +
                               " -sql \"UPDATE thua_dat SET loaiDat = 'LUc' WHERE soTo = 1 AND loaiDat = 'LUC'\"";
    BOOST_TEST_REQUIRE(std::system(update.c_str()) == 0);
    const std::vector<std::string> args{"commit", db, typo, "--date", "2024-06-30", "--id", "maXa,soTo,soThua",
                                        "--use", "loaiDat"};
    check_refused(db, args, "land-use codes not in the database's code list: 'LUc' (codes are case-sensitive: "
                            "did you mean 'LUC'?): ");
    check_refused(db, args, "commit with --accept-unknown-codes to record them as they are");
    const Outcome accepted = land(concat(args, {"--accept-unknown-codes"}));
    BOOST_TEST_REQUIRE(accepted.code == 0, accepted.err);
    BOOST_TEST(accepted.out.find("warning: land-use code 'LUc' (codes are case-sensitive: did you mean 'LUC'?): ") !=
               std::string::npos, accepted.out);
    BOOST_TEST(accepted.out.find("recorded as given") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(dry_runs_print_what_would_be_recorded_and_write_nothing) {
    const std::string db = database_2019("dry.sqlite");
    const std::string bytes = libland::test::slurp(db);
    const Outcome commit = land(concat({"commit", db, survey_2024, "--date", "2024-06-30", "--dry-run"}, id_use));
    BOOST_TEST_REQUIRE(commit.code == 0, commit.err);
    BOOST_TEST(commit.out.find("dry run, nothing recorded; would record commit 2 (2024-06-30): ") != std::string::npos,
               commit.out);
    const Outcome use = land({"set-use", db, "14362-1-1", "ONT", "--date", "2025-01-01", "--doc", "QD-1", "--dry-run"});
    BOOST_TEST_REQUIRE(use.code == 0, use.err);
    BOOST_TEST(use.out.find("dry run, nothing recorded; would record commit 2 (2025-01-01): use_changed 1") !=
               std::string::npos, use.out);
    BOOST_TEST(use.out.find("new parcel versions: 14362-1-1") != std::string::npos);
    // A dry run refuses as the real run would.
    check_refused(db, {"set-use", db, "14362-1-1", "ONX", "--date", "2025-01-01", "--doc", "QD-1", "--dry-run"},
                  "'ONX' is not in the database's code list");
    BOOST_TEST((libland::test::slurp(db) == bytes), "a dry run changed the database file");
    BOOST_TEST(land({"log", db}).out.find("2024-06-30") == std::string::npos);
    // The real run records what the dry run announced.
    const Outcome real = land(concat({"commit", db, survey_2024, "--date", "2024-06-30"}, id_use));
    BOOST_TEST(real.out.substr(real.out.find("commit 2")) ==
               commit.out.substr(commit.out.find("commit 2")));
}

BOOST_AUTO_TEST_CASE(a_survey_of_another_kind_or_lacking_fields_is_refused_unless_forced) {
    const std::string db = database_2019("schema.sqlite");
    check_refused(db,
                  {"commit", db, libland::test::sample_maps + "/planning_zones.gpkg", "--date", "2024-06-30", "--id",
                   "zone_code", "--use", "planned_use"},
                  "planning_zones.gpkg: the database's parcels are keyed by maXa,soTo,soThua with the use in loaiDat, "
                  "this survey by zone_code with the use in planned_use (a map of another kind?); use --force");
    const std::string thin = libland::test::work_path("safety_command", "no_area_2024.gpkg");
    const std::string copy = "ogr2ogr -q -f GPKG " + thin + " " + survey_2024 +
                             " thua_dat -select maXa,soTo,soThua,loaiDat,chuSuDung";
    BOOST_TEST_REQUIRE(std::system(copy.c_str()) == 0);
    const std::vector<std::string> args = concat({"commit", db, thin, "--date", "2024-06-30"}, id_use);
    check_refused(db, args, "no_area_2024.gpkg: lacks fields dienTich,diaChi that the database's parcels have; "
                            "committed, the map from its date on would lose them (use --force to record the survey "
                            "without them)");
    const Outcome forced = land(concat(args, {"--force", "--dry-run"}));
    BOOST_TEST(forced.code == 0, forced.err);
}

BOOST_AUTO_TEST_CASE(a_repeated_survey_is_refused_naming_the_commit) {
    const std::string db = database_2019("repeat.sqlite");
    check_refused(db, concat({"commit", db, survey_2019, "--date", "2019-06-30"}, id_use),
                  "survey_2019.gpkg: has the same content (SHA-256) as a committed survey: this is the survey "
                  "committed as commit 1 on 2019-06-30; it was committed already (use --force to record it again)");
    // The same map from another file (a GeoJSON copy) is found by content too.
    const std::string copy = libland::test::work_path("safety_command", "copy_2019.gpkg");
    BOOST_TEST_REQUIRE(std::system(("ogr2ogr -q -f GPKG " + copy + " " + survey_2019).c_str()) == 0);
    check_refused(db, concat({"commit", db, copy, "--date", "2020-01-01"}, id_use),
                  "copy_2019.gpkg: is identical to the map as of 2019-06-30: this is the survey committed as "
                  "commit 1 on 2019-06-30; dated 2020-01-01 it would undo every change since 2019-06-30");
    const Outcome second = land(concat({"commit", db, survey_2024, "--date", "2024-06-30"}, id_use));
    BOOST_TEST_REQUIRE(second.code == 0, second.err);
    check_refused(db, concat({"commit", db, survey_2019, "--date", "2025-01-01"}, id_use),
                  "this is the survey committed as commit 1 on 2019-06-30; dated 2025-01-01 it would undo every "
                  "change since 2019-06-30");
    check_refused(db, concat({"commit", db, survey_2024, "--date", "2025-01-01"}, id_use),
                  "this is the survey committed as commit 2 on 2024-06-30");
    const Outcome forced = land(concat({"commit", db, survey_2024, "--date", "2025-01-01", "--force"}, id_use));
    BOOST_TEST(forced.code == 0, forced.err);
    BOOST_TEST(forced.out.find("no changes") != std::string::npos, forced.out);
}

BOOST_AUTO_TEST_CASE(keys_are_listed_without_the_key_and_revoked) {
    const std::string db = database_2019("keys.sqlite");
    const Outcome added = land({"keys", "add", db, "--name", "so-du-lich", "--role", "reader"});
    BOOST_TEST_REQUIRE(added.code == 0);
    const std::string key = added.out.substr(0, added.out.find('\n'));
    BOOST_TEST_REQUIRE(land({"keys", "add", db, "--name", "officer-1", "--role", "officer"}).code == 0);
    const Outcome listed = land({"keys", "list", db});
    BOOST_TEST(listed.code == 0);
    BOOST_TEST(listed.out.find("so-du-lich") != std::string::npos);
    BOOST_TEST(listed.out.find("officer-1") != std::string::npos);
    BOOST_TEST(listed.out.find(key) == std::string::npos, "the list shows a key");
    BOOST_TEST(listed.out.find("lk_") == std::string::npos);
    check_refused(db, {"keys", "revoke", db, "nobody"}, "no API key named 'nobody' (land keys list shows them)");
    const Outcome revoked = land({"keys", "revoke", db, "so-du-lich"});
    BOOST_TEST(revoked.code == 0, revoked.err);
    {
        Store store = Store::open(db);
        BOOST_TEST(!api_keys::role(store, key).has_value());
    }
    const Outcome after = land({"keys", "list", db});
    const std::size_t row = after.out.find("so-du-lich");
    BOOST_TEST_REQUIRE(row != std::string::npos);
    // The revoked row carries its date of revocation (today, UTC).
    BOOST_TEST(after.out.substr(row, after.out.find('\n', row) - row).find("T") != std::string::npos);
    check_refused(db, {"keys", "revoke", db, "so-du-lich"}, "no API key named 'so-du-lich'");
}

BOOST_AUTO_TEST_CASE(layers_are_listed_removed_and_their_names_restricted) {
    const std::string db = database_2019("layers.sqlite");
    const std::string zones = libland::test::sample_maps + "/planning_zones.gpkg";
    check_refused(db, {"layer", "load", db, zones, "--name", "quy hoach"},
                  "'quy hoach' cannot name a published layer (1 to 64 letters, digits, '_' or '-')");
    check_refused(db, {"layer", "load", db, zones, "--name", "a/b"}, "'a/b' cannot name a published layer");
    BOOST_TEST_REQUIRE(land({"layer", "load", db, zones, "--name", "planning_zones"}).code == 0);
    const Outcome listed = land({"layer", "list", db});
    BOOST_TEST(listed.code == 0);
    BOOST_TEST(listed.out.find("planning_zones") != std::string::npos);
    BOOST_TEST(listed.out.find(" 12 ") != std::string::npos, listed.out);
    check_refused(db, {"layer", "remove", db, "nothing"}, "no published layer named 'nothing'");
    BOOST_TEST(land({"layer", "remove", db, "planning_zones"}).code == 0);
    BOOST_TEST(Store::open(db).layers().empty());
}

BOOST_AUTO_TEST_CASE(the_log_tells_who_did_what_from_which_file) {
    const std::string db = database_2019("authors.sqlite");
    const Outcome second = land(concat({"commit", db, survey_2024, "--date", "2024-06-30", "--by", "Nguyen Van A"}, id_use));
    BOOST_TEST_REQUIRE(second.code == 0, second.err);
    const Outcome use = land({"set-use", db, "14362-1-1", "ONT", "--date", "2025-01-01", "--doc", "QD-1/2025", "--by",
                              "Tran Thi B", "--reason", "house built"});
    BOOST_TEST_REQUIRE(use.code == 0, use.err);
    // The library's record: authors (the OS user by default), the file's name and SHA-256.
    const std::vector<CommitRecord> log = Store::open(db).log();
    BOOST_TEST_REQUIRE(log.size() == 3u);
    BOOST_TEST(!log[0].author.empty());
    BOOST_TEST(log[0].source == "survey_2019.gpkg");
    BOOST_TEST(log[1].author == "Nguyen Van A");
    BOOST_TEST(log[1].source == "survey_2024.gpkg");
    const std::string sums = scratch() + "/sha256sum.out";
    BOOST_TEST_REQUIRE(libland::test::wait_for(libland::test::spawn_program("/usr/bin/sha256sum", {survey_2024}, sums,
                                                                           scratch() + "/sha256sum.err")) == 0);
    BOOST_TEST(log[1].source_sha256 == libland::test::slurp(sums).substr(0, 64));
    BOOST_TEST(log[2].author == "Tran Thi B");
    BOOST_TEST(log[2].parcels == 1);
    BOOST_TEST(log[2].source.empty());

    const Outcome all = land({"log", db});
    BOOST_TEST(all.out.find("Tran Thi B") != std::string::npos);
    BOOST_TEST(all.out.find("QD-1/2025") != std::string::npos);
    BOOST_TEST(all.out.find("survey_2024.gpkg sha256:" + log[1].source_sha256.substr(0, 12)) != std::string::npos);
    const Outcome by = land({"log", db, "--by", "Tran Thi B", "--verbose"});
    BOOST_TEST(by.out.find("Nguyen Van A") == std::string::npos);
    BOOST_TEST(by.out.find("commit 3 parcels: 14362-1-1\n") != std::string::npos, by.out);
    const Outcome dated = land({"log", db, "--from", "2020-01-01", "--to", "2024-12-31"});
    BOOST_TEST(dated.out.find("Nguyen Van A") != std::string::npos);
    BOOST_TEST(dated.out.find("Tran Thi B") == std::string::npos);
    BOOST_TEST(dated.out.find("survey_2019") == std::string::npos);
    const Outcome of_parcel = land({"log", db, "--parcel", "14362-1-1"});
    BOOST_TEST(of_parcel.out.find("Tran Thi B") != std::string::npos);
    check_refused(db, {"log", db, "--from", "2024-+1-+1"}, "'2024-+1-+1' is not a date");
}

BOOST_AUTO_TEST_CASE(a_line_far_from_the_parcel_names_the_crs_and_where_the_parcel_is) {
    const std::string db = database_2019("line.sqlite");
    // Longitude/latitude typed for a VN-2000 database.
    check_refused(db,
                  {"split", db, "14362-1-1", "--line", "LINESTRING(105.9 20.1, 105.9 20.2)", "--date", "2025-01-01",
                   "--doc", "QD-1"},
                  "land split: the line (x 105.9..105.9, y 20.1..20.2) lies outside parcel 14362-1-1, which lies at x ");
    check_refused(db,
                  {"split", db, "14362-1-1", "--line", "LINESTRING(105.9 20.1, 105.9 20.2)", "--date", "2025-01-01",
                   "--doc", "QD-1"},
                  " in EPSG:5897; coordinates are expected in EPSG:5897, the database's working CRS");
    check_refused(db,
                  {"adjust", db, "14362-1-1", "14362-1-2", "--line", "LINESTRING(0 0, 1 1)", "--date", "2025-01-01",
                   "--doc", "QD-1"},
                  "lies outside parcels 14362-1-1 and 14362-1-2, which lie at x ");
}

BOOST_AUTO_TEST_CASE(long_commands_show_their_phases_on_a_terminal_only) {
    const std::string db = database_2019("progress.sqlite");
    const std::string map = scratch() + "/progress_2019.gpkg";
    // Not a terminal: quiet.
    const Outcome plain = land({"export", db, "--as-of", "2019-06-30", "-o", map});
    BOOST_TEST(plain.code == 0, plain.err);
    BOOST_TEST(plain.err.empty(), plain.err);
    // On a terminal (script(1) gives the command a pseudo-terminal): phases with their timing.
    const std::string typed = std::string(LAND_EXECUTABLE) + " commit " + db + " " + survey_2024 +
                              " --date 2024-06-30 --id maXa,soTo,soThua --use loaiDat --dry-run; " + LAND_EXECUTABLE +
                              " export " + db + " --as-of 2019-06-30 -o " + map + "; " + LAND_EXECUTABLE +
                              " export " + db + " --as-of 2019-06-30 -o " + map + " --quiet";
    const std::string out = scratch() + "/script.out";
    BOOST_TEST_REQUIRE(libland::test::wait_for(libland::test::spawn_program("/usr/bin/script", {"-qec", typed, "/dev/null"},
                                                                           out, scratch() + "/script.err")) == 0);
    const std::string shown = libland::test::slurp(out);
    BOOST_TEST(shown.find("land commit: read done in ") != std::string::npos, shown);
    BOOST_TEST(shown.find("s: 3252 parcels") != std::string::npos);
    BOOST_TEST(shown.find("land commit: check and diff (dry run) done in ") != std::string::npos);
    BOOST_TEST(shown.find("land export: read the map done in ") != std::string::npos);
    BOOST_TEST(shown.find("land export: write done in ") != std::string::npos);
    // --quiet: the second export printed its result line only.
    const std::size_t last = shown.rfind("parcels as of 2019-06-30 written to");
    BOOST_TEST(shown.find("land export: write done in") == shown.rfind("land export: write done in"));
    BOOST_TEST(shown.rfind("land export: write done in") < last);
}

BOOST_AUTO_TEST_CASE(command_help_and_version_exit_0) {
    const Outcome help = land({"set-use", "--help"});
    BOOST_TEST(help.code == 0, help.err);
    BOOST_TEST(help.out == "usage: land set-use DB PARCEL CODE --date D --doc REF [--dry-run] [--by NAME]\n");
    const Outcome commit_help = land({"commit", "DB", "-h"});
    BOOST_TEST(commit_help.code == 0);
    BOOST_TEST(commit_help.out.find("--accept-unknown-codes") != std::string::npos);
    const Outcome version = land({"--version"});
    BOOST_TEST(version.code == 0);
    BOOST_TEST(version.out.rfind("land (libland) 0.", 0) == 0u, version.out);
    const Outcome usage = land({"--help"});
    BOOST_TEST(usage.out.find("land codes list DB") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
