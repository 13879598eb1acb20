#pragma once
// The gate every survey passes before it is committed: what `land validate` reports as an error
// is never written to the record. Private.
#include <libland/snapshot.hpp>

namespace libland::store {

// Runs validate() on the survey (its error checks only, overlaps wider than `tolerance`) and
// throws survey_refused naming the parcels when it finds any error: invalid, empty or non-finite
// geometry, coordinates outside the working CRS's area of use, missing, duplicate or ambiguous
// keys, overlaps. Writes nothing.
void refuse_invalid_survey(const Snapshot& survey, double tolerance);

}  // namespace libland::store
