// land keys add DB --name NAME --role officer|registry|reader: a new API key for the HTTP service,
// printed once (only its SHA-256 is kept); a registry key reads the private fields too. land keys
// list DB: names, roles, when created, revoked and last used (never a key). land keys revoke DB NAME: landd refuses the key from the next request on.
#include "api_keys.hpp"
#include "commands.hpp"
#include "text_table.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

namespace {

int add_key(const Args& args, libland::Store& store) {
    const std::string name = args.required("name");
    const libland::KeyRole role = libland::parse_key_role(args.required("role"));
    const std::string key = api_keys::add(store, name, role);
    std::cerr << "API key '" << name << "' (" << libland::to_string(role)
              << "); it is shown only now, keep it safe:\n";
    std::cout << key << "\n";
    return 0;
}

int list_keys(libland::Store& store) {
    TextTable table({"name", "role", "created (UTC)", "revoked (UTC)", "last used (UTC)"});
    for (const libland::KeyInfo& k : store.keys()) {
        table.add({k.name, libland::to_string(k.role), k.created_at, k.revoked_at,
                   k.last_used.empty() ? "never" : k.last_used});
    }
    table.print(std::cout);
    return 0;
}

}  // namespace

int keys_command(const Args& args) {
    const std::string& action = args.positional(0, "action (add, list or revoke)");
    if (action != "add" && action != "list" && action != "revoke") {
        throw argument_error("unknown keys action '" + action + "' (add, list or revoke)");
    }
    args.allow_only(action == "add" ? std::set<std::string>{"name", "role"} : std::set<std::string>{});
    libland::Store store = libland::Store::open(args.positional(1, "DB"));
    if (action == "add") return add_key(args, store);
    if (action == "list") return list_keys(store);
    const std::string& name = args.positional(2, "NAME");
    store.revoke_key(name);
    std::cout << "API key '" << name << "' revoked\n";
    return 0;
}

}  // namespace land
