// The land-use code list (loai dat).
#include "bindings.hpp"

#include <libland/land_use.hpp>

#include <pybind11/stl.h>

#include <string>

namespace libland::python {

namespace {

py::dict to_dict(const LandUse& use) {
    py::dict entry;
    entry["code"] = std::string(use.code);
    entry["group"] = std::string(use.group);
    entry["category"] = std::string(use.category);
    entry["name"] = std::string(use.name);
    entry["successor"] = std::string(use.successor);
    entry["name_vi"] = std::string(use.name_vi);
    return entry;
}

}  // namespace

void bind_land_use(py::module_& m) {
    m.def(
        "find_land_use",
        [](const std::string& code) -> py::object {
            const auto use = find_land_use(code);
            return use ? py::object(to_dict(*use)) : py::object(py::none());
        },
        py::arg("code"),
        "Returns the code's entry {code, group, category, name, successor, name_vi}, or None when the "
        "code is unknown (case-sensitive).");
    m.def(
        "land_use_codes",
        [] {
            py::list codes;
            for (const auto& use : land_use_codes()) codes.append(to_dict(use));
            return codes;
        },
        "Returns every known leaf code (2018 and 2024 lists) as dicts, in the list's order.");
    m.def(
        "land_use_groups",
        [] {
            py::list groups;
            for (const auto& g : land_use_groups()) {
                py::dict entry;
                entry["code"] = std::string(g.code);
                entry["name"] = std::string(g.name);
                entry["name_vi"] = std::string(g.name_vi);
                groups.append(entry);
            }
            return groups;
        },
        "Returns the top-level groups NNP, PNN, CSD as dicts {code, name, name_vi}.");
}

}  // namespace libland::python
