// land changes DB --from DATE --to DATE -o OUT [--matrix MATRIX] [--excel]: the change events and
// the land-use transition matrix between the map on two dates, as CSV or XLSX (or GeoJSON, GPKG).
// Each change names the commit that recorded it (columns date, document, commit) and, for
// attributes_changed, the fields changed.
#include "commands.hpp"
#include "store_output.hpp"

#include <libland/change.hpp>
#include <libland/store.hpp>

#include <iostream>
#include <map>

namespace land {

int changes_command(const Args& args) {
    args.allow_only({"from", "to", "output", "matrix", "tolerance", "all", "excel"});
    libland::Store store = libland::Store::open(args.positional(0, "DB"), libland::Store::Access::read_only);
    const std::string from = args.required("from");
    const std::string to = args.required("to");
    const std::string output = args.required("output");
    const libland::StoreChanges result = store.changes(from, to, args.number_or("tolerance", 0.05));
    libland::write_changes(result.changes, result.before, result.after, output, args.flag("all"), csv_options(args),
                           &result.sources);
    if (auto matrix = args.option("matrix")) libland::write_matrix(result.changes.matrix, *matrix, csv_options(args));
    std::map<std::string, int> counts;
    for (const auto& e : result.changes.events) {
        if (e.type != libland::ChangeType::unchanged) ++counts[libland::to_string(e.type)];
    }
    std::cout << "from " << from << " (" << result.before.parcels.size() << " parcels) to " << to << " ("
              << result.after.parcels.size() << " parcels): " << event_counts(counts) << "\n";
    return 0;
}

}  // namespace land
