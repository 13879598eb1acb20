// Writing validation findings as CSV (one row each, x/y columns) or GeoJSON (the finding's area,
// else its location point), never partially (io::LayerWriter).
#include <libland/error.hpp>
#include <libland/validate.hpp>

#include "io/ogr_writer.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace libland {

namespace {

std::string extension_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

const std::vector<Field>& finding_fields() {
    static const std::vector<Field> fields{{"severity", FieldType::string}, {"code", FieldType::string},
                                           {"parcels", FieldType::string},  {"message", FieldType::string},
                                           {"x", FieldType::real},          {"y", FieldType::real}};
    return fields;
}

std::vector<Value> finding_values(const Finding& f) {
    std::string parcels;
    for (const std::string& p : f.parcels) {
        parcels += (parcels.empty() ? "" : ";") + p;
    }
    std::vector<Value> values{std::string(to_string(f.severity)), std::string(to_string(f.code)), parcels,
                              f.message, std::monostate{}, std::monostate{}};
    if (f.has_location) {
        values[4] = f.location.x;
        values[5] = f.location.y;
    }
    return values;
}

}  // namespace

bool findings_path_supported(const std::string& path) {
    const std::string ext = extension_of(path);
    return ext == ".csv" || ext == ".xlsx" || ext == ".geojson" || ext == ".json";
}

void write_findings(const std::vector<Finding>& findings, const Snapshot& snapshot, const std::string& path,
                    const CsvOptions& csv) {
    if (!findings_path_supported(path)) {
        throw usage_error(path + ": findings are written as .csv, .xlsx or .geojson");
    }
    const bool with_geometry = !detail::is_table_format(path);
    io::LayerWriter out(path, "findings", finding_fields(), snapshot.crs, with_geometry, csv);
    for (const Finding& f : findings) {
        if (!f.where.empty()) {
            out.add(f.where, finding_values(f));
        } else if (f.has_location) {
            out.add(f.location, finding_values(f));
        } else {
            out.add(finding_values(f));
        }
    }
    out.commit();
}

}  // namespace libland
