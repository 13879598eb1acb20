// land commit DB FILE --date D --id F1,.. --use F [--layer L] [--message TEXT] [--backdate]
//     [--dry-run] [--accept-unknown-codes] [--force] [--by NAME] [--quiet]
// [--scope sheets|communes] [--repair]: a survey, read into the database's CRS and diffed against
// the map of its scope on its date. A survey that land validate finds errors in is refused (its
// findings printed, exit 1, nothing written); --repair first repairs invalid geometries as land
// diff --repair does.
#include "commands.hpp"
#include "findings_table.hpp"
#include "phase_reporter.hpp"
#include "store_output.hpp"

#include <libland/read.hpp>
#include <libland/store.hpp>
#include <libland/validate.hpp>

#include <iostream>

namespace land {

int commit_command(const Args& args) {
    args.allow_only({"date", "id", "use", "layer", "message", "doc", "backdate", "tolerance", "encoding", "scope",
                     "repair", "dry-run", "accept-unknown-codes", "force", "by", "quiet"});
    const std::string scope = args.option_or("scope", "sheets");
    if (scope != "sheets" && scope != "communes") throw argument_error("--scope is sheets or communes, not " + scope);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    libland::ReadOptions read;
    read.layer = args.option_or("layer", "");
    read.id_fields = Args::list(args.required("id"));
    read.use_field = args.required("use");
    read.crs = store.crs();
    read.encoding = args.option_or("encoding", "");
    PhaseReporter reporter("commit", PhaseReporter::quiet_off_terminal(args.flag("quiet")));
    reporter.start("read");
    libland::Snapshot survey = libland::read_snapshot(args.positional(1, "FILE (the survey)"), read);
    if (args.flag("repair")) survey = libland::repaired(std::move(survey));
    reporter.finish("read", std::to_string(survey.parcels.size()) + " parcels");
    for (const std::string& note : survey.notes) std::cout << "note: " << note << "\n";
    libland::CommitInfo info = commit_info(args, false);
    info.accept_unknown_codes = args.flag("accept-unknown-codes");
    info.force = args.flag("force");
    const char* phase = info.dry_run ? "check and diff (dry run)" : "check, diff and record";
    reporter.start(phase);
    try {
        const libland::CommitSummary summary =
            store.commit(survey, info, args.number_or("tolerance", 0.05),
                         scope == "communes" ? libland::SurveyScope::communes : libland::SurveyScope::sheets);
        reporter.finish(phase);
        std::cout << survey.parcels.size() << " parcels read from " << survey.source << "\n";
        print_summary(std::cout, summary, info.date);
        return 0;
    } catch (const libland::survey_refused& refused) {
        print_findings(std::cout, refused.errors());
        std::cerr << "land commit: " << refused.what() << "\n";
        return 1;  // as land validate: the file has errors
    }
}

}  // namespace land
