// libland's exception hierarchy as Python exceptions, with the messages the CLI prints.
#include "bindings.hpp"

#include <libland/error.hpp>
#include <libland/validate.hpp>

namespace libland::python {

namespace {

template <typename CppError>
void register_error(py::module_& m, const char* name, py::handle base, const char* doc) {
    auto& error = py::register_exception<CppError>(m, name, base);
    error.attr("__doc__") = doc;
}

}  // namespace

void bind_errors(py::module_& m) {
    // The base first: pybind11 tries translators newest first, so the subclasses win.
    register_error<error>(m, "Error", PyExc_Exception,
                          "Base of every error libland raises; the message names the file, "
                          "layer, field or parcel at fault.");
    const py::handle base = m.attr("Error");
    register_error<input_error>(m, "InputError", base,
                                "Input that cannot be read as asked: a missing or corrupt file, an "
                                "unknown layer or field, an unsupported format, a missing CRS.");
    register_error<usage_error>(m, "UsageError", base,
                                "Arguments that do not make sense together (a bad option value, an "
                                "unknown CRS code, snapshots in different CRSs).");
    // SurveyRefused derives from InputError; registered after it so that it wins.
    register_error<survey_refused>(m, "SurveyRefused", m.attr("InputError"),
                                   "A survey refused by the commit because land validate finds "
                                   "errors in it (the message names the parcels); nothing written.");
    register_error<geometry_error>(m, "GeometryError", base,
                                   "A geometry operation failed for the named parcel (e.g. an "
                                   "invalid geometry while repair is off).");
}

}  // namespace libland::python
