// read_snapshot and list_layers: formats, geometry, field mapping, CRS and every refusal.
#define BOOST_TEST_MODULE read
#include <boost/test/unit_test.hpp>

#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/write.hpp>

#include "detail/gdal.hpp"
#include "work_files.hpp"

#include <cmath>
#include <numbers>

using namespace libland;
using libland::test::work_path;

namespace {

std::string file(const std::string& name, std::string_view contents) {
    return libland::test::write_work_file("read", name, contents);
}

// One feature per geometry, all with the same three identity fields and a land-use code.
// crs "" : none declared, so GeoJSON's WGS 84.
std::string feature_collection(const std::vector<std::string>& geometries,
                               const std::string& crs = "urn:ogc:def:crs:EPSG::5897") {
    std::string out = R"({"type":"FeatureCollection",)";
    if (!crs.empty()) out += R"("crs":{"type":"name","properties":{"name":")" + crs + R"("}},)";
    out += R"("features":[)";
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        out += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{"maXa":"14362","soTo":12.0,)") +
               R"("soThua":)" + std::to_string(345 + i) + R"(,"loaiDat":"ONT"},"geometry":)" + geometries[i] + "}";
    }
    return out + "]}";
}

const std::string kSquare = R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]})";

ReadOptions ids(std::string crs = "EPSG:5897") {
    ReadOptions o;
    o.id_fields = {"maXa", "soTo", "soThua"};
    o.use_field = "loaiDat";
    o.crs = std::move(crs);
    return o;
}

// Returns true when some note contains `text`.
bool has_note(const Snapshot& s, const std::string& text) {
    for (const std::string& n : s.notes) if (n.find(text) != std::string::npos) return true;
    return false;
}

