// land keys add DB --name NAME --role officer|reader: a new API key for the HTTP service, printed
// once (only its SHA-256 is kept).
#include "commands.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

int keys_command(const Args& args) {
    args.allow_only({"name", "role"});
    const std::string& action = args.positional(0, "action (add)");
    if (action != "add") throw argument_error("unknown keys action '" + action + "' (add)");
    libland::Store store = libland::Store::open(args.positional(1, "DB"));
    const std::string name = args.required("name");
    const libland::KeyRole role = libland::parse_key_role(args.required("role"));
    const std::string key = store.add_key(name, role);
    std::cerr << "API key '" << name << "' (" << libland::to_string(role)
              << "); it is shown only now, keep it safe:\n";
    std::cout << key << "\n";
    return 0;
}

}  // namespace land
