// write_changes(): one row per change event as CSV, GeoJSON or GeoPackage.
#include "detail/ogr_writer.hpp"

#include <libland/change.hpp>

namespace libland {

namespace {

const std::vector<Field>& change_fields() {
    static const std::vector<Field> fields = {
        {"change", FieldType::string},          {"before", FieldType::string},
        {"after", FieldType::string},           {"area_before_m2", FieldType::real},
        {"area_after_m2", FieldType::real},     {"use_before", FieldType::string},
        {"use_after", FieldType::string},       {"shares", FieldType::string},
    };
    return fields;
}

// The area of a side without parcels (added, removed) is null, not zero.
Value area_value(const std::optional<double>& m2) { return m2 ? Value(*m2) : Value(); }

}  // namespace

void write_changes(const ChangeSet& changes, const Snapshot& before, const Snapshot& after, const std::string& path,
                   bool include_unchanged, const CsvOptions& csv) {
    const bool with_geometry = !detail::is_table_format(path);
    detail::LayerWriter out(path, "changes", change_fields(), before.crs, with_geometry, csv);
    for (ChangeRow& r : change_rows(changes, before, after, include_unchanged, with_geometry)) {
        const std::vector<Value> row = {std::string(to_string(r.type)), std::move(r.before), std::move(r.after),
                                        area_value(r.area_before_m2), area_value(r.area_after_m2),
                                        std::move(r.use_before), std::move(r.use_after), std::move(r.shares)};
        if (with_geometry) {
            out.add(r.outline, row);
        } else {
            out.add(row);
        }
    }
    out.commit();
}

}  // namespace libland
