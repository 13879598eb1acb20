// GeoJSON features to CSV, geometry to WKT through OGR.
#include "csv.hpp"

#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <cpl_conv.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

std::string csv_text(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string cell(const json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return csv_text(value.get<std::string>());
    return csv_text(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string wkt_of(const json& geometry) {
    if (geometry.is_null()) return "";
    OGRGeometryH g = OGR_G_CreateGeometryFromJson(geometry.dump().c_str());
    if (g == nullptr) return "";
    char* text = nullptr;
    OGR_G_ExportToIsoWkt(g, &text);
    std::string out = text != nullptr ? text : "";
    CPLFree(text);
    OGR_G_DestroyGeometry(g);
    return csv_text(out);
}

}  // namespace

std::string features_csv(const std::string& feature_collection, bool with_geometry) {
    const json doc = json::parse(feature_collection);
    const json& features = doc.at("features");
    std::vector<std::string> columns;
    for (const json& f : features) {
        if (!f.contains("properties") || !f["properties"].is_object()) continue;
        for (const auto& [name, value] : f["properties"].items()) {
            if (std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
        }
    }
    std::string out = "id";
    for (const std::string& c : columns) out += "," + csv_text(c);
    if (with_geometry) out += ",geometry";
    out += "\r\n";
    for (const json& f : features) {
        out += cell(f.value("id", json()));
        const json& properties = f.contains("properties") ? f["properties"] : json::object();
        for (const std::string& c : columns) {
            out += ',';
            if (properties.is_object() && properties.contains(c)) out += cell(properties[c]);
        }
        if (with_geometry) out += "," + wkt_of(f.value("geometry", json()));
        out += "\r\n";
    }
    return out;
}

}  // namespace landd
