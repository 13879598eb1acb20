// land copy FROM TO: a whole land database into a new SpatiaLite file or an empty PostgreSQL
// database (postgresql://... or PG:...), every version, event, lineage row, layer and key.
#include "commands.hpp"

#include <libland/store.hpp>

#include <iostream>

namespace land {

int copy_command(const Args& args) {
    args.allow_only({});
    const std::string& from = args.positional(0, "FROM (the land database to copy)");
    const std::string& to = args.positional(1, "TO (a new SpatiaLite file or an empty PostgreSQL database)");
    std::int64_t total = 0;
    for (const auto& [table, rows] : libland::Store::copy(from, to)) {
        std::cout << table << ": " << rows << " rows\n";
        total += rows;
    }
    // Messages name databases as the library does (a password never shown).
    std::cout << "copied " << total << " rows into " << libland::Store::open(to, libland::Store::Access::read_only).path()
              << "\n";
    return 0;
}

}  // namespace land
