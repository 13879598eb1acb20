// land layer load DB FILE --name NAME [--layer L]: an extra layer the service publishes
// (tourism sites, planning zones), reprojected into the database's CRS.
#include "commands.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

int layer_command(const Args& args) {
    args.allow_only({"name", "layer"});
    const std::string& action = args.positional(0, "action (load)");
    if (action != "load") throw argument_error("unknown layer action '" + action + "' (load)");
    libland::Store store = libland::Store::open(args.positional(1, "DB"));
    const std::string& file = args.positional(2, "FILE");
    const std::string name = args.required("name");
    const std::int64_t count = store.load_layer(file, name, args.option_or("layer", ""));
    std::cout << "layer " << name << ": " << count << " features loaded from " << file << "\n";
    return 0;
}

}  // namespace land
