#pragma once
// The order in which both backends write a Plan's events, whatever their SQL. Private.
#include "store/backend.hpp"

#include <vector>

namespace libland::store {

// Counts the plan's events and the keys they open into the summary: re-surveys are counted apart
// and their keys are not new.
inline void count_events(const Plan& plan, CommitSummary& summary) {
    for (const PlannedEvent& event : plan.events) {
        if (event.type == resurveyed_event) {
            ++summary.resurveyed;
            continue;
        }
        for (const NewVersion& v : event.opens) summary.new_keys.push_back(v.parcel.key);
        ++summary.events[event.type];
    }
}

// Writes the plan's events with `writer` (close(version), open(NewVersion) -> version id,
// record(event, opened ids)) and counts them into the summary: every parent is closed first, so
// that keys freed by this write can be taken by its children. (PostGIS writes the same rows in
// this order in batches: postgis_write.cpp.)
template <class Writer>
void write_events(Writer& writer, const Plan& plan, CommitSummary& summary) {
    for (const PlannedEvent& event : plan.events) {
        for (std::int64_t version : event.closes) writer.close(version);
    }
    for (const PlannedEvent& event : plan.events) {
        std::vector<std::int64_t> opened;
        for (const NewVersion& v : event.opens) opened.push_back(writer.open(v));
        writer.record(event, opened);
    }
    count_events(plan, summary);
}

}  // namespace libland::store
