#pragma once
// The order in which both backends write a Plan's events, whatever their SQL. Private.
#include "store/backend.hpp"

#include <vector>

namespace libland::store {

// Writes the plan's events with `writer` (close(version), open(NewVersion) -> version id,
// record(event, opened ids)) and counts them into the summary: every parent is closed first, so
// that keys freed by this write can be taken by its children; re-surveys are counted apart and
// their keys are not new.
template <class Writer>
void write_events(Writer& writer, const Plan& plan, CommitSummary& summary) {
    for (const PlannedEvent& event : plan.events) {
        for (std::int64_t version : event.closes) writer.close(version);
    }
    for (const PlannedEvent& event : plan.events) {
        const bool change = event.type != resurveyed_event;
        std::vector<std::int64_t> opened;
        for (const NewVersion& v : event.opens) {
            opened.push_back(writer.open(v));
            if (change) summary.new_keys.push_back(v.parcel.key);
        }
        writer.record(event, opened);
        if (change) {
            ++summary.events[event.type];
        } else {
            ++summary.resurveyed;
        }
    }
}

}  // namespace libland::store
