// land: the command-line tool for land officers. See README.md for usage.
#include "commands.hpp"

#include <libland/error.hpp>

#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <set>
#include <string>

namespace {

struct Command {
    const char* name;
    const char* usage;
    std::set<std::string> flags;
    int (*run)(const land::Args&);
};

const Command commands[] = {
    {"validate",
     "land validate FILE [--layer L] [--id F1,F2,..] [--use F] [--crs EPSG:N] [--encoding ENC]\n"
     "              [--where FILTER] [--labels FILTER] [--tolerance M] [--sliver-width M]\n"
     "              [-o FINDINGS.(csv|xlsx|geojson) [--excel]] [--quiet]",
     {"quiet", "excel"}, land::validate_command},
    {"diff",
     "land diff BEFORE AFTER [--layer L] [--after-layer L] --id F1,F2,.. --use F\n"
     "          [--tolerance METRES] [--crs EPSG:N] [--repair] [--all] [--quiet]\n"
     "          -o OUT.(csv|xlsx|geojson|gpkg) [--matrix MATRIX.(csv|xlsx)] [--excel]\n"
     "          [--report REPORT.(pdf|xlsx) [--lang vi|en] [--paper A4|A3] [--province NAME]]",
     {"repair", "all", "quiet", "excel"}, land::diff_command},
    // the versioned land database
    {"init", "land init DB [--crs EPSG:N] [--area-field NAME|none]\n"
             "          (DB: a SpatiaLite file, or a PostgreSQL database: postgresql://... or PG:...)",
     {}, land::init_command},
    {"copy", "land copy FROM TO  (a whole land database into a new SpatiaLite file or an empty PostgreSQL database)",
     {}, land::copy_command},
    {"commit",
     "land commit DB FILE --date YYYY-MM-DD --id F1,.. --use F [--layer L] [--message TEXT] [--backdate] [--repair]\n"
     "          [--scope sheets|communes] [--dry-run] [--accept-unknown-codes] [--force] [--by NAME] [--quiet]\n"
     "          (--scope sheets, the default: re-surveys the sheets the survey shows and the land it covers;\n"
     "           communes: whole communes, removing what the survey does not show)",
     {"backdate", "repair", "dry-run", "accept-unknown-codes", "force", "quiet"}, land::commit_command},
    {"split",
     "land split DB PARCEL --line WKT --date D --doc REF [--reason TEXT] [--set FIELD=VALUE ...] [--dry-run]\n"
     "          [--by NAME]",
     {"backdate", "dry-run"}, land::split_command},
    {"merge",
     "land merge DB PARCEL PARCEL [...] --date D --doc REF [--reason TEXT] [--set FIELD=VALUE ...] [--dry-run]\n"
     "          [--by NAME]",
     {"backdate", "dry-run"}, land::merge_command},
    {"set-use", "land set-use DB PARCEL CODE --date D --doc REF [--dry-run] [--by NAME]", {"backdate", "dry-run"},
     land::set_use_command},
    {"set-attr",
     "land set-attr DB PARCEL FIELD=VALUE [...] --date D --doc REF [--reason TEXT] [--dry-run] [--by NAME]\n"
     "          (a change of holder on a sale or inheritance: a new version, same parcel)",
     {"backdate", "dry-run"}, land::set_attr_command},
    {"retire", "land retire DB PARCEL --date D --doc REF [--dry-run] [--by NAME]", {"backdate", "dry-run"},
     land::retire_command},
    {"adjust",
     "land adjust DB PARCEL PARCEL --line WKT --date D --doc REF [--set FIELD=VALUE ...] [--dry-run] [--by NAME]",
     {"backdate", "dry-run"},
     land::adjust_command},
    {"revert",
     "land revert DB COMMIT_ID --date D --doc REF [--reason TEXT] [--dry-run] [--by NAME]\n"
     "          (a new commit restoring the parcels COMMIT_ID touched as they were before it)",
     {"backdate", "dry-run"}, land::revert_command},
    {"log", "land log DB [--from D] [--to D] [--parcel P] [--by NAME] [--verbose]", {"verbose"}, land::log_command},
    {"history", "land history DB PARCEL", {}, land::history_command},
    {"export", "land export DB --as-of YYYY-MM-DD -o OUT [--layer NAME] [--where CQL2] [--excel] [--quiet]",
     {"quiet", "excel"}, land::export_command},
    {"changes",
     "land changes DB --from DATE --to DATE -o OUT.(csv|xlsx|geojson|gpkg) [--matrix MATRIX.(csv|xlsx)] [--excel]",
     {"all", "excel"}, land::changes_command},
    {"layer", "land layer load DB FILE --name NAME [--layer L] | land layer list DB | land layer remove DB NAME",
     {}, land::layer_command},
    {"keys", "land keys add DB --name NAME --role officer|registry|reader | land keys list DB | land keys revoke DB NAME", {},
     land::keys_command},
    {"codes", "land codes list DB | land codes add DB CODE [--name TEXT]", {}, land::codes_command},
    {"fields", "land fields private|public DB F1[,F2...] | land fields list DB", {}, land::fields_command},
    // reports
    {"report",
     "land report DB --from DATE --to DATE [--commune C] [--bbox MINX,MINY,MAXX,MAXY] [--lang vi|en]\n"
     "            [--paper A4|A3] [--province NAME] -o REPORT.(pdf|xlsx)",
     {}, land::report_command},
    {"extract", "land extract DB PARCEL [--as-of DATE] [--lang vi|en] -o EXTRACT.pdf", {}, land::extract_command},
};

void print_usage(std::FILE* out) {
    std::fputs("usage:\n", out);
    for (const auto& c : commands) {
        std::fprintf(out, "  %s\n", c.usage);
    }
    std::fputs("  land --version\n  land COMMAND --help\n", out);
}

bool asks_for_help(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        print_usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::cout << "land (libland) " << LAND_VERSION << "\n";
        return 0;
    }
    for (const auto& c : commands) {
        if (std::strcmp(argv[1], c.name) != 0) continue;
        if (asks_for_help(argc, argv)) {
            std::cout << "usage: " << c.usage << "\n";
            return 0;
        }
        try {
            // "-o" is the one short option; it is spelled --output inside.
            std::vector<char*> rest;
            static char output[] = "--output";
            for (int i = 2; i < argc; ++i) {
                rest.push_back(std::strcmp(argv[i], "-o") == 0 ? output : argv[i]);
            }
            return c.run(land::Args(static_cast<int>(rest.size()), rest.data(), c.flags));
        } catch (const land::argument_error& e) {
            std::cerr << "land " << c.name << ": " << e.what() << "\nusage: " << c.usage << "\n";
            return 2;
        } catch (const libland::error& e) {
            std::cerr << "land " << c.name << ": " << e.what() << "\n";
            return 2;
        } catch (const std::bad_alloc&) {
            std::cerr << "land " << c.name << ": out of memory\n";
            return 2;
        } catch (const std::exception& e) {
            std::cerr << "land " << c.name << ": internal error: " << e.what() << "\n";
            return 3;
        }
    }
    std::cerr << "land: unknown command '" << argv[1] << "'\n";
    print_usage(stderr);
    return 2;
}
