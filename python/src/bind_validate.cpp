// Validation: geometry and coverage findings of a snapshot.
#include "bindings.hpp"
#include "convert.hpp"

#include <libland/validate.hpp>

#include <pybind11/stl.h>

#include <string>

namespace libland::python {

void bind_validate(py::module_& m) {
    py::class_<Finding>(m, "Finding", "One validation finding (a value, never an exception).")
        .def_property_readonly(
            "severity", [](const Finding& f) { return std::string(to_string(f.severity)); },
            "'error' or 'warning'.")
        .def_property_readonly(
            "code", [](const Finding& f) { return std::string(to_string(f.code)); },
            "What it is about, e.g. 'overlap', 'sliver_gap', 'duplicate_id'.")
        .def_readonly("parcels", &Finding::parcels, "Keys of the parcels concerned (may be empty).")
        .def_readonly("message", &Finding::message, "One readable line.")
        .def_property_readonly(
            "where", [](const Finding& f) { return to_coordinates(f.where); },
            "The problem's area (overlap, gap) as MultiPolygon coordinates; [] when none.")
        .def_property_readonly(
            "where_wkb", [](const Finding& f) { return to_wkb(f.where, true); },
            "The problem's area as WKB: a POLYGON when it has one part, else a MULTIPOLYGON (an "
            "empty one when none).")
        .def_property_readonly(
            "location",
            [](const Finding& f) -> py::object {
                if (!f.has_location) return py::none();
                return py::make_tuple(f.location.x, f.location.y);
            },
            "A point (x, y) to look at, or None.")
        .def("__repr__", [](const Finding& f) {
            return "Finding('" + std::string(to_string(f.severity)) + "', '" + to_string(f.code) +
                   "', " + py::repr(py::str(f.message)).cast<std::string>() + ")";
        });

    m.def(
        "validate",
        [](const Snapshot& snapshot, double tolerance, double sliver_width, bool crs_given) {
            const ValidateOptions options{tolerance, sliver_width, crs_given};
            return validate(snapshot, options);
        },
        py::arg("snapshot"), py::arg("tolerance"), py::arg("sliver_width"), py::arg("crs_given"),
        py::call_guard<py::gil_scoped_release>(),
        "Returns every finding, errors first, then warnings (releases the GIL).");
    m.def("repaired", &repaired, py::arg("snapshot"), py::call_guard<py::gil_scoped_release>(),
          "Returns the snapshot with invalid geometries repaired as land diff --repair does (noted).");
    m.def(
        "write_findings",
        [](const std::vector<Finding>& findings, const Snapshot& snapshot, const std::string& path, bool excel) {
            write_findings(findings, snapshot, path, CsvOptions{excel});
        },
        py::arg("findings"), py::arg("snapshot"), py::arg("path"), py::arg("excel"),
        py::call_guard<py::gil_scoped_release>(),
        "Writes findings as CSV or XLSX (severity,code,parcels,message,x,y) or GeoJSON; excel: CSV with a "
        "byte-order mark.");
}

}  // namespace libland::python
