// Parcel identity checks: every parcel needs a complete key, and keys are unique.
#include "validate/checks.hpp"

#include <string_view>
#include <unordered_map>

namespace libland::validation {

namespace {

// Returns the first id field with no value in this parcel, "" when all have one. A field that the
// snapshot does not list is judged from the key instead: an empty part between the '-'s.
std::string missing_part(const Snapshot& snapshot, const Parcel& parcel) {
    if (parcel.key.empty()) {
        return snapshot.id_fields.empty() ? "(feature id)" : snapshot.id_fields.front();
    }
    for (const std::string& name : snapshot.id_fields) {
        const int idx = snapshot.field_index(name);
        if (idx < 0 || static_cast<std::size_t>(idx) >= parcel.attributes.size()) {
            if (has_empty_part(parcel.key)) return name;
            continue;
        }
        if (trimmed(to_string(parcel.attributes[static_cast<std::size_t>(idx)])).empty()) {
            return name;
        }
    }
    return {};
}

// Returns the first id field whose value contains '-', the separator of the key's parts, "" when
// none does. A key of one field is the value itself and may hold '-'.
std::string ambiguous_part(const Snapshot& snapshot, const Parcel& parcel) {
    if (snapshot.id_fields.size() < 2) return {};
    for (const std::string& name : snapshot.id_fields) {
        const int idx = snapshot.field_index(name);
        if (idx < 0 || static_cast<std::size_t>(idx) >= parcel.attributes.size()) continue;
        if (to_string(parcel.attributes[static_cast<std::size_t>(idx)]).find('-') != std::string::npos) return name;
    }
    return {};
}

void add_located(detail::GeosContext& ctx, const ParcelShapes& shapes, std::size_t i, Finding f, FindingList& out) {
    f.has_location = parcel_anchor(ctx, shapes, i, f.location);
    out.add_for_parcel(i, std::move(f));
}

std::string fid_list(const Snapshot& snapshot, const std::vector<std::size_t>& members) {
    constexpr std::size_t shown = 10;
    std::string out;
    for (std::size_t k = 0; k < members.size() && k < shown; ++k) {
        out += (k == 0 ? "" : ", ") + std::to_string(snapshot.parcels[members[k]].fid);
    }
    if (members.size() > shown) {
        out += ", ... and " + std::to_string(members.size() - shown) + " more";
    }
    return out;
}

}  // namespace

void check_identity(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out) {
    std::unordered_map<std::string, std::vector<std::size_t>> holders;
    for (std::size_t i = 0; i < snapshot.parcels.size(); ++i) {
        const Parcel& parcel = snapshot.parcels[i];
        const std::string field = missing_part(snapshot, parcel);
        if (field.empty()) {
            holders[parcel.key].push_back(i);
            if (const std::string joined = ambiguous_part(snapshot, parcel); !joined.empty()) {
                const std::string fid = "FID " + std::to_string(parcel.fid);
                Finding f{Severity::error, FindingCode::ambiguous_key, {fid},
                          "parcel " + fid + ": id field " + joined + " holds '-', which separates the key's parts: " +
                              "key " + parcel.key + " cannot be told apart from other parts",
                          {}, {}, false};
                add_located(ctx, shapes, i, std::move(f), out);
            }
            continue;
        }
        const std::string fid = "FID " + std::to_string(parcel.fid);  // the key is incomplete
        Finding f{Severity::error, FindingCode::missing_id, {fid},
                  "parcel " + fid + " has no value in id field " + field, {}, {}, false};
        add_located(ctx, shapes, i, std::move(f), out);
    }
    for (std::size_t i = 0; i < snapshot.parcels.size(); ++i) {
        auto it = holders.find(snapshot.parcels[i].key);
        if (it == holders.end() || it->second.size() < 2 || it->second.front() != i) continue;
        const auto& members = it->second;
        Finding f{Severity::error, FindingCode::duplicate_id, {it->first},
                  "key " + it->first + " is shared by " + std::to_string(members.size()) + " parcels (FIDs " +
                      fid_list(snapshot, members) + ")",
                  {}, {}, false};
        add_located(ctx, shapes, i, std::move(f), out);
    }
}

}  // namespace libland::validation
