#include "progress.hpp"

#include <memory>
#include <string>

namespace libland::python {

namespace {

// Holds the callable and releases it with the GIL held, whichever thread drops the last copy.
struct CallableRef {
    py::object callable;
    explicit CallableRef(py::object c) : callable(std::move(c)) {}
    ~CallableRef() {
        py::gil_scoped_acquire gil;
        callable = py::object();
    }
    CallableRef(const CallableRef&) = delete;
    CallableRef& operator=(const CallableRef&) = delete;
};

}  // namespace

Progress to_progress(const py::object& callable) {
    if (callable.is_none()) return {};
    auto ref = std::make_shared<CallableRef>(callable);
    return [ref](std::string_view phase, double fraction) {
        py::gil_scoped_acquire gil;
        try {
            ref->callable(std::string(phase), fraction);
        } catch (py::error_already_set& e) {
            e.discard_as_unraisable("libland progress callback");
        }
    };
}

}  // namespace libland::python
