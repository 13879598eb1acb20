// The survey gate: Store::commit refuses, with validate()'s own findings, what `land validate`
// reports as an error for the same file.
#include "store/survey_gate.hpp"

#include <libland/validate.hpp>

#include <algorithm>
#include <cmath>

namespace libland::store {

namespace {

constexpr std::size_t named_in_message = 5;

}  // namespace

void refuse_invalid_survey(const Snapshot& survey, double tolerance) {
    if (!std::isfinite(tolerance) || tolerance < 0) {
        throw usage_error("the tolerance must be a finite number of metres, not negative");
    }
    ValidateOptions options;
    options.tolerance = tolerance;
    options.crs_given = true;  // the survey was read into the database's CRS
    options.errors_only = true;
    std::vector<Finding> findings = validate(survey, options);
    std::erase_if(findings, [](const Finding& f) { return f.severity != Severity::error; });
    if (findings.empty()) return;
    std::string first;
    for (std::size_t i = 0; i < std::min(findings.size(), named_in_message); ++i) {
        first += (i == 0 ? "" : "; ") + findings[i].message;
    }
    if (findings.size() > named_in_message) {
        first += "; and " + std::to_string(findings.size() - named_in_message) + " more";
    }
    const std::size_t n = findings.size();
    throw survey_refused(survey.source + ": refused, " + std::to_string(n) + " error" + (n == 1 ? "" : "s") +
                             " that land validate reports: " + first +
                             "; nothing was written (--repair repairs invalid geometries)",
                         std::move(findings));
}

}  // namespace libland::store
