#include "io/ogr_writer.hpp"

#include "io/ogr_fields.hpp"
#include "io/ogr_geometry.hpp"

#include <libland/error.hpp>

#include <cmath>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace libland::io {
namespace {

namespace fs = std::filesystem;

// The files a driver writes beside the one OutputFile knows about (the .shp, the .gml).
std::vector<const char*> sidecars(const std::string& driver) {
    if (driver == "ESRI Shapefile") return {".shx", ".dbf", ".prj", ".cpg", ".qix"};
    if (driver == "GML") return {".xsd"};
    return {};
}

detail::SrsPtr make_srs(const std::string& crs, const std::string& path) {
    if (crs.empty()) return nullptr;
    detail::SrsPtr srs(OSRNewSpatialReference(nullptr));
    if (OSRSetFromUserInput(srs.get(), crs.c_str()) != OGRERR_NONE) {
        throw usage_error(path + ": unknown CRS '" + crs + "'");
    }
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Returns the layer creation options (null-terminated) that keep every feature and its text.
// Excel's rows per sheet, the header's included.
constexpr int max_sheet_rows = 1'048'576;

// Returns a sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_name(const std::string& layer_name) {
    std::string name;
    for (char c : layer_name) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    if (name.size() > 31) name.resize(31);  // layer names of the library are ASCII
    return name.empty() ? "table" : name;
}

std::vector<const char*> layer_options(const std::string& driver, bool with_geometry, const CsvOptions& csv) {
    std::vector<const char*> options;
    if (driver == "CSV" && with_geometry) options.push_back("GEOMETRY=AS_WKT");
    if (driver == "CSV" && csv.excel) options.push_back("WRITE_BOM=YES");
    if (driver == "ESRI Shapefile") options.push_back("ENCODING=UTF-8");
    options.push_back(nullptr);
    return options;
}

}  // namespace

LayerWriter::LayerWriter(const std::string& path, const std::string& layer_name,
                         const std::vector<Field>& fields, const std::string& crs, bool with_geometry,
                         const CsvOptions& csv)
    : output_(path), driver_(detail::driver_for(path)) {
    if (driver_ == "XLSX") {  // a workbook's cells hold no outlines
        workbook_ = std::make_unique<detail::XlsxWorkbook>(output_.temp_path());
        sheet_.emplace(workbook_->add_sheet(sheet_name(layer_name)));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            sheet_->text(0, static_cast<int>(i), fields[i].name, detail::CellFormat::bold);
        }
        sheet_->freeze(1, 0);
        row_ = 1;
        return;
    }
    detail::ensure_gdal_registered();
    const detail::QuietGdal quiet;
    GDALDriverH driver = GDALGetDriverByName(driver_.c_str());
    dataset_.reset(driver == nullptr ? nullptr
                                     : GDALCreate(driver, output_.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset_) {
        throw input_error(path + ": cannot create (" + detail::gdal_error("driver " + driver_ + " failed") + ")");
    }
    const detail::SrsPtr srs = with_geometry ? make_srs(crs, path) : nullptr;
    std::vector<const char*> options = layer_options(driver_, with_geometry, csv);
    layer_ = GDALDatasetCreateLayer(dataset_.get(), layer_name.c_str(), srs.get(),
                                    with_geometry ? wkbMultiPolygon : wkbNone,
                                    const_cast<char**>(options.data()));
    if (layer_ == nullptr) {
        throw input_error(path + ": cannot create layer " + layer_name + " (" + detail::gdal_error("failed") + ")");
    }
    for (const Field& field : fields) {
        const detail::FieldDefnPtr definition(OGR_Fld_Create(field.name.c_str(), ogr_field_type(field.type)));
        if (OGR_L_CreateField(layer_, definition.get(), TRUE) != OGRERR_NONE) {
            throw input_error(path + ": cannot create field " + field.name + " (" + detail::gdal_error("failed") + ")");
        }
    }
    in_transaction_ = GDALDatasetStartTransaction(dataset_.get(), FALSE) == OGRERR_NONE;
}

LayerWriter::~LayerWriter() {
    workbook_.reset();  // an unclosed workbook is freed without writing
    if (dataset_) {
        dataset_.reset();
        move_sidecars(false);
    }
}

void LayerWriter::add(const MultiPolygon& geometry, const std::vector<Value>& values) {
    if (workbook_ || geometry.empty() || OGR_L_GetGeomType(layer_) == wkbNone) {
        write(nullptr, values);
        return;
    }
    write(to_ogr(geometry).release(), values);
}

void LayerWriter::add(const std::vector<Value>& values) { write(nullptr, values); }

void LayerWriter::add(Point location, const std::vector<Value>& values) {
    if (workbook_ || OGR_L_GetGeomType(layer_) == wkbNone) {
        write(nullptr, values);
        return;
    }
    OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(point, 0, location.x, location.y);
    write(point, values);
}

void LayerWriter::write(OGRGeometryH geometry, const std::vector<Value>& values) {
    if (workbook_) {
        write_row(values);
        return;
    }
    if (geometry == nullptr && driver_ == "FlatGeobuf" && OGR_L_GetGeomType(layer_) != wkbNone) {
        // GDAL 3.6 drops such a feature without a word: refuse rather than lose it.
        throw input_error(output_.target() + ": FlatGeobuf cannot hold a feature without geometry; "
                                             "write .gpkg instead");
    }
    const detail::FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(layer_)));
    if (geometry != nullptr) {
        OGR_F_SetGeometryDirectly(feature.get(), geometry);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        write_value(feature.get(), static_cast<int>(i), values[i]);
    }
    const detail::QuietGdal quiet;
    if (OGR_L_CreateFeature(layer_, feature.get()) != OGRERR_NONE) {
        throw input_error(output_.target() + ": cannot write a feature (" + detail::gdal_error("failed") + ")");
    }
}

void LayerWriter::write_row(const std::vector<Value>& values) {
    if (row_ >= max_sheet_rows) {
        throw input_error(output_.target() + ": a workbook holds at most " + std::to_string(max_sheet_rows - 1) +
                          " rows; write .csv or .gpkg for more");
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int column = static_cast<int>(i);
        if (const auto* text = std::get_if<std::string>(&values[i])) {
            sheet_->text(row_, column, *text);
        } else if (const auto* whole = std::get_if<std::int64_t>(&values[i])) {
            sheet_->number(row_, column, static_cast<double>(*whole), detail::CellFormat::text);
        } else if (const auto* real = std::get_if<double>(&values[i]); real != nullptr && std::isfinite(*real)) {
            sheet_->number(row_, column, *real, detail::CellFormat::text);
        } else if (real != nullptr) {
            sheet_->text(row_, column, to_string(values[i]));
        }  // null: an empty cell
    }
    ++row_;
}

void LayerWriter::commit() {
    if (workbook_) {
        workbook_->close(output_.target());
        workbook_.reset();
        output_.commit();
        return;
    }
    const detail::QuietGdal quiet;
    if (in_transaction_ && GDALDatasetCommitTransaction(dataset_.get()) != OGRERR_NONE) {
        throw input_error(output_.target() + ": cannot write (" + detail::gdal_error("commit failed") + ")");
    }
    CPLErrorReset();
    dataset_.reset();  // closing flushes
    if (CPLGetLastErrorType() == CE_Failure) {
        move_sidecars(false);
        throw input_error(output_.target() + ": cannot write (" + detail::gdal_error("close failed") + ")");
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

}  // namespace libland::io