// Returns the message of the input_error that reading throws, or "" when it does not throw one.
std::string read_error(const std::string& path, const ReadOptions& options) {
    try {
        (void)read_snapshot(path, options);
    } catch (const input_error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A snapshot of two squares with typed attributes, for writing in other formats.
Snapshot two_parcels(const std::string& crs) {
    Snapshot s;
    s.crs = crs;
    s.fields = {{"maXa", FieldType::string}, {"soTo", FieldType::integer}, {"soThua", FieldType::integer},
                {"dienTich", FieldType::real}, {"loaiDat", FieldType::string}};
    for (int i = 0; i < 2; ++i) {
        Parcel p;
        const double x0 = 590000 + 20 * i, y0 = 2240000;
        p.geometry = {Polygon{{Ring{{x0, y0}, {x0 + 10, y0}, {x0 + 10, y0 + 10}, {x0, y0 + 10}, {x0, y0}}}}};
        p.attributes = {std::string("14362"), std::int64_t{12}, std::int64_t{345 + i}, 100.0, std::string("LUC")};
        s.parcels.push_back(p);
    }
    return s;
}

// Writes a GeoPackage through OGR holding every kind of geometry the reader meets, with date,
// datetime and null values. Returns its path.
std::string varied_geopackage() {
    const std::string path = work_path("read", "varied.gpkg");
    detail::ensure_gdal_registered();
    const detail::DatasetPtr ds(GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    const detail::SrsPtr srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 5897);
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "thua", srs.get(), wkbUnknown, nullptr);
    const std::pair<const char*, OGRFieldType> fields[] = {
        {"maXa", OFTString}, {"soThua", OFTInteger64}, {"dienTich", OFTReal}, {"ngay", OFTDate}, {"luc", OFTDateTime}};
    for (const auto& [name, type] : fields) {
        const detail::FieldDefnPtr f(OGR_Fld_Create(name, type));
        OGR_L_CreateField(layer, f.get(), TRUE);
    }
    const char* wkts[] = {
        "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,4 2,4 4,2 4,2 2))",
        "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
        "POLYGON Z((0 0 1,10 0 1,10 10 1,0 0 1))",
        "CURVEPOLYGON(CIRCULARSTRING(-10 0,10 0,-10 0))",
        nullptr,
        "POINT(1 1)",
        "POLYGON EMPTY",
    };
    int n = 0;
    for (const char* wkt : wkts) {
        const detail::FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        OGR_F_SetFieldString(f.get(), 0, "14362");
        OGR_F_SetFieldInteger64(f.get(), 1, 345 + n);
        if (n % 2 == 0) OGR_F_SetFieldDouble(f.get(), 2, 12.5 * n);
        if (n % 3 == 0) OGR_F_SetFieldDateTimeEx(f.get(), 3, 2024, 3, 1 + n, 0, 0, 0, 0);
        if (n % 3 != 2) OGR_F_SetFieldDateTimeEx(f.get(), 4, 2024, 3, 1, 10, 30, n == 1 ? 5.5f : 0.0f, 100);
        if (wkt != nullptr) {
            OGRGeometryH g = nullptr;
            OGR_G_CreateFromWkt(const_cast<char**>(&wkt), nullptr, &g);
            OGR_F_SetGeometryDirectly(f.get(), g);
        }
        BOOST_TEST_REQUIRE(OGR_L_CreateFeature(layer, f.get()) == OGRERR_NONE);
        ++n;
    }
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reading)

BOOST_AUTO_TEST_CASE(key_joins_id_fields_and_whole_reals_print_without_decimals) {
    const Snapshot s = read_snapshot(file("key.geojson", feature_collection({kSquare})), ids());
    BOOST_TEST_REQUIRE(s.parcels.size() == 1u);
    BOOST_TEST(s.parcels[0].key == "14362-12-345");
    BOOST_TEST(s.parcels[0].use == "ONT");
    BOOST_TEST(to_string(s.fields[s.field_index("maXa")].type) == std::string("string"));
    BOOST_TEST(to_string(s.fields[s.field_index("soTo")].type) == std::string("real"));
    BOOST_TEST(to_string(s.fields[s.field_index("soThua")].type) == std::string("integer"));
    BOOST_TEST(std::get<double>(s.parcels[0].attributes[s.field_index("soTo")]) == 12.0);
    BOOST_TEST(s.parcels[0].source_type == "POLYGON");
    BOOST_TEST(area(s.parcels[0].geometry) == 100.0);
}

BOOST_AUTO_TEST_CASE(without_id_fields_the_key_is_the_feature_id) {
    const Snapshot s = read_snapshot(file("fid.geojson", feature_collection({kSquare, kSquare})), ReadOptions{});
    BOOST_TEST_REQUIRE(s.parcels.size() == 2u);
    BOOST_TEST(s.parcels[0].key == std::to_string(s.parcels[0].fid));
    BOOST_TEST(s.parcels[0].key != s.parcels[1].key);
    BOOST_TEST(s.parcels[0].use.empty());
}

BOOST_AUTO_TEST_CASE(multipolygons_keep_their_holes) {
    // A 10x10 square with a 2x2 hole, and a 1x1 square: 100 - 4 + 1.
    const std::string multi = R"({"type":"MultiPolygon","coordinates":[)"
                              R"([[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]],)"
                              R"([[[20,0],[21,0],[21,1],[20,1],[20,0]]]]})";
    const Snapshot s = read_snapshot(file("multi.geojson", feature_collection({multi})), ids());
    const MultiPolygon& g = s.parcels.at(0).geometry;
    BOOST_TEST_REQUIRE(g.size() == 2u);
    BOOST_TEST(g[0].rings.size() == 2u);
    BOOST_TEST(area(g) == 97.0);
    BOOST_TEST(s.parcels[0].source_type == "MULTIPOLYGON");
}

BOOST_AUTO_TEST_CASE(z_values_are_dropped_with_a_note) {
    const std::string square3d = R"({"type":"Polygon","coordinates":[[[0,0,5],[10,0,5],[10,10,5],[0,10,5],[0,0,5]]]})";
    const Snapshot s = read_snapshot(file("z.geojson", feature_collection({square3d})), ids());
    BOOST_TEST(area(s.parcels.at(0).geometry) == 100.0);
    BOOST_TEST(has_note(s, "Z or M values, dropped"));
}

BOOST_AUTO_TEST_CASE(curves_are_linearised_with_a_note) {
    // A circle of radius 10 as a curve polygon, in a CSV whose .csvt declares the column types.
    file("curve.csvt", "WKT,String,Integer,Integer,String\n");
    const std::string path = file("curve.csv",
        "WKT,maXa,soTo,soThua,loaiDat\n"
        "\"CURVEPOLYGON(CIRCULARSTRING(-10 0,10 0,-10 0))\",14362,12,345,ONT\n");
    const Snapshot s = read_snapshot(path, ids());
    BOOST_TEST_REQUIRE(s.parcels.size() == 1u);
    BOOST_TEST(std::abs(area(s.parcels[0].geometry) - std::numbers::pi * 100) < 0.01 * std::numbers::pi * 100);
    BOOST_TEST(s.parcels[0].key == "14362-12-345");
    BOOST_TEST(has_note(s, "curves, approximated"));
}

BOOST_AUTO_TEST_CASE(null_and_non_polygonal_geometries_are_kept_empty) {
    const std::string point = R"({"type":"Point","coordinates":[1,1]})";
    const std::string open_line = R"({"type":"LineString","coordinates":[[0,0],[5,5]]})";
    const Snapshot s = read_snapshot(file("odd.geojson", feature_collection({point, "null", open_line})), ids());
    BOOST_TEST_REQUIRE(s.parcels.size() == 3u);
    for (const Parcel& p : s.parcels) BOOST_TEST(p.geometry.empty());
    BOOST_TEST(s.parcels[0].source_type == "POINT");
    BOOST_TEST(s.parcels[1].source_type == "");
    BOOST_TEST(s.parcels[2].source_type == "LINESTRING");
}

BOOST_AUTO_TEST_CASE(geopackage_keeps_names_types_and_values) {
    const std::string path = work_path("read", "two.gpkg");
    write_snapshot(two_parcels("EPSG:5897"), path, "thua");
    const Snapshot s = read_snapshot(path, ids(""));
    BOOST_TEST(s.layer == "thua");
    BOOST_TEST(s.crs == "EPSG:5897");
    BOOST_TEST(s.source_crs == "EPSG:5897");
    BOOST_TEST((s.fields == two_parcels("").fields));
    BOOST_TEST_REQUIRE(s.parcels.size() == 2u);
    BOOST_TEST(s.parcels[1].key == "14362-12-346");
    BOOST_TEST(std::get<double>(s.parcels[1].attributes[3]) == 100.0);
    BOOST_TEST(area(s.parcels[1].geometry) == 100.0);
    BOOST_TEST(s.notes.empty());
}

BOOST_AUTO_TEST_CASE(geopackage_read_directly_matches_reading_through_ogr) {
    // Without a filter a GeoPackage is read straight from SQLite; a filter sends it through OGR.
    const std::string path = varied_geopackage();
    ReadOptions o;
    o.id_fields = {"maXa", "soThua"};
    const Snapshot direct = read_snapshot(path, o);
    o.where = "1 = 1";
    const Snapshot ogr = read_snapshot(path, o);
    BOOST_TEST_REQUIRE(direct.parcels.size() == 7u);
    BOOST_TEST_REQUIRE(ogr.parcels.size() == 7u);
    for (std::size_t i = 0; i < 7; ++i) {
        const Parcel& a = direct.parcels[i];
        const Parcel& b = ogr.parcels[i];
        BOOST_TEST(a.fid == b.fid);
        BOOST_TEST(a.key == b.key);
        BOOST_TEST(a.source_type == b.source_type);
        BOOST_TEST(a.geometry.size() == b.geometry.size());
        BOOST_TEST(area(a.geometry) == area(b.geometry));
        for (std::size_t k = 0; k < a.attributes.size(); ++k) {
            BOOST_TEST(to_string(a.attributes[k]) == to_string(b.attributes[k]), "parcel " << i << " field " << k);
        }
    }
    BOOST_TEST(direct.notes == ogr.notes);
    BOOST_TEST(area(direct.parcels[0].geometry) == 96.0);
    BOOST_TEST(direct.parcels[4].source_type == "");
    BOOST_TEST(direct.parcels[5].geometry.empty());
    BOOST_TEST(direct.parcels[6].geometry.empty());
    BOOST_TEST(to_string(direct.parcels[1].attributes[4]) == "2024-03-01T10:30:05.500Z");
    BOOST_TEST(to_string(direct.parcels[0].attributes[4]) == "2024-03-01T10:30:00Z");
}

BOOST_AUTO_TEST_CASE(shapefile_and_gml_read_back) {
    for (const char* name : {"two.shp", "two.gml"}) {
        const std::string path = work_path("read", name);
        write_snapshot(two_parcels("EPSG:5897"), path, "thua");
        const Snapshot s = read_snapshot(path, ids());
        BOOST_TEST_REQUIRE(s.parcels.size() == 2u, name);
        BOOST_TEST(s.parcels[0].key == "14362-12-345", name);
        BOOST_TEST(std::abs(area(s.parcels[0].geometry) - 100.0) < 1e-6, name);
    }
}

BOOST_AUTO_TEST_CASE(after_snapshot_in_nam_dinh_zone_reprojects_into_ninh_binh_zone) {
    // Two 10 m squares in EPSG:9209 around easting 500000; in EPSG:5897 (half a degree further west
    // of its central meridian) they lie about 52 km east, and keep their area within scale change.
    const std::string path = work_path("read", "after.gpkg");
    Snapshot after = two_parcels("EPSG:9209");
    for (Parcel& p : after.parcels) for (Point& q : p.geometry[0].rings[0]) q.x -= 90000;
    write_snapshot(after, path, "thua");
    const Snapshot s = read_snapshot(path, ids("EPSG:5897"));
    BOOST_TEST(s.crs == "EPSG:5897");
    BOOST_TEST(s.source_crs == "EPSG:9209");
    BOOST_TEST(has_note(s, "reprojected from EPSG:9209 to EPSG:5897"));
    const Box b = bounds(s.parcels.at(0).geometry);
    BOOST_TEST(b.min_x > 500000 + 52000);
    BOOST_TEST(b.min_x < 500000 + 53000);
    BOOST_TEST(std::abs(area(s.parcels[0].geometry) - 100.0) < 0.2);
}

BOOST_AUTO_TEST_CASE(crs_without_a_code_is_named_in_notes_and_used) {
    // A shapefile whose .prj is VN-2000 on a central meridian of 105 15' (no EPSG code): its
    // false easting lies a quarter degree east of EPSG:5897's central meridian, about 26 km.
    const std::string path = work_path("read", "custom.shp");
    write_snapshot(two_parcels(""), path, "custom");
    libland::test::write_work_file("read", "custom.prj",
        R"(PROJCS["VN_2000_custom",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,)"
        R"(298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],)"
        R"(PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
        R"(PARAMETER["Central_Meridian",105.25],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],)"
        R"(UNIT["Meter",1.0]])");
    Snapshot shifted = two_parcels("");
    const Snapshot s = read_snapshot(path, ids("EPSG:5897"));
    BOOST_TEST(has_note(s, "reprojected from 'VN_2000_custom' to EPSG:5897"));
    const double moved = bounds(s.parcels.at(0).geometry).min_x - bounds(shifted.parcels[0].geometry).min_x;
    BOOST_TEST(moved > 20000.0);
    BOOST_TEST(moved < 30000.0);
}

BOOST_AUTO_TEST_CASE(geographic_source_goes_to_its_utm_zone) {
    const std::string lonlat = R"({"type":"Polygon","coordinates":[[[105.9,20.25],[105.901,20.25],[105.901,20.251],[105.9,20.25]]]})";
    const Snapshot s = read_snapshot(file("wgs84.geojson", feature_collection({lonlat}, "")), ids(""));
    BOOST_TEST(s.source_crs == "EPSG:4326");
    BOOST_TEST(s.crs == "EPSG:32648");
    BOOST_TEST(s.source_geographic);
    BOOST_TEST(has_note(s, "UTM zone"));
    // Half of a 0.001 deg cell: about 104.5 m by 110.7 m at 20.25 N.
    BOOST_TEST(std::abs(area(s.parcels.at(0).geometry) - 0.5 * 104.5 * 110.7) < 100.0);
}

BOOST_AUTO_TEST_CASE(source_without_crs_takes_the_option_or_stays_without) {
    file("nocrs.csvt", "WKT,String,Integer,Integer,String\n");
    const std::string path = file("nocrs.csv", "WKT,maXa,soTo,soThua,loaiDat\n"
                                               "\"POLYGON((0 0,1 0,1 1,0 0))\",14362,1,1,LUC\n");
    const Snapshot assumed = read_snapshot(path, ids("EPSG:5897"));
    BOOST_TEST(assumed.crs == "EPSG:5897");
    BOOST_TEST(assumed.source_crs == "");
    BOOST_TEST(has_note(assumed, "declares no CRS"));
    const Snapshot bare = read_snapshot(path, ids(""));
    BOOST_TEST(bare.crs == "");
    BOOST_TEST(bare.parcels.size() == 1u);
}

BOOST_AUTO_TEST_CASE(geographic_or_unknown_working_crs_is_a_usage_error) {
    const std::string path = file("crsopt.geojson", feature_collection({kSquare}));
    BOOST_CHECK_THROW((void)read_snapshot(path, ids("EPSG:4326")), usage_error);
    BOOST_CHECK_THROW((void)read_snapshot(path, ids("EPSG:999999")), usage_error);
}

BOOST_AUTO_TEST_CASE(dxf_closed_outlines_become_polygons) {
    // Closed LWPOLYLINEs (a 10 x 10 parcel on 1PARCELLE, a 30 x 30 section on 1SECTION), an open
    // LINE and a TEXT.
    const std::string dxf =
        "0\nSECTION\n2\nENTITIES\n"
        "0\nLWPOLYLINE\n8\n1PARCELLE\n90\n4\n70\n1\n10\n0\n20\n0\n10\n10\n20\n0\n10\n10\n20\n10\n10\n0\n20\n10\n"
        "0\nLWPOLYLINE\n8\n1SECTION\n90\n4\n70\n1\n10\n0\n20\n0\n10\n30\n20\n0\n10\n30\n20\n30\n10\n0\n20\n30\n"
        "0\nLINE\n8\n1PARCELLE\n10\n0\n20\n0\n11\n5\n21\n5\n"
        "0\nTEXT\n8\n3PARCELLETEX\n10\n5\n20\n5\n40\n1\n1\n345\n"
        "0\nENDSEC\n0\nEOF\n";
    const std::string path = file("sheet.dxf", dxf);
    ReadOptions o;
    o.crs = "EPSG:2154";
    const Snapshot all = read_snapshot(path, o);
    BOOST_TEST(all.parcels.size() == 2u);
    BOOST_TEST(has_note(all, "closed outlines on several DXF layers (1PARCELLE 1, 1SECTION 1)"));
    BOOST_TEST(has_note(all, "1 line(s) that do not close skipped"));
    BOOST_TEST(has_note(all, "1 other feature(s)"));
    o.where = "Layer = '1PARCELLE'";
    const Snapshot parcels = read_snapshot(path, o);
    BOOST_TEST_REQUIRE(parcels.parcels.size() == 1u);
    BOOST_TEST(area(parcels.parcels[0].geometry) == 100.0);
    BOOST_TEST(!has_note(parcels, "several DXF layers"));
    o.where = "Layer = '3PARCELLETEX'";
    BOOST_TEST(contains(read_error(path, o), "holds no closed parcel outlines"));
}

namespace {

// A sheet of two 10 x 10 outlines side by side, each with its number as a TEXT point inside, plus
// the extra entities that `texts` and `outlines` add.
std::string labelled_sheet(const std::string& texts, const std::string& outlines = "") {
    auto square = [](int x0) {
        const std::string a = std::to_string(x0), b = std::to_string(x0 + 10);
        return "0\nLWPOLYLINE\n8\n1PARCELLE\n90\n4\n70\n1\n10\n" + a + "\n20\n0\n10\n" + b + "\n20\n0\n10\n" + b +
               "\n20\n10\n10\n" + a + "\n20\n10\n";
    };
    return "0\nSECTION\n2\nENTITIES\n" + square(0) + square(10) + outlines + texts + "0\nENDSEC\n0\nEOF\n";
}

std::string text_at(double x, double y, const std::string& number) {
    return "0\nTEXT\n8\n3PARCELLETEX\n10\n" + std::to_string(x) + "\n20\n" + std::to_string(y) + "\n40\n1\n1\n" +
           number + "\n";
}

ReadOptions labelled() {
    ReadOptions o;
    o.crs = "EPSG:2154";
    o.where = "Layer = '1PARCELLE'";
    o.label_where = "Layer = '3PARCELLETEX'";
    return o;
}

// Returns the key of the parcel whose outline starts at x = min_x.
std::string key_at(const Snapshot& s, double min_x) {
    for (const Parcel& p : s.parcels) if (bounds(p.geometry).min_x == min_x) return p.key;
    return "(none)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(dxf_outlines_take_the_number_of_the_label_inside) {
    // The labels come in the other order than the outlines, so keys cannot follow read order.
    const std::string path = file("labelled.dxf", labelled_sheet(text_at(15, 5, "366") + text_at(5, 5, "365")));
    const Snapshot s = read_snapshot(path, labelled());
    BOOST_TEST_REQUIRE(s.parcels.size() == 2u);
    BOOST_TEST(key_at(s, 0) == "365");
    BOOST_TEST(key_at(s, 10) == "366");
    BOOST_TEST(has_note(s, "2 outline(s) keyed by the label inside them"));
    BOOST_TEST(!has_note(s, "no label"));
    BOOST_TEST(!has_note(s, "inside no outline"));
}

BOOST_AUTO_TEST_CASE(dxf_unlabelled_doubly_labelled_and_stray_labels_are_noted) {
    // Two labels in the left outline, none in the right one, one far outside both.
    const std::string texts = text_at(2, 2, "361") + text_at(8, 8, "362") + text_at(50, 50, "999");
    const Snapshot s = read_snapshot(file("mislabelled.dxf", labelled_sheet(texts)), labelled());
    BOOST_TEST_REQUIRE(s.parcels.size() == 2u);
    BOOST_TEST(key_at(s, 0) == "361");
    const std::string right = key_at(s, 10);
    BOOST_TEST(right != "362");
    BOOST_TEST(right != "999");
    BOOST_TEST(has_note(s, "1 outline(s) contain no label and keep their key from the feature id"));
    BOOST_TEST(has_note(s, "1 outline(s) contain several labels and take the first"));
    BOOST_TEST(has_note(s, "'361' '362'"));
    BOOST_TEST(has_note(s, "1 label(s) lie inside no outline"));
}

BOOST_AUTO_TEST_CASE(dxf_label_inside_nested_outlines_goes_to_the_smallest) {
    // A 4 x 4 enclave inside the left outline, with its own label; the left one's label is outside it.
    const std::string enclave =
        "0\nLWPOLYLINE\n8\n1PARCELLE\n90\n4\n70\n1\n10\n3\n20\n3\n10\n7\n20\n3\n10\n7\n20\n7\n10\n3\n20\n7\n";
    const std::string texts = text_at(5, 5, "400") + text_at(1, 1, "365") + text_at(15, 5, "366");
    const Snapshot s = read_snapshot(file("enclave.dxf", labelled_sheet(texts, enclave)), labelled());
    BOOST_TEST_REQUIRE(s.parcels.size() == 3u);
    BOOST_TEST(key_at(s, 0) == "365");
    BOOST_TEST(key_at(s, 3) == "400");
    BOOST_TEST(key_at(s, 10) == "366");
    BOOST_TEST(!has_note(s, "several labels"));
}

BOOST_AUTO_TEST_CASE(dxf_label_refusals_name_the_filter_or_field) {
    const std::string path = file("labels_bad.dxf", labelled_sheet(text_at(5, 5, "365")));
    ReadOptions o = labelled();
    o.label_where = "NoSuchField = 1";
    BOOST_TEST(contains(read_error(path, o), "bad label filter 'NoSuchField = 1'"));
    o = labelled();
    o.label_field = "Numero";
    BOOST_TEST(contains(read_error(path, o), "no label text field 'Numero'"));
    o = labelled();
    o.label_where = "Layer = 'NONE'";
    BOOST_TEST(has_note(read_snapshot(path, o), "no label points with text where Layer = 'NONE'"));
}

BOOST_AUTO_TEST_CASE(attribute_filter_selects_features_and_a_bad_one_is_named) {
    const std::string path = file("filter.geojson", feature_collection({kSquare, kSquare, kSquare}));
    ReadOptions o = ids();
    o.where = "soThua >= 346";
    BOOST_TEST(read_snapshot(path, o).parcels.size() == 2u);
    o.where = "noSuchField = 1";
    BOOST_TEST(contains(read_error(path, o), "bad filter 'noSuchField = 1'"));
    o.where = "soThua > 1000";
    BOOST_TEST(contains(read_error(path, o), "has no features"));
}

BOOST_AUTO_TEST_CASE(layer_choice) {
    // A folder of two shapefiles is one dataset with two layers.
    const std::string folder = work_path("read", "two_layers");
    std::filesystem::create_directories(folder);
    write_snapshot(two_parcels("EPSG:5897"), folder + "/before.shp", "before");
    write_snapshot(two_parcels("EPSG:5897"), folder + "/after.shp", "after");
    const std::vector<std::string> layers = list_layers(folder);
    BOOST_TEST(layers.size() == 2u);
    const std::string several = read_error(folder, ids());
    BOOST_TEST(contains(several, "2 layers"));
    BOOST_TEST(contains(several, "before"));
    BOOST_TEST(contains(several, "after"));
    ReadOptions o = ids();
    o.layer = "after";
    BOOST_TEST(read_snapshot(folder, o).layer == "after");
    o.layer = "middle";
    const std::string unknown = read_error(folder, o);
    BOOST_TEST(contains(unknown, "no layer 'middle'"));
    BOOST_TEST(contains(unknown, "before"));
}

BOOST_AUTO_TEST_CASE(missing_fields_are_named_with_the_available_ones) {
    const std::string path = file("fields.geojson", feature_collection({kSquare}));
    ReadOptions o = ids();
    o.id_fields = {"maXa", "soToBanDo"};
    const std::string id_message = read_error(path, o);
    BOOST_TEST(contains(id_message, "no id field 'soToBanDo'"));
    BOOST_TEST(contains(id_message, "maXa, soTo, soThua, loaiDat"));
    o = ids();
    o.use_field = "mucDich";
    BOOST_TEST(contains(read_error(path, o), "no land-use field 'mucDich'"));
}

BOOST_AUTO_TEST_CASE(unreadable_inputs_are_one_clear_input_error) {
    const std::string missing = work_path("read", "missing.gpkg");
    BOOST_TEST(contains(read_error(missing, ids()), "missing.gpkg: no such file"));
    const std::string corrupt = file("corrupt.gpkg", "SQLite format 3\0 this is not a database at all");
    BOOST_TEST(contains(read_error(corrupt, ids()), "corrupt.gpkg"));
    const std::string truncated = file("truncated.geojson", R"({"type":"FeatureCollection","features":[{"type":)");
    BOOST_TEST(contains(read_error(truncated, ids()), "truncated.geojson"));
    BOOST_CHECK_THROW((void)list_layers(missing), input_error);
}

BOOST_AUTO_TEST_CASE(empty_layer_is_refused) {
    const std::string path = file("empty.geojson", R"({"type":"FeatureCollection","features":[]})");
    const std::string message = read_error(path, ReadOptions{});
    BOOST_TEST(contains(message, "layer empty of"));
    BOOST_TEST(contains(message, "has no features"));
}

BOOST_AUTO_TEST_CASE(dgn_v8_is_refused_with_a_hint) {
    const std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of a compound document", 37);
    const std::string message = read_error(file("sheet.dgn", ole2), ids());
    BOOST_TEST(contains(message, "DGN V8"));
    BOOST_TEST(contains(message, "convert"));
}

BOOST_AUTO_TEST_SUITE_END()
