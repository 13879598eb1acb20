// Snapshots: reading, writing, and the parcels they hold.
#include "bindings.hpp"
#include "convert.hpp"
#include "record_repr.hpp"

#include <libland/read.hpp>
#include <libland/snapshot.hpp>
#include <libland/write.hpp>

#include <pybind11/stl.h>

#include <string>
#include <vector>

namespace libland::python {

namespace {

const Parcel& parcel_at(const Snapshot& snapshot, std::ptrdiff_t index) {
    const auto size = static_cast<std::ptrdiff_t>(snapshot.parcels.size());
    if (index < 0) index += size;
    if (index < 0 || index >= size) throw py::index_error("parcel index out of range");
    return snapshot.parcels[static_cast<std::size_t>(index)];
}

void bind_field(py::module_& m) {
    py::class_<Field>(m, "Field", "An attribute field of the source layer: name and type.")
        .def_readonly("name", &Field::name, "The field's name as the source spells it.")
        .def_property_readonly(
            "type", [](const Field& f) { return std::string(to_string(f.type)); },
            "'integer', 'real', 'string', 'date' or 'datetime'.")
        .def("__repr__", [](const Field& f) {
            return "Field(" + py::repr(py::str(f.name)).cast<std::string>() + ", '" +
                   to_string(f.type) + "')";
        });
}

void bind_parcel(py::module_& m) {
    py::class_<Parcel>(m, "Parcel", "One parcel of a snapshot (a view that keeps it alive).")
        .def_readonly("key", &Parcel::key, "The id fields' values joined by '-', e.g. '14362-12-345'.")
        .def_readonly("use", &Parcel::use, "The land-use code as recorded; '' when missing.")
        .def_readonly("attributes", &Parcel::attributes,
                      "One value per Snapshot.fields (None, int, float or str; dates as ISO text).")
        .def_readonly("fid", &Parcel::fid, "The feature id in the source, for messages.")
        .def_readonly("source_type", &Parcel::source_type,
                      "The source geometry's type, e.g. 'POLYGON'; '' if it had none.")
        .def_property_readonly(
            "coordinates", [](const Parcel& p) { return to_coordinates(p.geometry); },
            "The geometry as GeoJSON MultiPolygon coordinates; [] when empty.")
        .def_property_readonly(
            "wkb", [](const Parcel& p) { return to_wkb(p.geometry); },
            "The geometry as 2D WKB MULTIPOLYGON bytes (shapely.wkb.loads reads them).")
        .def_property_readonly(
            "shape_wkb", [](const Parcel& p) { return to_wkb(p.geometry, true); },
            "The geometry as 2D WKB: a POLYGON when it has one part, else a MULTIPOLYGON.")
        .def_property_readonly(
            "area_m2", [](const Parcel& p) { return area(p.geometry); },
            "The planar area in square metres of the snapshot's CRS.")
        .def_property_readonly(
            "is_empty", [](const Parcel& p) { return p.geometry.empty(); },
            "True when the source had no usable polygon geometry.")
        .def("__repr__", [](const Parcel& p) {
            return "Parcel(" + py::repr(py::str(p.key)).cast<std::string>() + ", use=" +
                   py::repr(py::str(p.use)).cast<std::string>() + ")";
        });
}

void bind_snapshot_class(py::module_& m) {
    py::class_<Snapshot>(m, "Snapshot", "Every parcel of one survey layer, in one projected CRS.")
        .def_readonly("source", &Snapshot::source, "The path it was read from.")
        .def_readonly("layer", &Snapshot::layer, "The layer it was read from.")
        .def_readonly("crs", &Snapshot::crs, "The working CRS: 'EPSG:N' where it has a code, else WKT.")
        .def_readonly("source_crs", &Snapshot::source_crs, "The source's declared CRS; '' if none.")
        .def_readonly("source_geographic", &Snapshot::source_geographic,
                      "True when the source was in longitude/latitude and was projected.")
        .def_readonly("fields", &Snapshot::fields, "Every attribute field of the source layer.")
        .def_readonly("id_fields", &Snapshot::id_fields, "The fields forming the parcel key.")
        .def_readonly("use_field", &Snapshot::use_field, "The field holding the land-use code.")
        .def_readonly("notes", &Snapshot::notes, "What reading did that a user should know.")
        .def("__len__", [](const Snapshot& s) { return s.parcels.size(); })
        .def("__repr__", [](const Snapshot& s) { return repr_of(s); })
        .def("__getitem__", &parcel_at, py::arg("index"), py::return_value_policy::reference_internal,
             "Returns the parcel at the index (negative counts from the end).");
}

void bind_io(py::module_& m) {
    m.def(
        "read_snapshot",
        [](const std::string& path, std::vector<std::string> id_fields, std::string use_field,
           std::string layer, std::string crs, std::string encoding, std::string where,
           std::string label_where) {
            ReadOptions options{std::move(layer), std::move(id_fields), std::move(use_field),
                                std::move(crs), std::move(encoding), std::move(where)};
            options.label_where = std::move(label_where);
            return read_snapshot(path, options);
        },
        py::arg("path"), py::arg("id_fields"), py::arg("use_field"), py::arg("layer"),
        py::arg("crs"), py::arg("encoding"), py::arg("where"), py::arg("label_where"),
        py::call_guard<py::gil_scoped_release>(),
        "Reads every feature of a GDAL layer into a Snapshot ('' leaves an option unset).");
    m.def("list_layers", &list_layers, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
          "Returns the names of the vector layers in a file.");
    m.def(
        "write_snapshot",
        [](const Snapshot& snapshot, const std::string& path, const std::string& layer_name, bool excel) {
            write_snapshot(snapshot, path, layer_name, CsvOptions{excel});
        },
        py::arg("snapshot"), py::arg("path"), py::arg("layer_name"), py::arg("excel"),
        py::call_guard<py::gil_scoped_release>(),
        "Writes the snapshot as one layer of a new file; the format follows the extension (.xlsx: the "
        "attributes); excel: CSV with a byte-order mark.");
}

}  // namespace

void bind_snapshot(py::module_& m) {
    bind_field(m);
    bind_parcel(m);
    bind_snapshot_class(m);
    bind_io(m);
}

}  // namespace libland::python
