#pragma once
// A Python callable as a libland::Progress callback.
#include <libland/progress.hpp>

#include <pybind11/pybind11.h>

namespace libland::python {

namespace py = pybind11;

// Returns a callback that calls `callable(phase, fraction)` holding the GIL (the operation runs
// with it released); None gives an empty callback. An exception the callable raises is reported
// as unraisable (libland callbacks must not throw) and the operation goes on.
[[nodiscard]] Progress to_progress(const py::object& callable);

}  // namespace libland::python
