#pragma once
// RAII around the GDAL/OGR C API. Private: never included by public headers.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>

#include <memory>
#include <string>

namespace libland::detail {

struct DatasetCloser {
    void operator()(GDALDatasetH ds) const noexcept { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const noexcept { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

struct GeometryDestroyer {
    void operator()(OGRGeometryH g) const noexcept { OGR_G_DestroyGeometry(g); }
};
using OgrGeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

struct SrsReleaser {
    void operator()(OGRSpatialReferenceH s) const noexcept { OSRRelease(s); }
};
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser>;

struct FieldDefnDestroyer {
    void operator()(OGRFieldDefnH f) const noexcept { OGR_Fld_Destroy(f); }
};
using FieldDefnPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnDestroyer>;

// Registers GDAL's drivers once (thread-safe).
void ensure_gdal_registered();

// While alive, GDAL's messages go nowhere instead of stderr (they stay readable through
// CPLGetLastErrorMsg). Scoped to the calling thread.
class QuietGdal {
public:
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); CPLErrorReset(); }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

// Returns GDAL's last error message on this thread, or `fallback` when there is none.
[[nodiscard]] std::string gdal_error(const std::string& fallback);

// Opens a vector dataset read-only. Throws input_error naming the path (missing file, unknown
// format, DGN V8 with a hint to convert).
[[nodiscard]] DatasetPtr open_vector(const std::string& path);

// Returns the GDAL driver short name for an output path by its extension (".csv" -> "CSV",
// ".geojson"/".json" -> "GeoJSON", ".gpkg" -> "GPKG", ".shp" -> "ESRI Shapefile", ".gml" -> "GML",
// ".fgb" -> "FlatGeobuf", ".xlsx" -> "XLSX"). Throws usage_error for an unknown extension.
[[nodiscard]] std::string driver_for(const std::string& path);

// Returns true when the path names a table for people (.csv, .xlsx) rather than a GIS layer:
// writers leave outlines out of it. Throws usage_error for an unknown extension.
[[nodiscard]] bool is_table_format(const std::string& path);

}  // namespace libland::detail
