// The compiled half of the `libland` Python package. The bindings translate types and exceptions
// and release the GIL around long calls; conveniences live in the pure-Python package.
#include "bindings.hpp"

PYBIND11_MODULE(_libland, m) {
    m.doc() = "Compiled core of libland (use the `libland` package, which wraps it).";
    using namespace libland::python;
    bind_errors(m);
    bind_date(m);
    bind_land_use(m);
    bind_snapshot(m);
    bind_validate(m);
    bind_diff(m);
    bind_store(m);
    bind_report(m);
}
