// land log DB: every survey commit and transaction, oldest first.
#include "commands.hpp"
#include "store_output.hpp"
#include "text_table.hpp"

#include <libland/store.hpp>

#include <iostream>

namespace land {

int log_command(const Args& args) {
    args.allow_only({});
    libland::Store store = libland::Store::open(args.positional(0, "DB"), libland::Store::Access::read_only);
    TextTable table({"commit", "kind", "date", "recorded (UTC)", "document", "message", "events"});
    for (const libland::CommitRecord& c : store.log()) {
        table.add({std::to_string(c.id), c.kind, c.date + (c.backdated ? " (back-dated)" : ""), c.recorded_at,
                   c.document, c.message, event_counts(c.events)});
    }
    if (table.empty()) {
        std::cout << store.path() << ": no commits yet\n";
        return 0;
    }
    table.print(std::cout);
    return 0;
}

}  // namespace land
