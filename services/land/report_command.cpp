// land report DB --from D --to D [--commune C] [--bbox MINX,MINY,MAXX,MAXY] [--lang vi|en]
// [--paper A4|A3] [--province NAME] -o REPORT.pdf|REPORT.xlsx: the change report of a period;
// land extract DB PARCEL [--as-of D] [--lang vi|en] -o EXTRACT.pdf: the cadastral extract.
#include "commands.hpp"

#include <libland/report.hpp>
#include <libland/store.hpp>

#include <filesystem>
#include <iostream>
#include <set>

namespace land {

namespace {

libland::Box parse_box(const std::string& text) {
    const auto parts = Args::list(text);
    if (parts.size() != 4) throw argument_error("--bbox '" + text + "': expected MINX,MINY,MAXX,MAXY (working CRS metres)");
    double v[4];
    for (int i = 0; i < 4; ++i) {
        try {
            std::size_t used = 0;
            v[i] = std::stod(parts[static_cast<std::size_t>(i)], &used);
            if (used != parts[static_cast<std::size_t>(i)].size()) throw std::invalid_argument("trailing text");
        } catch (const std::exception&) {
            throw argument_error("--bbox '" + text + "': '" + parts[static_cast<std::size_t>(i)] + "' is not a number");
        }
    }
    if (v[0] > v[2] || v[1] > v[3]) throw argument_error("--bbox '" + text + "': the minimum exceeds the maximum");
    return {v[0], v[1], v[2], v[3]};
}

// Keeps the parcels of one commune (the key's first part).
void keep_commune(libland::Snapshot& map, const std::string& commune) {
    std::erase_if(map.parcels, [&](const libland::Parcel& p) { return p.key.substr(0, p.key.find('-')) != commune; });
}

}  // namespace

libland::ReportOptions report_options(const Args& args) {
    libland::ReportOptions options;
    options.language = libland::parse_language(args.option_or("lang", "vi"));
    options.paper = libland::parse_paper(args.option_or("paper", "A4"));
    options.province = args.option_or("province", options.province);
    options.report_date = args.option_or("report-date", "");
    return options;
}

int report_command(const Args& args) {
    args.allow_only({"from", "to", "commune", "bbox", "lang", "paper", "province", "report-date", "tolerance", "output"});
    const std::string db = args.positional(0, "DB");
    const std::string output = args.required("output");
    libland::ReportOptions options = report_options(args);
    options.from = args.required("from");
    options.to = args.required("to");
    options.source = std::filesystem::path(db).filename().string();
    const double tolerance = args.number_or("tolerance", 0.05);
    const auto commune = args.option("commune");
    const auto box = args.option("bbox") ? std::optional(parse_box(*args.option("bbox"))) : std::nullopt;
    libland::Store store = libland::Store::open(db);

    libland::StoreChanges result;
    if (!commune && !box) {
        result = store.changes(options.from, options.to, tolerance);
    } else {  // the part of the map asked for, on both dates, diffed
        result.before = store.as_of(options.from, box);
        result.after = store.as_of(options.to, box);
        if (commune) {
            keep_commune(result.before, *commune);
            keep_commune(result.after, *commune);
            if (result.before.parcels.empty() && result.after.parcels.empty()) {
                throw libland::usage_error("commune " + *commune + ": no parcel of " + db + " on either date");
            }
        }
        libland::DiffOptions diff_options;
        diff_options.tolerance = tolerance;
        result.changes = libland::diff(result.before, result.after, diff_options);
    }
    // The recorded events of the period that touch the parcels reported on.
    std::vector<libland::ParcelEvent> recorded = store.events(options.from, options.to);
    if (commune || box) {
        std::set<std::string> keys;
        for (const auto* map : {&result.before, &result.after}) {
            for (const auto& p : map->parcels) keys.insert(p.key);
        }
        std::erase_if(recorded, [&](const libland::ParcelEvent& e) {
            for (const auto* versions : {&e.parents, &e.children}) {
                for (const auto& v : *versions) {
                    if (keys.count(v.key) != 0) return false;
                }
            }
            return true;
        });
    }
    libland::write_change_report(result.before, result.after, result.changes, recorded, options, output);
    std::cout << "report of " << options.from << " to " << options.to << " (" << result.before.parcels.size() << " -> "
              << result.after.parcels.size() << " parcels, " << recorded.size() << " recorded events) written to "
              << output << "\n";
    return 0;
}

int extract_command(const Args& args) {
    args.allow_only({"as-of", "lang", "province", "report-date", "output"});
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    const std::string parcel = args.positional(1, "PARCEL");
    const std::string output = args.required("output");
    libland::ExtractOptions options;
    options.language = libland::parse_language(args.option_or("lang", "vi"));
    options.province = args.option_or("province", options.province);
    options.report_date = args.option_or("report-date", "");
    const std::string date = args.option_or("as-of", options.report_date.empty() ? "" : options.report_date);
    libland::write_parcel_extract(store, parcel, date, options, output);
    std::cout << "extract of " << parcel << " written to " << output << "\n";
    return 0;
}

}  // namespace land
