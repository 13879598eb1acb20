// land fields private|public|list DB [F1,F2 ...]: the database's private fields (personal data that
// landd leaves out for clients without an officer's key).
#include "commands.hpp"

#include <libland/store.hpp>

#include <iostream>

namespace land {

int fields_command(const Args& args) {
    args.allow_only({});
    const std::string& action = args.positional(0, "action (private, public or list)");
    if (action != "private" && action != "public" && action != "list") {
        throw argument_error("unknown fields action '" + action + "' (private, public, list)");
    }
    libland::Store store = libland::Store::open(args.positional(1, "DB"));
    if (action != "list") {
        std::vector<std::string> fields;
        for (std::size_t i = 2; i < args.positionals().size(); ++i) {
            for (const std::string& f : Args::list(args.positionals()[i])) fields.push_back(f);
        }
        if (fields.empty()) throw argument_error("name the fields: F1[,F2...]");
        store.set_private(fields, action == "private");
    }
    const libland::PrivateFields fields = store.private_fields();
    std::cout << "private fields:";
    for (const std::string& f : fields.names) std::cout << ' ' << f;
    std::cout << "\nand any field whose name contains (any case):";
    for (const std::string& p : fields.patterns) std::cout << ' ' << p;
    if (!fields.exempt.empty()) {
        std::cout << "\npublic despite the patterns:";
        for (const std::string& f : fields.exempt) std::cout << ' ' << f;
    }
    std::cout << "\n";
    return 0;
}

}  // namespace land
