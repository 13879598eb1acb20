#pragma once
// One bind_x() per concept; module.cpp calls them in dependency order.
#include <pybind11/pybind11.h>

namespace libland::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_date(py::module_& m);
void bind_land_use(py::module_& m);
void bind_snapshot(py::module_& m);
void bind_validate(py::module_& m);
void bind_diff(py::module_& m);
void bind_store(py::module_& m);
void bind_report(py::module_& m);

}  // namespace libland::python
