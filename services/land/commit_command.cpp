// land commit DB FILE --date D --id F1,.. --use F [--layer L] [--message TEXT] [--backdate]
// [--scope sheets|communes]: a survey, read into the database's CRS and diffed against the map of
// its scope on its date.
#include "commands.hpp"
#include "store_output.hpp"

#include <libland/read.hpp>
#include <libland/store.hpp>

#include <iostream>

namespace land {

int commit_command(const Args& args) {
    args.allow_only({"date", "id", "use", "layer", "message", "doc", "backdate", "tolerance", "encoding", "scope"});
    const std::string scope = args.option_or("scope", "sheets");
    if (scope != "sheets" && scope != "communes") throw argument_error("--scope is sheets or communes, not " + scope);
    libland::Store store = libland::Store::open(args.positional(0, "DB"));
    libland::ReadOptions read;
    read.layer = args.option_or("layer", "");
    read.id_fields = Args::list(args.required("id"));
    read.use_field = args.required("use");
    read.crs = store.crs();
    read.encoding = args.option_or("encoding", "");
    const libland::Snapshot survey = libland::read_snapshot(args.positional(1, "FILE (the survey)"), read);
    for (const std::string& note : survey.notes) std::cout << "note: " << note << "\n";
    const libland::CommitInfo info = commit_info(args, false);
    const libland::CommitSummary summary =
        store.commit(survey, info, args.number_or("tolerance", 0.05),
                     scope == "communes" ? libland::SurveyScope::communes : libland::SurveyScope::sheets);
    std::cout << survey.parcels.size() << " parcels read from " << survey.source << "\n";
    print_summary(std::cout, summary, info.date);
    return 0;
}

}  // namespace land
