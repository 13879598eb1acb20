#pragma once
// Printing validation findings as an aligned table for a terminal.
#include <libland/validate.hpp>

#include <ostream>
#include <vector>

namespace land {

// Writes one row per finding (severity, code, parcels, message) under a header, columns aligned.
// Parcel lists longer than a few keys end in "... and N more". Nothing for no findings.
void print_findings(std::ostream& out, const std::vector<libland::Finding>& findings);

}  // namespace land
