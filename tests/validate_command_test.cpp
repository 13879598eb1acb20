#define BOOST_TEST_MODULE validate_command
#include <boost/test/unit_test.hpp>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

// Runs the real `land validate` on small GeoJSON files written into the work folder.

namespace fs = std::filesystem;

namespace {

const fs::path work = fs::path(LIBLAND_WORK_DIR) / "validate_command";

struct Run {
    int code = -1;
    std::string out, err;
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `land validate ARGS` and returns its exit code and output.
Run validate(const std::string& args) {
    fs::create_directories(work);
    const fs::path out = work / "stdout.txt", err = work / "stderr.txt";
    const std::string command = std::string("'") + LAND_EXECUTABLE + "' validate " + args + " > '" + out.string() +
                                "' 2> '" + err.string() + "'";
    const int status = std::system(command.c_str());
    Run run;
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = slurp(out);
    run.err = slurp(err);
    BOOST_TEST_MESSAGE("land validate " << args << " -> " << run.code << "\n" << run.out << run.err);
    return run;
}

// A square parcel feature, `x` metres east of the origin, 10 m wide.
std::string square(const std::string& so_thua, const std::string& use, double x, double width = 10) {
    const double e = 600000 + x, n = 2250000;
    std::ostringstream f;
    f.precision(12);
    f << R"({"type":"Feature","properties":{"maXa":"14362","soTo":3,"soThua":)" << so_thua
      << R"(,"loaiDat":")" << use << R"("},"geometry":{"type":"Polygon","coordinates":[[[)" << e << ',' << n
      << "],[" << e + width << ',' << n << "],[" << e + width << ',' << n + 10 << "],[" << e << ',' << n + 10
      << "],[" << e << ',' << n << "]]]}}";
    return f.str();
}

// Writes a GeoJSON file in EPSG:5897 with the features and returns its path.
std::string geojson(const std::string& name, const std::string& features) {
    fs::create_directories(work);
    const fs::path path = work / name;
    std::ofstream(path) << R"({"type":"FeatureCollection","name":"parcels",)"
                        << R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::5897"}},)"
                        << R"("features":[)" << features << "]}";
    return path.string();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string ids = " --id maXa,soTo,soThua --use loaiDat";

struct DatasetCloser {
    void operator()(GDALDatasetH ds) const noexcept { GDALClose(ds); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_clean_file_exits_0_with_a_summary) {
    const auto file = geojson("clean.geojson", square("1", "LUC", 0) + "," + square("2", "ONT", 10));
    const Run run = validate(file + ids);
    BOOST_TEST(run.code == 0);
    BOOST_TEST(has(run.out, "2 parcels, 0 errors, 0 warnings"));
}

BOOST_AUTO_TEST_CASE(warnings_only_exit_0_and_are_listed) {
    const auto file = geojson("warn.geojson", square("1", "XYZ", 0) + "," + square("2", "LUC", 10));
    const Run run = validate(file + ids);
    BOOST_TEST(run.code == 0);
    BOOST_TEST(has(run.out, "unknown_use"));
    BOOST_TEST(has(run.out, "14362-3-1"));
    BOOST_TEST(has(run.out, "2 parcels, 0 errors, 1 warning\n"));
}

BOOST_AUTO_TEST_CASE(errors_exit_1_and_findings_go_to_a_csv_gdal_reads) {
    const auto file = geojson("bad.geojson", square("1", "LUC", 0, 12) + "," + square("2", "LUC", 10) + "," +
                                                 square("2", "LUC", 30));
    const std::string csv = (work / "findings.csv").string();
    fs::remove(csv);
    const Run run = validate(file + ids + " -o " + csv);
    BOOST_TEST(run.code == 1);
    BOOST_TEST(has(run.out, "overlap"));
    BOOST_TEST(has(run.out, "duplicate_id"));
    BOOST_TEST(has(run.out, "3 parcels, 2 errors, 0 warnings"));

    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx(csv.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    BOOST_TEST_REQUIRE(ds != nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    BOOST_TEST(OGR_L_GetFeatureCount(layer, TRUE) == 2);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const char* columns[] = {"severity", "code", "parcels", "message", "x", "y"};
    BOOST_TEST_REQUIRE(OGR_FD_GetFieldCount(defn) == 6);
    for (int i = 0; i < 6; ++i) {
        BOOST_TEST(std::string(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))) == columns[i]);
    }
}

BOOST_AUTO_TEST_CASE(findings_as_geojson_carry_the_overlap_area_in_the_crs) {
    const auto file = geojson("overlap.geojson", square("1", "LUC", 0, 12) + "," + square("2", "LUC", 10));
    const std::string out = (work / "findings.geojson").string();
    fs::remove(out);
    BOOST_TEST(validate(file + ids + " -o " + out).code == 1);
    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx(out.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    BOOST_TEST_REQUIRE(ds != nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    BOOST_TEST_REQUIRE(OGR_L_GetFeatureCount(layer, TRUE) == 1);
    OGRFeatureH feature = OGR_L_GetNextFeature(layer);
    BOOST_TEST(std::string(OGR_F_GetFieldAsString(feature, OGR_F_GetFieldIndex(feature, "code"))) == "overlap");
    // The two parcels share a 2 m x 10 m strip.
    BOOST_TEST(OGR_G_Area(OGR_F_GetGeometryRef(feature)) == 20.0, boost::test_tools::tolerance(1e-6));
    OGR_F_Destroy(feature);
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    BOOST_TEST_REQUIRE(srs != nullptr);
    BOOST_TEST(std::string(OSRGetAuthorityCode(srs, nullptr)) == "5897");
}

BOOST_AUTO_TEST_CASE(a_source_without_crs_is_an_error_unless_crs_is_given) {
    // A CSV with a WKT column declares no CRS.
    const fs::path csv = work / "no_crs.csv";
    std::ofstream(csv) << "WKT,maXa,soTo,soThua,loaiDat\n"
                       << "\"POLYGON ((600000 2250000,600010 2250000,600010 2250010,600000 2250010,600000 2250000))\","
                       << "14362,3,1,LUC\n";
    const Run without = validate(csv.string() + ids);
    BOOST_TEST(without.code == 1);
    BOOST_TEST(has(without.out, "missing_crs"));
    BOOST_TEST(validate(csv.string() + ids + " --crs EPSG:5897").code == 0);
}

BOOST_AUTO_TEST_CASE(swapped_northing_and_easting_exit_1) {
    // X = northing, Y = easting, as survey documents write them.
    const std::string feature =
        R"({"type":"Feature","properties":{"maXa":"14362","soTo":3,"soThua":1,"loaiDat":"LUC"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[2250000,600000],[2250010,600000],[2250010,600010],)"
        R"([2250000,600010],[2250000,600000]]]}})";
    const Run run = validate(geojson("swapped.geojson", feature) + ids);
    BOOST_TEST(run.code == 1);
    BOOST_TEST(has(run.out, "swapped_axes"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_exits_2_naming_it_and_writes_no_findings) {
    const std::string missing = (work / "no-such-file.geojson").string();
    const std::string out = (work / "never.csv").string();
    fs::remove(out);
    const Run run = validate(missing + ids + " -o " + out);
    BOOST_TEST(run.code == 2);
    BOOST_TEST(has(run.err, "no-such-file.geojson"));
    BOOST_TEST(!fs::exists(out));
}

BOOST_AUTO_TEST_CASE(an_unknown_layer_or_field_exits_2_naming_it) {
    const auto file = geojson("fields.geojson", square("1", "LUC", 0));
    const Run layer = validate(file + ids + " --layer nope");
    BOOST_TEST(layer.code == 2);
    BOOST_TEST(has(layer.err, "nope"));
    const Run field = validate(file + " --id maXa,soHieu --use loaiDat");
    BOOST_TEST(field.code == 2);
    BOOST_TEST(has(field.err, "soHieu"));
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2) {
    const auto file = geojson("usage.geojson", square("1", "LUC", 0));
    const Run unknown = validate(file + " --colour red");
    BOOST_TEST(unknown.code == 2);
    BOOST_TEST(has(unknown.err, "--colour"));
    const Run format = validate(file + " -o " + (work / "findings.gpkg").string());
    BOOST_TEST(format.code == 2);
    BOOST_TEST(has(format.err, ".csv, .xlsx or .geojson"));
    BOOST_TEST(!fs::exists(work / "findings.gpkg"));
    BOOST_TEST(validate(file + " --tolerance abc").code == 2);
    BOOST_TEST(validate("").code == 2);
}
