// land init DB [--crs EPSG:N] [--area-field NAME|none]: a new, empty land database with one
// working CRS and its registered-area field.
#include "commands.hpp"

#include <libland/store.hpp>

#include <iostream>

namespace land {

int init_command(const Args& args) {
    args.allow_only({"crs", "area-field"});
    const std::string& path = args.positional(0, "DB (the database file to create)");
    const std::string area_field = args.option_or("area-field", "");
    if (args.option("area-field") && area_field.empty()) throw argument_error("--area-field needs a field name or none");
    const libland::Store store = libland::Store::create(path, args.option_or("crs", "EPSG:5897"), area_field);
    std::cout << "created land database " << store.path() << " working in " << store.crs() << "; registered area: "
              << (area_field.empty() ? "the fields named dienTich, dien_tich, area or shape_area" : area_field) << "\n";
    return 0;
}

}  // namespace land
