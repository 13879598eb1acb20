#pragma once
// The list of changes of a report, one line per change: from the events a database recorded
// (with their dates, documents and reasons), or from the events detected between two files.
#include <libland/change.hpp>
#include <libland/snapshot.hpp>
#include <libland/store.hpp>

#include <string>
#include <vector>

namespace libland::report {

struct ChangeLine {
    std::string date;      // "" for detected events (the period is the report's)
    std::string type;      // a ChangeType name or "retired"
    std::string before;    // keys joined by ", "
    std::string after;
    double area_m2 = 0;    // the area of the parcels after (before when none after)
    std::string document;
    std::string reason;
    std::string fields;    // the attributes that changed ("chuSuDung, diaChi"), detected events only
};

// Lines of the recorded events (by date), or, when there are none, of the detected events that
// are not `unchanged` (in event order).
[[nodiscard]] std::vector<ChangeLine> change_lines(const Snapshot& before, const Snapshot& after,
                                                   const ChangeSet& changes,
                                                   const std::vector<ParcelEvent>& recorded);

}  // namespace libland::report
