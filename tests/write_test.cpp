// write_snapshot and io::LayerWriter: every format keeps fields, values and geometry, and
// nothing is left behind unless the file is complete.
#define BOOST_TEST_MODULE write
#include <boost/test/unit_test.hpp>

#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/write.hpp>

#include "io/ogr_writer.hpp"
#include "work_files.hpp"

#include <filesystem>

using namespace libland;
namespace fs = std::filesystem;

namespace {

// One 10 x 20 parcel with a 2 x 2 hole, one without geometry; every field type.
Snapshot sample() {
    Snapshot s;
    s.crs = "EPSG:5897";
    s.fields = {{"maXa", FieldType::string}, {"soTo", FieldType::integer}, {"dienTich", FieldType::real},
                {"ngayDo", FieldType::date}, {"chuSuDung", FieldType::string}};
    Parcel a;
    a.geometry = {Polygon{{Ring{{590000, 2240000}, {590010, 2240000}, {590010, 2240020}, {590000, 2240020}, {590000, 2240000}},
                           Ring{{590002, 2240002}, {590004, 2240002}, {590004, 2240004}, {590002, 2240004}, {590002, 2240002}}}}};
    a.attributes = {std::string("14362"), std::int64_t{12}, 196.5, std::string("2024-03-01"), std::string("Nguyễn Văn Đường")};
    Parcel b;
    b.attributes = {std::string("14362"), std::int64_t{13}, std::monostate{}, std::monostate{}, std::string("")};
    s.parcels = {a, b};
    return s;
}

std::string folder_entries(const std::string& folder) {
    std::string names;
    for (const auto& e : fs::directory_iterator(folder)) names += e.path().filename().string() + " ";
    return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(writing)

BOOST_AUTO_TEST_CASE(formats_keep_fields_values_and_geometry) {
    for (const char* name : {"out.gpkg", "out.shp", "out.geojson", "out.gml"}) {
        const std::string path = libland::test::work_path("write", name);
        write_snapshot(sample(), path, "thua");
        ReadOptions o;
        o.id_fields = {"maXa", "soTo"};
        const Snapshot s = read_snapshot(path, o);
        BOOST_TEST(s.crs == "EPSG:5897", name);
        BOOST_TEST_REQUIRE(s.parcels.size() == 2u, name);
        BOOST_TEST(s.parcels[0].key == "14362-12", name);
        BOOST_TEST(area(s.parcels[0].geometry) == 200.0 - 4.0, name);
        BOOST_TEST(s.parcels[1].geometry.empty(), name);
        const auto& values = s.parcels[0].attributes;  // GML puts a gml_id field first
        BOOST_TEST(std::get<double>(values.at(s.field_index("dienTich"))) == 196.5, name);
        BOOST_TEST(std::get<std::string>(values.at(s.field_index("chuSuDung"))) == "Nguyễn Văn Đường", name);
        BOOST_TEST(to_string(s.fields.at(s.field_index("soTo")).type) == std::string("integer"), name);
    }
}

BOOST_AUTO_TEST_CASE(geopackage_keeps_dates_and_nulls) {
    const std::string path = libland::test::work_path("write", "dates.gpkg");
    write_snapshot(sample(), path, "thua");
    const Snapshot s = read_snapshot(path, ReadOptions{});
    BOOST_TEST((s.fields == sample().fields));
    BOOST_TEST(std::get<std::string>(s.parcels.at(0).attributes[3]) == "2024-03-01");
    BOOST_TEST(std::holds_alternative<std::monostate>(s.parcels.at(1).attributes[2]));
}

BOOST_AUTO_TEST_CASE(gml_schema_lands_beside_the_target) {
    const std::string folder = libland::test::work_path("write", "gml");
    fs::create_directories(folder);
    write_snapshot(sample(), folder + "/thua.gml", "thua");
    BOOST_TEST(fs::exists(folder + "/thua.xsd"));
    BOOST_TEST(folder_entries(folder).find(".tmp") == std::string::npos, folder_entries(folder));
}

BOOST_AUTO_TEST_CASE(shapefile_sidecars_land_beside_the_target) {
    const std::string folder = libland::test::work_path("write", "shp");
    fs::create_directories(folder);
    write_snapshot(sample(), folder + "/thua.shp", "thua");
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        BOOST_TEST(fs::exists(folder + "/thua" + ext), ext);
    }
    BOOST_TEST(folder_entries(folder).find(".tmp") == std::string::npos, folder_entries(folder));
}

BOOST_AUTO_TEST_CASE(an_unfinished_writer_leaves_nothing) {
    const std::string folder = libland::test::work_path("write", "unfinished");
    fs::create_directories(folder);
    {
        io::LayerWriter out(folder + "/half.gpkg", "thua", sample().fields, "EPSG:5897");
        out.add(sample().parcels[0].geometry, sample().parcels[0].attributes);
    }  // no commit: as if an exception had left the scope
    BOOST_TEST(fs::is_empty(folder), folder_entries(folder));
}

BOOST_AUTO_TEST_CASE(bad_targets_are_refused) {
    BOOST_CHECK_THROW(write_snapshot(sample(), libland::test::work_path("write", "out.xyz"), "thua"), usage_error);
    BOOST_CHECK_THROW(write_snapshot(sample(), libland::test::work_path("write", "no/such/folder.gpkg"), "thua"),
                      input_error);
}

BOOST_AUTO_TEST_CASE(flatgeobuf_refuses_a_parcel_without_geometry_instead_of_dropping_it) {
    const std::string path = libland::test::work_path("write", "out.fgb");
    BOOST_CHECK_THROW(write_snapshot(sample(), path, "thua"), input_error);
    BOOST_TEST(!fs::exists(path));
    Snapshot with_geometry = sample();
    with_geometry.parcels.pop_back();
    write_snapshot(with_geometry, path, "thua");
    BOOST_TEST(read_snapshot(path, ReadOptions{}).parcels.size() == 1u);
}

BOOST_AUTO_TEST_CASE(csv_carries_the_geometry_as_wkt) {
    const std::string path = libland::test::work_path("write", "out.csv");
    write_snapshot(sample(), path, "thua");
    ReadOptions o;
    o.crs = "EPSG:5897";
    const Snapshot s = read_snapshot(path, o);
    BOOST_TEST_REQUIRE(s.parcels.size() == 2u);
    BOOST_TEST(area(s.parcels[0].geometry) == 196.0);
}

BOOST_AUTO_TEST_SUITE_END()
