#include "store/product_attributes.hpp"

#include "store/numbering.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace libland::store {

namespace {

// Reads an officer's text as a value of the field's type. An empty text is a null number.
Value typed_value(const Field& field, const std::string& text) {
    if (field.type != FieldType::integer && field.type != FieldType::real) return text;
    if (text.empty()) return std::monostate{};
    const char* first = text.data();
    const char* last = first + text.size();
    if (field.type == FieldType::integer) {
        std::int64_t n = 0;
        const auto [end, ec] = std::from_chars(first, last, n);
        if (ec == std::errc() && end == last) return n;
        throw usage_error("--set " + field.name + "=" + text + ": " + field.name + " holds whole numbers");
    }
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (end == text.c_str() + text.size() && std::isfinite(x)) return x;
    throw usage_error("--set " + field.name + "=" + text + ": " + field.name + " holds numbers");
}

std::string shown(const Value& v) { return std::holds_alternative<std::monostate>(v) ? "(null)" : "'" + to_string(v) + "'"; }

}  // namespace

std::vector<std::size_t> area_field_positions(const Schema& schema, const std::string& setting) {
    std::vector<std::size_t> positions;
    if (setting == "none") return positions;
    std::vector<std::string> names{setting};
    if (setting.empty()) {
        Snapshot fields_only;
        fields_only.fields = schema.fields;
        names = area_fields(fields_only);
    }
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        if (std::find(names.begin(), names.end(), schema.fields[i].name) != names.end()) positions.push_back(i);
    }
    return positions;
}

ProductAttributes::ProductAttributes(const Schema& schema, const std::string& area_field_setting,
                                     const std::map<std::string, std::string>& values)
    : schema_(schema), area_positions_(area_field_positions(schema, area_field_setting)) {
    for (const auto& [name, text] : values) {
        const auto at = std::find_if(schema.fields.begin(), schema.fields.end(),
                                     [&field = name](const Field& f) { return f.name == field; });
        if (at == schema.fields.end()) {
            std::string known;
            for (const Field& f : schema.fields) known += (known.empty() ? "" : ", ") + f.name;
            throw usage_error("--set " + name + ": the database has no field " + name + " (fields: " + known + ")");
        }
        const auto position = static_cast<std::size_t>(at - schema.fields.begin());
        if (std::find(schema.id_fields.begin(), schema.id_fields.end(), name) != schema.id_fields.end()) {
            throw usage_error("--set " + name + ": " + name + " is an id field; new parcels are numbered by the database");
        }
        if (std::find(area_positions_.begin(), area_positions_.end(), position) != area_positions_.end()) {
            throw usage_error("--set " + name + ": " + name + " is the registered area, computed from the new geometry");
        }
        values_[position] = typed_value(*at, text);
    }
}

void ProductAttributes::check_parents_agree(const std::vector<const Parcel*>& parents) const {
    std::string differing;
    for (std::size_t f = 0; f < schema_.fields.size(); ++f) {
        const std::string& name = schema_.fields[f].name;
        const bool id = std::find(schema_.id_fields.begin(), schema_.id_fields.end(), name) != schema_.id_fields.end();
        const bool area = std::find(area_positions_.begin(), area_positions_.end(), f) != area_positions_.end();
        if (id || area || values_.count(f) != 0) continue;
        const Value& first = parents.front()->attributes.at(f);
        const bool same = std::all_of(parents.begin(), parents.end(), [&](const Parcel* p) { return p->attributes.at(f) == first; });
        if (same) continue;
        differing += "\n  " + name + ":";
        for (const Parcel* p : parents) differing += " " + p->key + " " + shown(p->attributes.at(f)) + ";";
        differing.pop_back();
    }
    if (!differing.empty()) {
        throw usage_error("the parcels differ in fields the result must take one value of; give it with --set "
                          "FIELD=VALUE (nothing was written):" + differing);
    }
}

void ProductAttributes::apply_values(Parcel& parcel) const {
    for (const auto& [position, value] : values_) {
        if (schema_.fields[position].name == schema_.use_field) {
            set_use_code(parcel, schema_, to_string(value));
        } else {
            parcel.attributes.at(position) = value;
        }
    }
}

void ProductAttributes::finish(Parcel& product) const {
    apply_values(product);
    const double registered = std::round(area(product.geometry) * 10) / 10;
    for (const std::size_t position : area_positions_) {
        product.attributes.at(position) =
            schema_.fields[position].type == FieldType::integer ? Value{static_cast<std::int64_t>(std::llround(registered))} : Value{registered};
    }
}

}  // namespace libland::store
