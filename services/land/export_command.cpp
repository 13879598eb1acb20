// land export DB --as-of DATE -o OUT [--layer NAME]: the map exactly as it was on a date, with the
// committed attribute names and types, in any format GDAL writes.
#include "commands.hpp"
#include "phase_reporter.hpp"

#include <libland/store.hpp>
#include <libland/write.hpp>

#include <cstdint>
#include <iostream>

namespace land {

int export_command(const Args& args) {
    args.allow_only({"as-of", "output", "layer", "where", "quiet", "excel"});
    PhaseReporter reporter("export", PhaseReporter::quiet_off_terminal(args.flag("quiet")));
    libland::Store store = libland::Store::open(args.positional(0, "DB"), libland::Store::Access::read_only);
    const std::string date = args.required("as-of");
    const std::string output = args.required("output");
    // --where: a CQL2-text filter over the parcels' fields (the same parser as landd's filter=).
    const std::optional<std::string> where = args.option("where");
    reporter.start("read the map");
    libland::Snapshot map;
    if (where) {
        libland::ParcelQuery query;
        query.date = date;
        query.filter.cql2 = *where;
        query.limit = INT64_MAX;
        map = store.query_parcels(query).snapshot;
    } else {
        map = store.as_of(date);
    }
    reporter.finish("read the map", std::to_string(map.parcels.size()) + " parcels");
    reporter.start("write");
    libland::write_snapshot(map, output, args.option_or("layer", "parcels"), csv_options(args));
    reporter.finish("write");
    std::cout << map.parcels.size() << " parcels as of " << date << " written to " << output << "\n";
    return 0;
}

}  // namespace land
