// The tables land copy moves (see copy_tables.hpp).
#include "store/copy_tables.hpp"

namespace libland::store {

const std::vector<CopyTable>& copy_tables() {
    static const std::vector<CopyTable> tables = {
        {"commits",
         {{"commit_id", 'i'}, {"kind", 't'}, {"valid_date", 't'}, {"recorded_at", 't'}, {"message", 't'},
          {"document", 't'}, {"backdated", 'i'}, {"source", 't'}, {"fields", 't'}, {"id_fields", 't'},
          {"use_field", 't'}}},
        {"commit_communes", {{"commit_id", 'i'}, {"commune", 't'}}},
        {"commit_sheets", {{"commit_id", 'i'}, {"sheet_key", 't'}}},
        {"commit_reverts", {{"commit_id", 'i'}, {"reverted", 'i'}}},
        {"commit_authors", {{"commit_id", 'i'}, {"author", 't'}, {"source_name", 't'}, {"source_sha256", 't'}}, true},
        {"parcels", {{"uid", 'i'}, {"created_commit", 'i'}}},
        {"parcel_versions",
         {{"version_id", 'i'}, {"uid", 'i'}, {"key", 't'}, {"sheet_key", 't'}, {"number", 'i'}, {"use", 't'},
          {"area_m2", 'r'}, {"attributes", 't'}, {"valid_from", 't'}, {"valid_to", 't'}, {"commit_id", 'i'},
          {"closed_by", 'i'}, {"recorded_at", 't'}, {"geometry", 'g'}}},
        {"events",
         {{"event_id", 'i'}, {"commit_id", 'i'}, {"type", 't'}, {"valid_date", 't'}, {"reason", 't'},
          {"document", 't'}, {"geometry", 'g'}}},
        {"event_parcels", {{"event_id", 'i'}, {"version_id", 'i'}, {"role", 't'}}},
        {"lineage", {{"event_id", 'i'}, {"parent_version", 'i'}, {"child_version", 'i'}, {"area_m2", 'r'}}},
        {"layers", {{"layer_id", 'i'}, {"name", 't'}, {"source", 't'}, {"loaded_at", 't'}}},
        {"layer_features", {{"feature_id", 'i'}, {"layer_id", 'i'}, {"properties", 't'}, {"geometry", 'g'}}},
        {"api_keys", {{"name", 't'}, {"role", 't'}, {"sha256", 't'}, {"created_at", 't'}, {"last_used", 't'}}},
        {"revoked_keys",
         {{"name", 't'}, {"role", 't'}, {"created_at", 't'}, {"revoked_at", 't'}, {"last_used", 't'}}, true},
        {"local_land_uses", {{"code", 't'}, {"name", 't'}, {"added_at", 't'}}, true},
    };
    return tables;
}

std::string select_list(const CopyTable& table, const std::string& wkb_function) {
    std::string out;
    for (const CopyColumn& c : table.columns) {
        if (!out.empty()) out += ", ";
        out += c.type == 'g' ? wkb_function + "(" + c.name + ")" : std::string(c.name);
    }
    return out;
}

std::string copy_order(const CopyTable& table) {
    std::string out;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].type == 'g') continue;
        out += (out.empty() ? "ORDER BY " : ", ") + std::to_string(i + 1);
    }
    return out;
}

}  // namespace libland::store
