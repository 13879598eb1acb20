// Refusals of a survey before it is committed: a survey of another kind of map (keys, use field),
// one that drops fields the database's parcels have, and one that repeats the map of an earlier
// survey date (the same survey committed again, or an old survey given a new date).
#include "store/store_impl.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace libland::store {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& p : parts) text += (text.empty() ? "" : ",") + p;
    return text;
}

constexpr const char* latest = "9999-12-31";

bool same_geometry(const MultiPolygon& a, const MultiPolygon& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].rings != b[i].rings) return false;
    }
    return true;
}

std::string commune_of(const std::string& key) {
    const auto dash = key.find('-');
    return dash == std::string::npos ? std::string() : key.substr(0, dash);
}

// Returns whether the map's parcels in the survey's communes are exactly the survey's parcels:
// same keys, uses, attributes (same fields) and coordinates.
bool same_map(const Snapshot& map, const Snapshot& survey, const std::unordered_set<std::string>& communes) {
    if (map.fields != survey.fields || map.id_fields != survey.id_fields || map.use_field != survey.use_field) return false;
    std::unordered_map<std::string, const Parcel*> surveyed;
    surveyed.reserve(survey.parcels.size());
    for (const Parcel& p : survey.parcels) surveyed.emplace(p.key, &p);
    std::size_t matched = 0;
    const bool whole_map = communes.count(std::string()) != 0;
    for (const Parcel& p : map.parcels) {
        if (!whole_map && communes.count(commune_of(p.key)) == 0) continue;
        const auto it = surveyed.find(p.key);
        if (it == surveyed.end()) return false;
        const Parcel& s = *it->second;
        if (s.use != p.use || s.attributes != p.attributes || !same_geometry(s.geometry, p.geometry)) return false;
        ++matched;
    }
    return matched == survey.parcels.size();
}

}  // namespace

const std::string& survey_name(const Snapshot& survey, const CommitInfo& info) noexcept {
    return info.source_name.empty() ? survey.source : info.source_name;
}

void check_survey_schema(Backend& backend, const Snapshot& survey, const CommitInfo& info) {
    if (info.force) return;
    const std::optional<Schema> recorded = backend.schema_at(latest);
    if (!recorded) return;  // the first survey sets the schema
    if (recorded->id_fields != survey.id_fields || recorded->use_field != survey.use_field) {
        throw usage_error(survey_name(survey, info) + ": the database's parcels are keyed by " + joined(recorded->id_fields) +
                          " with the use in " + recorded->use_field + ", this survey by " + joined(survey.id_fields) +
                          " with the use in " + survey.use_field +
                          " (a map of another kind?); use --force to record it as a survey of the parcels");
    }
    std::vector<std::string> missing;
    for (const Field& f : recorded->fields) {
        const bool present = std::any_of(survey.fields.begin(), survey.fields.end(),
                                         [&](const Field& g) { return g.name == f.name; });
        if (!present) missing.push_back(f.name);
    }
    if (!missing.empty()) {
        throw usage_error(survey_name(survey, info) + ": lacks field" + (missing.size() == 1 ? " " : "s ") + joined(missing) +
                          " that the database's parcels have; committed, the map from its date on would lose " +
                          (missing.size() == 1 ? "it" : "them") + " (use --force to record the survey without " +
                          (missing.size() == 1 ? "it" : "them") + ")");
    }
}

void check_not_a_repeat(Backend& backend, const Snapshot& survey, const CommitInfo& info, const std::string& digest) {
    if (info.force) return;
    std::unordered_set<std::string> scope;
    for (const Parcel& p : survey.parcels) scope.insert(commune_of(p.key));
    std::vector<CommitRecord> surveys = backend.log();
    std::erase_if(surveys, [](const CommitRecord& c) { return c.kind != "survey"; });
    const auto refuse = [&](const CommitRecord& c, const std::string& how) {
        const std::string what = c.date == info.date ? "it was committed already"
                                                     : "dated " + info.date + " it would undo every change since " + c.date;
        throw usage_error(survey_name(survey, info) + ": " + how + ": this is the survey committed as commit " +
                          std::to_string(c.id) + " on " + c.date + "; " + what + " (use --force to record it again)");
    };
    for (const CommitRecord& c : surveys) {
        if (!digest.empty() && c.source_sha256 == digest) refuse(c, "has the same content (SHA-256) as a committed survey");
    }
    std::erase_if(surveys, [&](const CommitRecord& c) { return c.date > info.date; });
    // Newest first: the same survey committed again on its own date is found at once.
    std::sort(surveys.begin(), surveys.end(), [](const CommitRecord& a, const CommitRecord& b) {
        return a.date != b.date ? a.date > b.date : a.id > b.id;
    });
    std::string checked;
    for (const CommitRecord& c : surveys) {
        if (c.date == checked) continue;
        checked = c.date;
        const State map = backend.state_at(c.date, std::nullopt);
        if (same_map(map.snapshot, survey, scope)) refuse(c, "is identical to the map as of " + c.date);
    }
}

}  // namespace libland::store
