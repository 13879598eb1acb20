// Change detection: diff(), the change set, the change table and the transition matrix.
#include "bindings.hpp"
#include "convert.hpp"
#include "progress.hpp"
#include "record_repr.hpp"

#include <libland/change.hpp>

#include <pybind11/stl.h>

#include <string>
#include <vector>

namespace libland::python {

namespace {

py::tuple to_tuple(const Overlap& o) { return py::make_tuple(o.before, o.after, o.area_m2); }

void bind_event(py::module_& m) {
    py::class_<ChangeEvent>(m, "ChangeEvent", "One connected group of before- and after-parcels.")
        .def_property_readonly(
            "type", [](const ChangeEvent& e) { return std::string(to_string(e.type)); },
            "'added', 'removed', 'split', 'merged', 'boundary_adjusted', 'redistributed', "
            "'reshaped', 'use_changed', 'attributes_changed', 'renumbered' or 'unchanged'.")
        .def_readonly("before", &ChangeEvent::before, "Indices into the before snapshot, ascending.")
        .def_readonly("after", &ChangeEvent::after, "Indices into the after snapshot, ascending.")
        .def_property_readonly(
            "overlaps",
            [](const ChangeEvent& e) {
                py::list out;
                for (const auto& o : e.overlaps) out.append(to_tuple(o));
                return out;
            },
            "The significant overlaps linking the parcels: (before index, after index, m2).")
        .def("__repr__", [](const ChangeEvent& e) {
            return "ChangeEvent('" + std::string(to_string(e.type)) + "', before=" +
                   py::repr(py::cast(e.before)).cast<std::string>() +
                   ", after=" + py::repr(py::cast(e.after)).cast<std::string>() + ")";
        });
}

void bind_matrix(py::module_& m) {
    py::class_<TransitionMatrix>(m, "TransitionMatrix",
                                 "Hectares from each land-use code before (rows) to each after (columns).")
        .def_readonly("uses_before", &TransitionMatrix::uses_before, "Row labels, sorted, '(none)' last.")
        .def_readonly("uses_after", &TransitionMatrix::uses_after, "Column labels, sorted, '(none)' last.")
        .def_readonly("hectares", &TransitionMatrix::hectares, "Cells, [row][column].")
        .def("__repr__", [](const TransitionMatrix& v) { return repr_of(v); });
}

void bind_change_set(py::module_& m) {
    py::class_<DiffTimings>(m, "DiffTimings", "Wall-clock seconds spent in each phase of diff().")
        .def_readonly("prepare", &DiffTimings::prepare)
        .def_readonly("index", &DiffTimings::index)
        .def_readonly("match", &DiffTimings::match)
        .def_readonly("classify", &DiffTimings::classify)
        .def("__repr__", [](const DiffTimings& v) { return repr_of(v); });
    py::class_<ChangeSet>(m, "ChangeSet", "Every change between two snapshots.")
        .def_readonly("events", &ChangeSet::events,
                      "Every event; each parcel of both snapshots is in exactly one.")
        .def_readonly("matrix", &ChangeSet::matrix, "The land-use transition matrix.")
        .def_readonly("notes", &ChangeSet::notes, "Warnings, e.g. geometries repaired.")
        .def_readonly("timings", &ChangeSet::timings, "Seconds per phase.")
        .def("__repr__", [](const ChangeSet& c) {
            return "ChangeSet(events=" + std::to_string(c.events.size()) + ")";
        });
}

// The change table by columns (pandas-ready); outlines as WKB bytes when asked for.
py::dict change_table(const ChangeSet& changes, const Snapshot& before, const Snapshot& after,
                      bool include_unchanged, bool with_outlines) {
    std::vector<ChangeRow> rows;
    {
        py::gil_scoped_release release;
        rows = change_rows(changes, before, after, include_unchanged, with_outlines);
    }
    py::list type, before_keys, after_keys, area_before, area_after, use_before, use_after, shares,
        attributes, outline;
    for (const ChangeRow& r : rows) {
        type.append(to_string(r.type));
        before_keys.append(r.before);
        after_keys.append(r.after);
        area_before.append(py::cast(r.area_before_m2));  // None for a side without parcels
        area_after.append(py::cast(r.area_after_m2));
        use_before.append(r.use_before);
        use_after.append(r.use_after);
        shares.append(r.shares);
        attributes.append(r.attributes);
        if (with_outlines) outline.append(to_wkb(r.outline, true));
    }
    py::dict table;
    table["change"] = type;
    table["before"] = before_keys;
    table["after"] = after_keys;
    table["area_before_m2"] = area_before;
    table["area_after_m2"] = area_after;
    table["use_before"] = use_before;
    table["use_after"] = use_after;
    table["shares"] = shares;
    table["attributes"] = attributes;
    if (with_outlines) table["outline_wkb"] = outline;
    return table;
}

void bind_functions(py::module_& m) {
    m.def(
        "diff",
        [](const Snapshot& before, const Snapshot& after, double tolerance, bool repair,
           std::vector<std::string> ignore_fields, bool ignore_area_fields, unsigned threads,
           const py::object& progress) {
            DiffOptions options{tolerance, repair, std::move(ignore_fields), ignore_area_fields, threads,
                                to_progress(progress)};
            py::gil_scoped_release release;
            return diff(before, after, options);
        },
        py::arg("before"), py::arg("after"), py::arg("tolerance"), py::arg("repair"),
        py::arg("ignore_fields"), py::arg("ignore_area_fields"), py::arg("threads"), py::arg("progress"),
        "Detects every change between two snapshots in the same CRS (releases the GIL).");
    m.def("area_fields", &area_fields, py::arg("snapshot"),
          "Returns the real-valued fields that hold the parcel's area (dienTich, ...).");
    m.def("change_table", &change_table, py::arg("changes"), py::arg("before"), py::arg("after"),
          py::arg("include_unchanged"), py::arg("with_outlines"),
          "Returns the change table as a dict of columns, the rows `land diff` writes (outlines as "
          "WKB, a POLYGON where one part).");
    py::class_<ChangeSource>(m, "ChangeSource", "The recorded commit behind a change of a land database's map.")
        .def_readonly("commit", &ChangeSource::commit, "0: no recorded commit.")
        .def_readonly("date", &ChangeSource::date)
        .def_readonly("document", &ChangeSource::document);
    m.def(
        "write_changes",
        [](const ChangeSet& changes, const Snapshot& before, const Snapshot& after, const std::string& path,
           bool include_unchanged, bool excel, const std::optional<std::vector<ChangeSource>>& sources) {
            write_changes(changes, before, after, path, include_unchanged, CsvOptions{excel},
                          sources ? &*sources : nullptr);
        },
        py::arg("changes"), py::arg("before"), py::arg("after"), py::arg("path"), py::arg("include_unchanged"),
        py::arg("excel"), py::arg("sources") = py::none(), py::call_guard<py::gil_scoped_release>(),
        "Writes the change table as CSV, XLSX, GeoJSON or GeoPackage (by the extension); excel: CSV "
        "with a byte-order mark; with sources (a land database's changes), the columns date, document and "
        "commit too.");
    m.def(
        "write_matrix",
        [](const TransitionMatrix& matrix, const std::string& path, bool excel) {
            write_matrix(matrix, path, CsvOptions{excel});
        },
        py::arg("matrix"), py::arg("path"), py::arg("excel"), py::call_guard<py::gil_scoped_release>(),
        "Writes the transition matrix as CSV (hectares with 4 decimals) or XLSX (by the extension).");
}

}  // namespace

void bind_diff(py::module_& m) {
    bind_event(m);
    bind_matrix(m);
    bind_change_set(m);
    bind_functions(m);
}

}  // namespace libland::python
