// land layer load DB FILE --name NAME [--layer L]: an extra layer the service publishes
// (tourism sites, planning zones), reprojected into the database's CRS. land layer list DB;
// land layer remove DB NAME.
#include "commands.hpp"
#include "text_table.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

int layer_command(const Args& args) {
    const std::string& action = args.positional(0, "action (load, list or remove)");
    if (action != "load" && action != "list" && action != "remove") {
        throw argument_error("unknown layer action '" + action + "' (load, list or remove)");
    }
    args.allow_only(action == "load" ? std::set<std::string>{"name", "layer"} : std::set<std::string>{});
    libland::Store store = libland::Store::open(args.positional(1, "DB"));
    if (action == "list") {
        TextTable table({"name", "features", "source"});
        for (const libland::LayerInfo& l : store.layers()) table.add({l.name, std::to_string(l.features), l.source});
        table.print(std::cout);
        return 0;
    }
    if (action == "remove") {
        const std::string& name = args.positional(2, "NAME");
        store.remove_layer(name);
        std::cout << "layer " << name << " removed\n";
        return 0;
    }
    const std::string& file = args.positional(2, "FILE");
    const std::string name = args.required("name");
    const std::int64_t count = store.load_layer(file, name, args.option_or("layer", ""));
    std::cout << "layer " << name << ": " << count << " features loaded from " << file << "\n";
    return 0;
}

}  // namespace land
