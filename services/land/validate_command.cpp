// land validate FILE [--layer L] [--id F1,F2,..] [--use F] [--crs EPSG:N] [--encoding ENC]
//                    [--where FILTER] [--labels FILTER] [--tolerance M] [--sliver-width M] [-o FINDINGS.(csv|geojson)]
// Reads one layer, prints the reading notes, the findings as a table and a summary line.
// Exit code 1 when any finding is an error, 0 when there are warnings only.
#include "commands.hpp"
#include "phase_reporter.hpp"
#include "findings_table.hpp"

#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/validate.hpp>

#include <algorithm>
#include <iostream>

namespace land {

namespace {

std::string counted(std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

libland::ValidateOptions validate_options(const Args& args) {
    libland::ValidateOptions options;
    options.tolerance = args.number_or("tolerance", options.tolerance);
    options.sliver_width = args.number_or("sliver-width", options.sliver_width);
    options.crs_given = args.option("crs").has_value();
    if (options.tolerance < 0) {
        throw argument_error("option --tolerance must not be negative");
    }
    if (options.sliver_width <= 0) {
        throw argument_error("option --sliver-width must be positive");
    }
    return options;
}

libland::ReadOptions read_options(const Args& args) {
    libland::ReadOptions options;
    options.layer = args.option_or("layer", "");
    options.id_fields = Args::list(args.option_or("id", ""));
    options.use_field = args.option_or("use", "");
    options.crs = args.option_or("crs", "");
    options.encoding = args.option_or("encoding", "");
    options.where = args.option_or("where", "");
    options.label_where = args.option_or("labels", "");
    return options;
}

}  // namespace

int validate_command(const Args& args) {
    args.allow_only({"layer", "id", "use", "crs", "encoding", "where", "labels", "tolerance", "sliver-width",
                     "output", "quiet", "excel"});
    PhaseReporter reporter("validate", PhaseReporter::quiet_off_terminal(args.flag("quiet")));
    const std::string& file = args.positional(0, "FILE");
    if (args.positionals().size() > 1) {
        throw argument_error("unexpected argument '" + args.positionals()[1] + "'");
    }
    const libland::ValidateOptions options = validate_options(args);
    const auto output = args.option("output");
    if (output && !libland::findings_path_supported(*output)) {
        throw argument_error("-o " + *output + ": findings are written as .csv, .xlsx or .geojson");
    }

    reporter.start("read");
    const libland::Snapshot snapshot = libland::read_snapshot(file, read_options(args));
    reporter.finish("read", std::to_string(snapshot.parcels.size()) + " parcels");
    for (const std::string& note : snapshot.notes) {
        std::cout << "note: " << note << '\n';
    }
    reporter.start("check");
    const auto findings = libland::validate(snapshot, options);
    reporter.finish("check");
    print_findings(std::cout, findings);
    if (output) {
        libland::write_findings(findings, snapshot, *output, csv_options(args));
        std::cout << "findings written to " << *output << '\n';
    }
    const auto errors = static_cast<std::size_t>(std::count_if(
        findings.begin(), findings.end(), [](const auto& f) { return f.severity == libland::Severity::error; }));
    std::cout << counted(snapshot.parcels.size(), "parcel") << ", " << counted(errors, "error") << ", "
              << counted(findings.size() - errors, "warning") << '\n';
    return errors > 0 ? 1 : 0;
}

}  // namespace land
