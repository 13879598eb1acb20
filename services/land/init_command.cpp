// land init DB [--crs EPSG:N]: a new, empty land database with one working CRS.
#include "commands.hpp"

#include <libland/store.hpp>

#include <iostream>

namespace land {

int init_command(const Args& args) {
    args.allow_only({"crs"});
    const std::string& path = args.positional(0, "DB (the database file to create)");
    const libland::Store store = libland::Store::create(path, args.option_or("crs", "EPSG:5897"));
    std::cout << "created land database " << store.path() << " working in " << store.crs() << "\n";
    return 0;
}

}  // namespace land
