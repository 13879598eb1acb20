// write_changes(): one row per change event as CSV, GeoJSON or GeoPackage.
#include "io/ogr_writer.hpp"

#include <libland/change.hpp>

namespace libland {

namespace {

const std::vector<Field>& change_fields() {
    static const std::vector<Field> fields = {
        {"change", FieldType::string},          {"before", FieldType::string},
        {"after", FieldType::string},           {"area_before_m2", FieldType::real},
        {"area_after_m2", FieldType::real},     {"use_before", FieldType::string},
        {"use_after", FieldType::string},       {"shares", FieldType::string},
        {"attributes", FieldType::string},
    };
    return fields;
}

// The columns with the sources of a recorded map's changes.
std::vector<Field> sourced_fields() {
    std::vector<Field> fields = change_fields();
    fields.push_back({"date", FieldType::string});
    fields.push_back({"document", FieldType::string});
    fields.push_back({"commit", FieldType::integer});
    return fields;
}

// The area of a side without parcels (added, removed) is null, not zero.
Value area_value(const std::optional<double>& m2) { return m2 ? Value(*m2) : Value(); }

}  // namespace

void write_changes(const ChangeSet& changes, const Snapshot& before, const Snapshot& after, const std::string& path,
                   bool include_unchanged, const CsvOptions& csv, const std::vector<ChangeSource>* sources) {
    const bool with_geometry = !detail::is_table_format(path);
    io::LayerWriter out(path, "changes", sources != nullptr ? sourced_fields() : change_fields(), before.crs,
                            with_geometry, csv);
    std::vector<const ChangeSource*> row_sources;  // parallel to the rows
    if (sources != nullptr) {
        for (std::size_t i = 0; i < changes.events.size(); ++i) {
            if (changes.events[i].type != ChangeType::unchanged || include_unchanged) row_sources.push_back(&sources->at(i));
        }
    }
    std::vector<ChangeRow> rows = change_rows(changes, before, after, include_unchanged, with_geometry);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ChangeRow& r = rows[i];
        std::vector<Value> row = {std::string(to_string(r.type)), std::move(r.before), std::move(r.after),
                                  area_value(r.area_before_m2), area_value(r.area_after_m2),
                                  std::move(r.use_before), std::move(r.use_after), std::move(r.shares),
                                  std::move(r.attributes)};
        if (sources != nullptr) {
            const ChangeSource& s = *row_sources.at(i);
            row.push_back(s.date);
            row.push_back(s.document);
            if (s.commit != 0) {
                row.emplace_back(s.commit);
            } else {
                row.emplace_back();  // no commit: an empty cell
            }
        }
        if (with_geometry) {
            out.add(r.outline, row);
        } else {
            out.add(row);
        }
    }
    out.commit();
}

}  // namespace libland
