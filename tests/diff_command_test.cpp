// `land diff` run as a program on GeoPackages the test writes: outputs GDAL can read, --all,
// --matrix, exit codes, and no output file left behind on bad input.
#define BOOST_TEST_MODULE diff_command
#include <boost/test/unit_test.hpp>

#include <libland/crs.hpp>
#include <libland/snapshot.hpp>
#include <libland/write.hpp>

#include <gdal.h>
#include <ogr_api.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace libland;

namespace {

const fs::path work = fs::path(LIBLAND_WORK_DIR) / "diff_command";

MultiPolygon rectangle(double x1, double y1, double x2, double y2) {
    const double x0 = 590000, y0 = 2230000;
    const Ring ring = {{x0 + x1, y0 + y1}, {x0 + x2, y0 + y1}, {x0 + x2, y0 + y2},
                       {x0 + x1, y0 + y2}, {x0 + x1, y0 + y1}};
    return {Polygon{{ring}}};
}

Snapshot survey() {
    Snapshot s;
    s.crs = "EPSG:5897";
    s.fields = {{"soThua", FieldType::integer}, {"loaiDat", FieldType::string}, {"dienTich", FieldType::real}};
    return s;
}

void add(Snapshot& s, std::int64_t number, const std::string& use, MultiPolygon g) {
    Parcel p;
    p.attributes = {Value{number}, Value{use}, Value{area(g)}};
    p.geometry = std::move(g);
    s.parcels.push_back(std::move(p));
}

// Writes before.gpkg (parcels 1-3) and after.gpkg: 1 unchanged, 2 split into 4 and 5, 3 becomes
// residential, 6 added. Returns nothing; the files land in `work`.
void write_inputs() {
    fs::create_directories(work);
    Snapshot before = survey(), after = survey();
    add(before, 1, "LUC", rectangle(0, 0, 10, 10));
    add(before, 2, "LUC", rectangle(10, 0, 30, 10));
    add(before, 3, "LUC", rectangle(30, 0, 40, 10));
    add(after, 1, "LUC", rectangle(0, 0, 10, 10));
    add(after, 4, "LUC", rectangle(10, 0, 20, 10));
    add(after, 5, "ONT", rectangle(20, 0, 30, 10));
    add(after, 3, "ONT", rectangle(30, 0, 40, 10));
    add(after, 6, "DGT", rectangle(0, -5, 40, 0));
    after.parcels[3].attributes[2] = Value{100.3};  // the area field is not an attribute change
    for (const char* name : {"before.gpkg", "after.gpkg", "after_9209.gpkg"}) fs::remove(work / name);
    write_snapshot(before, (work / "before.gpkg").string(), "parcels");
    write_snapshot(after, (work / "after.gpkg").string(), "parcels");
    // The same after survey in the Nam Dinh CRS: land diff reads it into the before's CRS.
    const Transformer to_9209("EPSG:5897", "EPSG:9209");
    after.crs = "EPSG:9209";
    for (auto& p : after.parcels) to_9209.apply(p.geometry);
    write_snapshot(after, (work / "after_9209.gpkg").string(), "parcels");
}

struct Inputs {
    Inputs() { write_inputs(); }
};

// Runs `land diff` with the arguments; returns the exit code.
int land_diff(const std::string& arguments) {
    const std::string command = std::string(LAND_EXECUTABLE) + " diff " + arguments + " 2>" +
                                (work / "stderr.txt").string() + " >" + (work / "stdout.txt").string();
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string inputs() {
    return (work / "before.gpkg").string() + " " + (work / "after.gpkg").string() +
           " --id soThua --use loaiDat --quiet";
}

std::string text_of(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Reads a layer with GDAL: change -> (before, after, has geometry) per feature.
std::multimap<std::string, std::string> read_changes(const fs::path& path, int* with_geometry = nullptr) {
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    BOOST_TEST_REQUIRE(ds != nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    std::multimap<std::string, std::string> out;
    if (with_geometry != nullptr) *with_geometry = 0;
    OGRFeatureH f = nullptr;
    while ((f = OGR_L_GetNextFeature(layer)) != nullptr) {
        const auto field = [&](const char* name) {
            return std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, name)));
        };
        out.emplace(field("change"), field("before") + ">" + field("after"));
        if (with_geometry != nullptr && OGR_F_GetGeometryRef(f) != nullptr) ++*with_geometry;
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return out;
}

const std::multimap<std::string, std::string> expected_changes = {
    {"split", "2>4;5"}, {"use_changed", "3>3"}, {"added", ">6"}};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(land_diff_program, Inputs)

BOOST_AUTO_TEST_CASE(csv_and_matrix) {
    const fs::path out = work / "changes.csv", matrix = work / "matrix.csv";
    BOOST_TEST_REQUIRE(land_diff(inputs() + " -o " + out.string() + " --matrix " + matrix.string()) == 0);
    BOOST_TEST((read_changes(out) == expected_changes));
    const std::string header = text_of(out).substr(0, text_of(out).find('\n'));
    BOOST_TEST(header.find("change,before,after,area_before_m2,area_after_m2,use_before,use_after") == 0U);
    // LUC 0.04 ha before: 0.02 stays (1, 4), 0.01 -> ONT (5), 0.01 -> ONT (3); the road is new.
    BOOST_TEST(text_of(matrix) ==
               "use_before,DGT,LUC,ONT,(none)\n"
               "LUC,0.0000,0.0200,0.0200,0.0000\n"
               "(none),0.0200,0.0000,0.0000,0.0000\n");
    const std::string summary = text_of(work / "stdout.txt");
    BOOST_TEST(summary.find("split") != std::string::npos);
    BOOST_TEST(summary.find("0.04") != std::string::npos);  // LUC before, 2 decimals
}

BOOST_AUTO_TEST_CASE(geojson_and_gpkg_carry_geometry_and_all_adds_unchanged) {
    for (const char* name : {"changes.geojson", "changes.gpkg"}) {
        const fs::path out = work / name;
        BOOST_TEST_REQUIRE(land_diff(inputs() + " --all -o " + out.string()) == 0);
        int with_geometry = 0;
        auto changes = read_changes(out, &with_geometry);
        BOOST_TEST(changes.count("unchanged") == 1U);
        changes.erase("unchanged");
        BOOST_TEST((changes == expected_changes));
        BOOST_TEST(with_geometry == 4);
    }
}

BOOST_AUTO_TEST_CASE(after_in_another_crs_is_read_into_the_before_crs) {
    const fs::path out = work / "changes_9209.csv";
    BOOST_TEST_REQUIRE(land_diff((work / "before.gpkg").string() + " " + (work / "after_9209.gpkg").string() +
                                 " --id soThua --use loaiDat --quiet -o " + out.string()) == 0);
    BOOST_TEST((read_changes(out) == expected_changes));
}

BOOST_AUTO_TEST_CASE(bad_input_exits_2_without_output) {
    const fs::path out = work / "never.csv";
    fs::remove(out);
    BOOST_TEST(land_diff((work / "missing.gpkg").string() + " " + (work / "after.gpkg").string() +
                         " --id soThua --use loaiDat -o " + out.string()) == 2);
    BOOST_TEST(land_diff(inputs() + " --id noSuchField -o " + out.string()) == 2);
    BOOST_TEST(text_of(work / "stderr.txt").find("noSuchField") != std::string::npos);
    BOOST_TEST(land_diff(inputs() + " -o " + (work / "changes.txt").string()) == 2);
    BOOST_TEST(land_diff(inputs() + " --tolerance -1 -o " + out.string()) == 2);
    BOOST_TEST(text_of(work / "stderr.txt").find("tolerance must be a positive number") != std::string::npos);
    BOOST_TEST(land_diff((work / "before.gpkg").string() + " --id soThua --use loaiDat -o " + out.string()) == 2);
    BOOST_TEST(!fs::exists(out));
    for (const auto& entry : fs::directory_iterator(work)) {
        BOOST_TEST(entry.path().filename().string().rfind(".tmp-", 0) != 0U);  // no temporary left
    }
}

BOOST_AUTO_TEST_SUITE_END()
