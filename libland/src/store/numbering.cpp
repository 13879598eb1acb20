#include "store/numbering.hpp"

#include <charconv>

namespace libland::store {

namespace {

int field_position(const Schema& schema, const std::string& name) {
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        if (schema.fields[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

Value typed(FieldType type, std::int64_t number) {
    switch (type) {
        case FieldType::integer: return number;
        case FieldType::real: return static_cast<double>(number);
        default: return std::to_string(number);
    }
}

}  // namespace

KeyParts split_key(const std::string& key) {
    const auto dash = key.rfind('-');
    KeyParts parts;
    const std::string last = dash == std::string::npos ? key : key.substr(dash + 1);
    parts.sheet_key = dash == std::string::npos ? std::string() : key.substr(0, dash);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(last.data(), last.data() + last.size(), n);
    if (ec == std::errc() && end == last.data() + last.size() && !last.empty()) {
        parts.number = n;
    }
    return parts;
}

void renumber(Parcel& parcel, const Schema& schema, std::int64_t number) {
    if (schema.id_fields.empty()) {
        parcel.key = std::to_string(number);
        return;
    }
    const int last = field_position(schema, schema.id_fields.back());
    if (last >= 0 && static_cast<std::size_t>(last) < parcel.attributes.size()) {
        parcel.attributes[static_cast<std::size_t>(last)] = typed(schema.fields[static_cast<std::size_t>(last)].type, number);
    }
    const KeyParts parts = split_key(parcel.key);
    parcel.key = parts.sheet_key.empty() ? std::to_string(number) : parts.sheet_key + "-" + std::to_string(number);
}

void set_use_code(Parcel& parcel, const Schema& schema, const std::string& use) {
    parcel.use = use;
    const int at = field_position(schema, schema.use_field);
    if (at >= 0 && static_cast<std::size_t>(at) < parcel.attributes.size()) {
        parcel.attributes[static_cast<std::size_t>(at)] = use;
    }
}

}  // namespace libland::store
