#pragma once
// What a survey commit re-surveys: the part of the map it is compared with. Parcels outside its
// scope are left alone, whatever their commune. Private.
#include "store/backend.hpp"

#include <string>
#include <vector>

namespace libland::store {

struct Scope {
    State map;                          // the current parcels in scope (parallel vectors kept)
    std::vector<std::string> sheets;    // the sheets of the scope (sheet scope), sorted
    std::vector<std::string> communes;  // the communes of the scope (commune scope), sorted
};

// The sheet rule (SurveyScope::sheets): the sheets the survey shows (commune + sheet of its
// keys), any current parcel that overlaps a survey parcel significantly (as the diff links
// parcels: wider than the tolerance, above max(1 m2, 0.5 %)), and every parcel of a stored sheet
// whose current area the survey's parcels cover by more than half (a renumbered sheet).
// `map` is the map on the survey's date.
[[nodiscard]] Scope sheet_scope(State map, const Snapshot& survey, double tolerance);

// The commune rule (SurveyScope::communes): every parcel of the communes of the survey's keys
// (the first part; one-part keys cover the whole map).
[[nodiscard]] Scope commune_scope(State map, const Snapshot& survey);

}  // namespace libland::store
