// The store's commands run as the real `land` program on the sample maps: both surveys committed
// and exported as of each date reproduce each survey; the recorded events match the generator's
// truth; transactions, history, log, changes, layers and keys; refusals exit 2 with a message.
#define BOOST_TEST_MODULE store_command
#include <boost/test/unit_test.hpp>

#include "api_keys.hpp"
#include "sample_maps.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <libland/read.hpp>
#include <libland/store.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using namespace libland;
using libland::test::Outcome;
using libland::test::read_survey;
using libland::test::survey_2019;
using libland::test::survey_2024;

namespace {

const std::string& maps = libland::test::sample_maps;

std::string scratch() { return libland::test::work_folder("store_command"); }

Outcome land(const std::vector<std::string>& args) { return libland::test::run_land(args, scratch()); }

const std::vector<std::string> id_use{"--id", "maXa,soTo,soThua", "--use", "loaiDat"};

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A database holding both sample surveys, committed with `land commit`.
std::string committed_database(const std::string& name) {
    const std::string db = libland::test::fresh_database("store_command", name);
    BOOST_TEST_REQUIRE(land({"init", db, "--crs", "EPSG:5897"}).code == 0);
    const Outcome first = land(concat({"commit", db, survey_2019, "--date", "2019-06-30", "--message", "2019"}, id_use));
    BOOST_TEST_REQUIRE(first.code == 0, first.err);
    const Outcome second = land(concat({"commit", db, survey_2024, "--date", "2024-06-30", "--message", "2024"}, id_use));
    BOOST_TEST_REQUIRE(second.code == 0, second.err);
    return db;
}

// Checks that the export holds exactly the survey's parcels: same fields (names and types), keys,
// uses and attribute values, and the same coordinates bit for bit.
void check_reproduces(const Snapshot& exported, const Snapshot& survey) {
    BOOST_TEST_REQUIRE(exported.fields.size() == survey.fields.size());
    for (std::size_t i = 0; i < survey.fields.size(); ++i) {
        BOOST_TEST(exported.fields[i].name == survey.fields[i].name);
        BOOST_TEST((exported.fields[i].type == survey.fields[i].type), survey.fields[i].name);
    }
    BOOST_TEST(exported.parcels.size() == survey.parcels.size());
    std::map<std::string, const Parcel*> by_key;
    for (const Parcel& p : exported.parcels) by_key[p.key] = &p;
    int mismatches = 0;
    for (const Parcel& want : survey.parcels) {
        auto it = by_key.find(want.key);
        if (it == by_key.end()) {
            ++mismatches;
            BOOST_TEST_MESSAGE("missing " << want.key);
            continue;
        }
        const Parcel& have = *it->second;
        bool same = have.use == want.use && have.attributes == want.attributes &&
                    have.geometry.size() == want.geometry.size();
        for (std::size_t k = 0; same && k < want.geometry.size(); ++k) {
            same = have.geometry[k].rings == want.geometry[k].rings;
        }
        if (!same) {
            ++mismatches;
            BOOST_TEST_MESSAGE("differs: " << want.key);
        }
    }
    BOOST_TEST(mismatches == 0);
}

// Counts the rows of the generator's truth CSV by change type.
std::map<std::string, int> truth_counts() {
    std::ifstream in(maps + "/truth_2019_2024.csv");
    std::string line;
    std::getline(in, line);  // header
    std::map<std::string, int> counts;
    while (std::getline(in, line)) {
        if (!line.empty()) ++counts[line.substr(0, line.find(','))];
    }
    return counts;
}

// Returns the first split of the truth CSV: the parent's key and its children's keys.
std::pair<std::string, std::vector<std::string>> first_split() {
    std::ifstream in(maps + "/truth_2019_2024.csv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("split,", 0) != 0) continue;
        const auto second = line.find(',', 6);
        std::vector<std::string> children;
        std::string rest = line.substr(second + 1);
        rest = rest.substr(0, rest.find(','));
        for (std::size_t at = 0; at <= rest.size();) {
            const auto semi = std::min(rest.find(';', at), rest.size());
            children.push_back(rest.substr(at, semi - at));
            at = semi + 1;
        }
        return {line.substr(6, second - 6), children};
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(export_as_of_each_date_reproduces_each_survey) {
    if (!libland::test::have_sample_surveys()) return;
    const std::string db = committed_database("round_trip.sqlite");
    for (const auto& [date, survey] : {std::pair{"2019-07-01", survey_2019}, std::pair{"2024-07-01", survey_2024}}) {
        const std::string out = scratch() + "/as_of_" + date + ".gpkg";
        fs::remove(out);
        const Outcome exported = land({"export", db, "--as-of", date, "-o", out});
        BOOST_TEST_REQUIRE(exported.code == 0, exported.err);
        check_reproduces(read_survey(out), read_survey(survey));
    }
    // The recorded events are the generator's true changes.
    Store store = Store::open(db);
    BOOST_TEST((store.log().back().events == truth_counts()));
}

BOOST_AUTO_TEST_CASE(log_history_and_changes_print_and_write) {
    if (!libland::test::have_sample_surveys()) return;
    const std::string db = committed_database("reports.sqlite");
    const Outcome log = land({"log", db});
    BOOST_TEST(log.code == 0);
    BOOST_TEST(log.out.find("2024-06-30") != std::string::npos);
    BOOST_TEST(log.out.find("split 14") != std::string::npos);
    // A parcel split between the surveys shows its parent as an ancestor.
    const auto [parent, children] = first_split();
    BOOST_TEST_REQUIRE(children.size() >= 2u);
    const Outcome history = land({"history", db, children.back()});
    BOOST_TEST(history.code == 0, history.err);
    BOOST_TEST(history.out.find("ancestors") != std::string::npos);
    BOOST_TEST(history.out.find(parent) != std::string::npos);
    const Outcome of_parent = land({"history", db, parent});
    for (const std::string& child : children) BOOST_TEST(of_parent.out.find(child) != std::string::npos);
    const std::string csv = scratch() + "/changes.csv", matrix = scratch() + "/matrix.csv";
    fs::remove(csv);
    fs::remove(matrix);
    const Outcome changes = land({"changes", db, "--from", "2019-07-01", "--to", "2024-07-01", "-o", csv,
                                  "--matrix", matrix});
    BOOST_TEST(changes.code == 0, changes.err);
    std::ifstream rows(csv);
    std::string header;
    std::getline(rows, header);
    BOOST_TEST(header.rfind("change,before,after,area_before_m2,area_after_m2,use_before,use_after", 0) == 0u);
    BOOST_TEST(fs::exists(matrix));
}

BOOST_AUTO_TEST_CASE(transactions_layers_and_keys_from_the_command_line) {
    if (!libland::test::have_sample_surveys()) return;
    const std::string db = committed_database("transactions.sqlite");
    // A line across the middle of a parcel, from its bounds.
    Store store = Store::open(db);
    Snapshot now = store.as_of("2024-07-01");
    const std::string target = now.parcels[now.parcels.size() / 2].key;
    const std::string other = now.parcels[now.parcels.size() / 3].key;
    const auto it = std::find_if(now.parcels.begin(), now.parcels.end(),
                                 [&](const Parcel& p) { return p.key == target; });
    BOOST_TEST_REQUIRE((it != now.parcels.end()));
    const Box b = bounds(it->geometry);
    const double mid_y = (b.min_y + b.max_y) / 2;
    const std::string line = "LINESTRING(" + std::to_string(b.min_x - 5) + " " + std::to_string(mid_y) + ", " +
                             std::to_string(b.max_x + 5) + " " + std::to_string(mid_y) + ")";
    const Outcome split = land({"split", db, target, "--line", line, "--date", "2025-01-15", "--doc",
                                "QD-7/2025", "--reason", "tach thua"});
    BOOST_TEST(split.code == 0, split.err);
    BOOST_TEST(split.out.find("split 1") != std::string::npos);
    const Outcome no_doc = land({"retire", db, other, "--date", "2025-01-16"});
    BOOST_TEST(no_doc.code == 2);
    BOOST_TEST(no_doc.err.find("--doc") != std::string::npos);
    const Outcome early = land({"retire", db, other, "--date", "2020-01-16", "--doc", "QD-8/2025"});
    BOOST_TEST(early.code == 2);
    BOOST_TEST(early.err.find("--backdate") != std::string::npos);
    const Outcome unknown = land({"history", db, "14362-99-1"});
    BOOST_TEST(unknown.code == 2);
    BOOST_TEST(unknown.err.find("14362-99-1") != std::string::npos);

    const Outcome layer = land({"layer", "load", db, maps + "/planning_zones.gpkg", "--name", "planning"});
    BOOST_TEST(layer.code == 0, layer.err);
    BOOST_TEST(layer.out.find("12 features") != std::string::npos);
    const Outcome which = land({"layer", "load", db, maps + "/tourism.gpkg", "--name", "tourism"});
    BOOST_TEST(which.code == 2);
    BOOST_TEST(which.err.find("choose one with --layer: tourism_sites, tourism_areas") != std::string::npos,
               which.err);
    const Outcome sites =
        land({"layer", "load", db, maps + "/tourism.gpkg", "--name", "tourism", "--layer", "tourism_sites"});
    BOOST_TEST(sites.code == 0, sites.err);
    BOOST_TEST(sites.out.find("24 features") != std::string::npos);
    const Outcome key = land({"keys", "add", db, "--name", "so-du-lich", "--role", "reader"});
    BOOST_TEST(key.code == 0, key.err);
    const std::string printed = key.out.substr(0, key.out.find('\n'));
    {
        Store opened = Store::open(db);
        BOOST_TEST((api_keys::role(opened, printed) == KeyRole::reader));
        BOOST_TEST((opened.key_role(api_keys::digest(printed)) == KeyRole::reader));  // the SHA-256 of the key
    }
    BOOST_TEST(land({"keys", "add", db, "--name", "x", "--role", "admin"}).code == 2);
}

BOOST_AUTO_TEST_CASE(a_refused_commit_exits_2_and_changes_nothing) {
    if (!libland::test::have_sample_surveys()) return;
    const std::string db = libland::test::fresh_database("store_command", "refused.sqlite");
    BOOST_TEST_REQUIRE(land({"init", db}).code == 0);
    BOOST_TEST(land(concat({"commit", db, survey_2024, "--date", "2024-06-30"}, id_use)).code == 0);
    const Outcome early = land(concat({"commit", db, survey_2019, "--date", "2019-06-30"}, id_use));
    BOOST_TEST(early.code == 2);
    BOOST_TEST(early.err.find("--backdate") != std::string::npos);
    const Outcome missing = land(concat({"commit", db, maps + "/nothing.gpkg", "--date", "2025-01-01"}, id_use));
    BOOST_TEST(missing.code == 2);
    BOOST_TEST(Store::open(db).log().size() == 1u);
    BOOST_TEST(land({"init", db}).code == 2);  // never over an existing database
}
