// The strict date parser (libland/date.hpp): civil dates and RFC 3339 datetimes in Vietnam's
// calendar.
#include "bindings.hpp"

#include <libland/date.hpp>

#include <pybind11/stl.h>

namespace libland::python {

void bind_date(py::module_& m) {
    m.def("civil_date", &civil_date, py::arg("text"),
          "Returns the text when it is a real calendar date YYYY-MM-DD; raises UsageError otherwise.");
    m.def("vietnam_date", &parse_vietnam_date, py::arg("text"),
          "Returns the civil date in Vietnam (UTC+7) of a date, an RFC 3339 datetime or GDAL's "
          "'YYYY-MM-DDT'; None when the text is none of these.");
    m.def("today_in_vietnam", &today_in_vietnam, "Today's civil date in Vietnam (UTC+7), YYYY-MM-DD.");
}

}  // namespace libland::python
