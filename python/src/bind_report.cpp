// Reports: the change report (PDF or XLSX) and the land-use change table.
#include "bindings.hpp"

#include <libland/report.hpp>

#include <pybind11/stl.h>

#include <string>
#include <vector>

namespace libland::python {

void bind_report(py::module_& m) {
    m.def(
        "write_change_report",
        [](const ChangeSet& changes, const Snapshot& before, const Snapshot& after,
           const std::vector<ParcelEvent>& recorded, const std::string& path, const std::string& language,
           const std::string& paper, const std::string& province, const std::string& source, const std::string& from,
           const std::string& to, const std::string& report_date) {
            ReportOptions options;
            options.language = parse_language(language);
            options.paper = parse_paper(paper);
            options.province = province;
            options.source = source;
            options.from = from;
            options.to = to;
            options.report_date = report_date;
            py::gil_scoped_release release;
            write_change_report(before, after, changes, recorded, options, path);
        },
        py::arg("changes"), py::arg("before"), py::arg("after"), py::arg("recorded"), py::arg("path"),
        py::arg("language"), py::arg("paper"), py::arg("province"), py::arg("source"), py::arg("from_label"),
        py::arg("to_label"), py::arg("report_date"),
        "Writes the change report as PDF or XLSX (by the extension); never a partial file.");
    m.def(
        "land_use_table",
        [](const TransitionMatrix& matrix, const std::string& language) {
            const LandUseTable t = land_use_table(matrix, parse_language(language));
            const auto lines = [](const std::vector<LandUseLine>& ls) {
                py::list out;
                for (const LandUseLine& l : ls) {
                    py::dict d;
                    d["kind"] = l.kind == LandUseLine::Kind::group ? "group"
                                : l.kind == LandUseLine::Kind::code ? "code"
                                                                     : "unmapped";
                    d["code"] = l.code;
                    d["group"] = l.group;
                    d["name"] = l.name;
                    out.append(d);
                }
                return out;
            };
            py::dict d;
            d["rows"] = lines(t.rows);
            d["columns"] = lines(t.columns);
            d["hectares"] = t.hectares;
            d["start"] = t.start;
            d["decrease"] = t.decrease;
            d["end"] = t.end;
            d["increase"] = t.increase;
            d["total_start"] = t.total_start;
            d["total_end"] = t.total_end;
            return d;
        },
        py::arg("matrix"), py::arg("language"),
        "The land-use change table: rows, columns, exact hectares, start/decrease per row, "
        "end/increase per column (groups add up their codes only).");
}

}  // namespace libland::python
