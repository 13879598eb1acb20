#pragma once
// Writing one layer of features (MultiPolygon + attribute values) to any file GDAL writes, or to a
// workbook (.xlsx, libxlsxwriter: a frozen header row, numbers as numbers, widths that fit), never
// partially. Shared by every writer of the library (snapshots, diff results, findings). Private.
//
//   io::LayerWriter out(path, "parcels", fields, "EPSG:5897");
//   for (...) out.add(parcel.geometry, parcel.attributes);
//   out.commit();   // without it, nothing is left at `path`
#include <libland/attribute.hpp>
#include <libland/geometry.hpp>
#include <libland/write.hpp>

#include "detail/gdal.hpp"
#include "detail/output_file.hpp"
#include "detail/xlsx_workbook.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace libland::io {

class LayerWriter {
public:
    // Starts a new file for `path` with the driver its extension names (driver_for): one layer
    // `layer_name` with `fields` (names and types as given) and, when `with_geometry`, MultiPolygon
    // geometries in `crs` ("" : no CRS declared). CSV gets the geometry as a WKT column and a
    // byte-order mark when `csv.excel`; XLSX holds no geometry (a workbook of the attributes).
    // Throws usage_error for an unknown extension, input_error when the file cannot be created.
    LayerWriter(const std::string& path, const std::string& layer_name, const std::vector<Field>& fields,
                const std::string& crs, bool with_geometry = true, const CsvOptions& csv = {});
    // Discards the temporary file unless commit() succeeded.
    ~LayerWriter();
    LayerWriter(const LayerWriter&) = delete;
    LayerWriter& operator=(const LayerWriter&) = delete;

    // Writes one feature. REQUIRES: values.size() == fields.size(). An empty geometry (or a
    // writer without geometry) writes a null geometry, except to FlatGeobuf, which cannot hold
    // one. Throws input_error naming the file.
    void add(const MultiPolygon& geometry, const std::vector<Value>& values);
    void add(const std::vector<Value>& values);
    // Writes one feature located by a point (validation findings without an area). The layer stays
    // declared MultiPolygon: for drivers that keep mixed geometry types (GeoJSON, CSV as WKT).
    void add(Point location, const std::vector<Value>& values);

    // Finishes the file and renames it (and its sidecars: a shapefile's .dbf.., a GML's .xsd)
    // over the target.
    // Throws input_error naming the file on failure.
    void commit();

private:
    void write(OGRGeometryH geometry, const std::vector<Value>& values);
    void write_row(const std::vector<Value>& values);
    void move_sidecars(bool keep);

    detail::OutputFile output_;
    std::string driver_;
    detail::DatasetPtr dataset_;
    OGRLayerH layer_ = nullptr;  // borrowed from dataset_
    bool in_transaction_ = false;
    // A workbook instead of a GDAL dataset (XLSX): its one sheet and the next row to write.
    std::unique_ptr<detail::XlsxWorkbook> workbook_;
    std::optional<detail::XlsxSheet> sheet_;
    int row_ = 0;
};

}  // namespace libland::io
