// land codes list DB | land codes add DB CODE [--name TEXT]: the database's land-use code list
// (the national codes of 2018 and 2024, and the local codes a database adds).
#include "commands.hpp"
#include "text_table.hpp"

#include <libland/land_use.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

namespace {

int list_codes(libland::Store& store) {
    TextTable table({"code", "group", "category", "name", "replaced by", "list"});
    for (const libland::LandUse& u : libland::land_use_codes()) {
        table.add({std::string(u.code), std::string(u.group), std::string(u.category), std::string(u.name),
                   std::string(u.successor), "national"});
    }
    for (const libland::LocalLandUse& u : store.local_land_uses()) {
        table.add({u.code, "", "", u.name, "", "local (added " + u.added_at + ")"});
    }
    table.print(std::cout);
    return 0;
}

}  // namespace

int codes_command(const Args& args) {
    const std::string& action = args.positional(0, "action (list or add)");
    if (action == "list") {
        args.allow_only({});
        libland::Store store = libland::Store::open(args.positional(1, "DB"));
        return list_codes(store);
    }
    if (action == "add") {
        args.allow_only({"name"});
        libland::Store store = libland::Store::open(args.positional(1, "DB"));
        const std::string& code = args.positional(2, "CODE");
        store.add_land_use(code, args.option_or("name", ""));
        std::cout << "local land-use code " << code << " added to " << store.path() << "\n";
        return 0;
    }
    throw argument_error("unknown codes action '" + action + "' (list or add)");
}

}  // namespace land
