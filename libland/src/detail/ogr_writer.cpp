#include "detail/ogr_writer.hpp"

#include "io/ogr_fields.hpp"
#include "io/ogr_geometry.hpp"

#include <libland/error.hpp>

#include <filesystem>
#include <system_error>

namespace libland::detail {
namespace {

namespace fs = std::filesystem;

// The files a driver writes beside the one OutputFile knows about (the .shp, the .gml).
std::vector<const char*> sidecars(const std::string& driver) {
    if (driver == "ESRI Shapefile") return {".shx", ".dbf", ".prj", ".cpg", ".qix"};
    if (driver == "GML") return {".xsd"};
    return {};
}

SrsPtr make_srs(const std::string& crs, const std::string& path) {
    if (crs.empty()) return nullptr;
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    if (OSRSetFromUserInput(srs.get(), crs.c_str()) != OGRERR_NONE) {
        throw usage_error(path + ": unknown CRS '" + crs + "'");
    }
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Returns the layer creation options (null-terminated) that keep every feature and its text.
std::vector<const char*> layer_options(const std::string& driver, bool with_geometry) {
    std::vector<const char*> options;
    if (driver == "CSV" && with_geometry) options.push_back("GEOMETRY=AS_WKT");
    if (driver == "ESRI Shapefile") options.push_back("ENCODING=UTF-8");
    options.push_back(nullptr);
    return options;
}

}  // namespace

LayerWriter::LayerWriter(const std::string& path, const std::string& layer_name,
                         const std::vector<Field>& fields, const std::string& crs, bool with_geometry)
    : output_(path), driver_(driver_for(path)) {
    ensure_gdal_registered();
    const QuietGdal quiet;
    GDALDriverH driver = GDALGetDriverByName(driver_.c_str());
    dataset_.reset(driver == nullptr ? nullptr
                                     : GDALCreate(driver, output_.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset_) {
        throw input_error(path + ": cannot create (" + gdal_error("driver " + driver_ + " failed") + ")");
    }
    const SrsPtr srs = with_geometry ? make_srs(crs, path) : nullptr;
    std::vector<const char*> options = layer_options(driver_, with_geometry);
    layer_ = GDALDatasetCreateLayer(dataset_.get(), layer_name.c_str(), srs.get(),
                                    with_geometry ? wkbMultiPolygon : wkbNone,
                                    const_cast<char**>(options.data()));
    if (layer_ == nullptr) {
        throw input_error(path + ": cannot create layer " + layer_name + " (" + gdal_error("failed") + ")");
    }
    for (const Field& field : fields) {
        const FieldDefnPtr definition(OGR_Fld_Create(field.name.c_str(), io::ogr_field_type(field.type)));
        if (OGR_L_CreateField(layer_, definition.get(), TRUE) != OGRERR_NONE) {
            throw input_error(path + ": cannot create field " + field.name + " (" + gdal_error("failed") + ")");
        }
    }
    in_transaction_ = GDALDatasetStartTransaction(dataset_.get(), FALSE) == OGRERR_NONE;
}

LayerWriter::~LayerWriter() {
    if (dataset_) {
        dataset_.reset();
        move_sidecars(false);
    }
}

void LayerWriter::add(const MultiPolygon& geometry, const std::vector<Value>& values) {
    if (geometry.empty() || OGR_L_GetGeomType(layer_) == wkbNone) {
        write(nullptr, values);
        return;
    }
    write(io::to_ogr(geometry).release(), values);
}

void LayerWriter::add(const std::vector<Value>& values) { write(nullptr, values); }

void LayerWriter::add(Point location, const std::vector<Value>& values) {
    if (OGR_L_GetGeomType(layer_) == wkbNone) {
        write(nullptr, values);
        return;
    }
    OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(point, 0, location.x, location.y);
    write(point, values);
}

void LayerWriter::write(OGRGeometryH geometry, const std::vector<Value>& values) {
    if (geometry == nullptr && driver_ == "FlatGeobuf" && OGR_L_GetGeomType(layer_) != wkbNone) {
        // GDAL 3.6 drops such a feature without a word: refuse rather than lose it.
        throw input_error(output_.target() + ": FlatGeobuf cannot hold a feature without geometry; "
                                             "write .gpkg instead");
    }
    const FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(layer_)));
    if (geometry != nullptr) {
        OGR_F_SetGeometryDirectly(feature.get(), geometry);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        io::write_value(feature.get(), static_cast<int>(i), values[i]);
    }
    const QuietGdal quiet;
    if (OGR_L_CreateFeature(layer_, feature.get()) != OGRERR_NONE) {
        throw input_error(output_.target() + ": cannot write a feature (" + gdal_error("failed") + ")");
    }
}

void LayerWriter::commit() {
    const QuietGdal quiet;
    if (in_transaction_ && GDALDatasetCommitTransaction(dataset_.get()) != OGRERR_NONE) {
        throw input_error(output_.target() + ": cannot write (" + gdal_error("commit failed") + ")");
    }
    CPLErrorReset();
    dataset_.reset();  // closing flushes
    if (CPLGetLastErrorType() == CE_Failure) {
        move_sidecars(false);
        throw input_error(output_.target() + ": cannot write (" + gdal_error("close failed") + ")");
    }
    move_sidecars(true);
    output_.commit();
}

// Renames (keep) or removes the sidecar files of the temporary file.
void LayerWriter::move_sidecars(bool keep) {
    for (const char* ext : sidecars(driver_)) {
        const fs::path from = fs::path(output_.temp_path()).replace_extension(ext);
        std::error_code ec;
        if (!fs::exists(from, ec)) continue;
        if (keep) {
            fs::rename(from, fs::path(output_.target()).replace_extension(ext), ec);
            if (ec) throw input_error(output_.target() + ": cannot write " + ext + " (" + ec.message() + ")");
        } else {
            fs::remove(from, ec);
        }
    }
}

}  // namespace libland::detail
