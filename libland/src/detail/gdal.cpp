#include "detail/gdal.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace libland::detail {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

std::string gdal_error(const std::string& fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return (msg != nullptr && *msg != '\0') ? std::string(msg) : fallback;
}

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// A DGN V8 file is an OLE2 compound document; GDAL's DGN driver reads V7 only.
bool is_dgn_v8(const std::string& path) {
    if (lower(std::filesystem::path(path).extension().string()) != ".dgn") {
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[8] = {};
    in.read(reinterpret_cast<char*>(magic), sizeof magic);
    const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return in.gcount() == 8 && std::equal(magic, magic + 8, ole2);
}

}  // namespace

DatasetPtr open_vector(const std::string& path) {
    ensure_gdal_registered();
    const bool virtual_path = path.rfind("/vsi", 0) == 0;
    if (!virtual_path && !std::filesystem::exists(path)) {
        throw input_error(path + ": no such file");
    }
    if (is_dgn_v8(path)) {
        throw input_error(path + ": a MicroStation DGN V8 file, which this GDAL cannot read; "
                                 "convert it to DGN V7, shapefile or GeoPackage first");
    }
    QuietGdal quiet;
    // Reading never writes beside the input (GML would leave a .gfs schema guess there).
    const char* const options[] = {"WRITE_GFS=NO", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options, nullptr);
    if (ds == nullptr) {
        throw input_error(path + ": " + gdal_error("not a vector format GDAL can read"));
    }
    return DatasetPtr(ds);
}

std::string driver_for(const std::string& path) {
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".csv") return "CSV";
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".shp") return "ESRI Shapefile";
    if (ext == ".gml") return "GML";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".xlsx") return "XLSX";
    throw usage_error(path + ": unknown output format '" + ext +
                      "' (use .csv, .xlsx, .geojson, .gpkg, .shp, .gml or .fgb)");
}

bool is_table_format(const std::string& path) {
    const std::string driver = driver_for(path);
    return driver == "CSV" || driver == "XLSX";
}

}  // namespace libland::detail
