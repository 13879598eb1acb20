// landd read by a real client, GDAL's OAPIF driver: it lists the collections, and reads every
// parcel as of each survey date with the same count and total area as the store's own export
// (`land export --as-of`).
#define BOOST_TEST_MODULE landd_gdal
#include <boost/test/unit_test.hpp>

#include "landd_server.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <set>

using namespace libland::test;

namespace {

// The sample database served once for the whole suite.
Served& served() {
    static Served s = serve_sample_database("landd_gdal", {"--quiet"});
    return s;
}

struct DatasetCloser {
    void operator()(void* ds) const noexcept { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

Dataset open_vector(const std::string& name, const std::vector<std::string>& options = {}) {
    GDALAllRegister();
    std::vector<const char*> opts;
    for (const auto& o : options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    return Dataset(GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, opts.data(), nullptr));
}

struct Totals {
    std::int64_t count = 0;
    double area_m2 = 0;
};

// Counts the layer's features and sums their areas in EPSG:5897 (reprojecting when `reproject`).
Totals totals(OGRLayerH layer, bool reproject) {
    OGRSpatialReferenceH lon_lat = OSRNewSpatialReference(nullptr);
    OGRSpatialReferenceH vn2000 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(lon_lat, 4326);
    OSRImportFromEPSG(vn2000, 5897);
    OSRSetAxisMappingStrategy(lon_lat, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(vn2000, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH to_metres = OCTNewCoordinateTransformation(lon_lat, vn2000);
    Totals t;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (reproject) OGR_G_Transform(g, to_metres);
        t.area_m2 += OGR_G_Area(g);
        ++t.count;
        OGR_F_Destroy(f);
    }
    OCTDestroyCoordinateTransformation(to_metres);
    OSRDestroySpatialReference(lon_lat);
    OSRDestroySpatialReference(vn2000);
    return t;
}

Totals exported(const std::string& date) {
    const std::string out = work_path("landd_gdal", "export_" + date + ".gpkg");
    must_run_land({"export", served().db.path, "--as-of", date, "-o", out}, std::filesystem::path(out).parent_path());
    Dataset ds = open_vector(out);
    BOOST_TEST_REQUIRE(ds != nullptr);
    return totals(GDALDatasetGetLayer(ds.get(), 0), false);
}


}  // namespace

BOOST_AUTO_TEST_SUITE(landd_gdal, *boost::unit_test::precondition(sample_maps_present))

BOOST_AUTO_TEST_CASE(gdal_lists_the_collections) {
    Dataset ds = open_vector("OAPIF:" + served().server->url());
    BOOST_TEST_REQUIRE(ds != nullptr, CPLGetLastErrorMsg());
    std::set<std::string> names;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        names.insert(OGR_L_GetName(GDALDatasetGetLayer(ds.get(), i)));
    }
    BOOST_TEST((names == std::set<std::string>{"parcels", "changes", "tourism_sites", "tourism_areas", "planning_zones"}));
    OGRLayerH sites = GDALDatasetGetLayerByName(ds.get(), "tourism_sites");
    BOOST_TEST(OGR_L_GetFeatureCount(sites, TRUE) > 0);
    BOOST_TEST(wkbFlatten(OGR_L_GetGeomType(sites)) == wkbPoint);
}

BOOST_AUTO_TEST_CASE(gdal_reads_parcels_as_of_each_survey_like_the_export) {
    for (const std::string date : {"2019-06-30", "2024-06-30"}) {
        const Totals expected = exported(date);
        // GDAL appends the connection string's query to every request, so datetime reaches items.
        Dataset ds = open_vector("OAPIF:" + served().server->url() + "/collections/parcels?datetime=" + date,
                                 {"PAGE_SIZE=1000"});
        BOOST_TEST_REQUIRE(ds != nullptr, CPLGetLastErrorMsg());
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
        const Totals served_totals = totals(layer, true);
        BOOST_TEST(served_totals.count == expected.count, date);
        BOOST_TEST(std::abs(served_totals.area_m2 - expected.area_m2) < 1e-6 * expected.area_m2, date);
        // The committed attributes keep their types through GeoJSON.
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        BOOST_TEST(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, OGR_FD_GetFieldIndex(defn, "maXa"))) == OFTString);
        BOOST_TEST(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, OGR_FD_GetFieldIndex(defn, "soTo"))) == OFTInteger);
    }
}

BOOST_AUTO_TEST_CASE(gdal_reads_the_current_parcels_without_datetime) {
    const Totals expected = exported("2024-06-30");
    Dataset ds = open_vector("OAPIF:" + served().server->url() + "/collections/parcels", {"PAGE_SIZE=1000"});
    BOOST_TEST_REQUIRE(ds != nullptr, CPLGetLastErrorMsg());
    BOOST_TEST(totals(GDALDatasetGetLayer(ds.get(), 0), true).count == expected.count);
}

BOOST_AUTO_TEST_CASE(gdal_spatial_filter_becomes_a_bbox_query) {
    Dataset ds = open_vector("OAPIF:" + served().server->url() + "/collections/parcels", {"PAGE_SIZE=1000"});
    BOOST_TEST_REQUIRE(ds != nullptr, CPLGetLastErrorMsg());
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGREnvelope all;
    BOOST_TEST_REQUIRE(OGR_L_GetExtent(layer, &all, FALSE) == OGRERR_NONE);
    const double cx = (all.MinX + all.MaxX) / 2, cy = (all.MinY + all.MaxY) / 2, d = 0.0005;  // about 50 m
    OGR_L_SetSpatialFilterRect(layer, cx - d, cy - d, cx + d, cy + d);
    const std::int64_t near = totals(layer, false).count;
    BOOST_TEST(near > 0);
    BOOST_TEST(near < exported("2024-06-30").count / 10);
}

BOOST_AUTO_TEST_SUITE_END()
