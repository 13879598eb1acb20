#include "store/attributes_json.hpp"

#include <libland/error.hpp>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

namespace libland::store {

using nlohmann::json;

namespace {

// Text written to the database: never throws for text that is not UTF-8 (the readers refuse it
// before; what an older program let through is stored with U+FFFD in its place).
std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json to_json(const Value& value) {
    struct Visitor {
        json operator()(std::monostate) const { return nullptr; }
        json operator()(std::int64_t v) const { return v; }
        json operator()(double v) const { return v; }
        json operator()(const std::string& v) const { return v; }
    };
    return std::visit(Visitor{}, value);
}

Value from_json(const json& j, FieldType type) {
    if (j.is_null()) return std::monostate{};
    switch (type) {
        case FieldType::integer:
            if (j.is_number_integer()) return j.get<std::int64_t>();
            if (j.is_number() && std::fabs(j.get<double>()) < 9e18) return static_cast<std::int64_t>(j.get<double>());
            break;
        case FieldType::real:
            if (j.is_number()) return j.get<double>();
            break;
        case FieldType::string:
        case FieldType::date:
        case FieldType::datetime:
            if (j.is_string()) return j.get<std::string>();
            return dumped(j);
    }
    return std::monostate{};
}

FieldType parse_type(const std::string& name) {
    for (FieldType t : {FieldType::integer, FieldType::real, FieldType::string, FieldType::date,
                        FieldType::datetime}) {
        if (name == to_string(t)) return t;
    }
    throw input_error("unknown field type '" + name + "' in the land database");
}

[[noreturn]] void corrupt(std::string_view text) {
    throw input_error("corrupt JSON in the land database: " + std::string(text.substr(0, 60)));
}

json parse(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) corrupt(text);
    return j;
}

}  // namespace

std::string attributes_to_json(const std::vector<Field>& fields, const std::vector<Value>& values) {
    json object = json::object();
    for (std::size_t i = 0; i < fields.size() && i < values.size(); ++i) {
        object[fields[i].name] = to_json(values[i]);
    }
    return dumped(object);
}

namespace {

// Reads a flat object of scalars straight into the fields' values with simdjson (its parser
// picks the machine's SIMD instructions at run time), without building nlohmann's document (the
// common case, and the hot path of every page of parcels). Returns nothing for anything else (a
// nested value, a boolean, a number in a text field, text simdjson refuses): the caller then
// takes the general path, which also names corrupt text.
std::optional<std::vector<Value>> flat_attributes(const std::vector<Field>& fields, std::string_view text) {
    thread_local simdjson::dom::parser parser;
    thread_local std::string padded;  // simdjson reads up to SIMDJSON_PADDING bytes past the end
    padded.assign(text);
    padded.append(simdjson::SIMDJSON_PADDING, '\0');
    simdjson::dom::object object;
    if (parser.parse(padded.data(), text.size(), false).get_object().get(object) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    using Type = simdjson::dom::element_type;
    std::vector<Value> values(fields.size());
    for (const simdjson::dom::key_value_pair member : object) {
        const auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == member.key; });
        if (field == fields.end()) continue;  // not a field of the schema
        Value& out = values[static_cast<std::size_t>(field - fields.begin())];
        const simdjson::dom::element value = member.value;
        const bool integer = field->type == FieldType::integer, real = field->type == FieldType::real;
        switch (value.type()) {
            case Type::NULL_VALUE: out = std::monostate{}; break;
            case Type::STRING:
                if (integer || real) out = std::monostate{};
                else out = std::string(value.get_string().value_unsafe());
                break;
            case Type::INT64: {
                if (!integer && !real) return std::nullopt;  // the general path writes the number as text
                const std::int64_t i = value.get_int64().value_unsafe();
                if (real) out = static_cast<double>(i);
                else out = i;
                break;
            }
            case Type::DOUBLE: {
                if (!integer && !real) return std::nullopt;
                const double d = value.get_double().value_unsafe();
                if (real) out = d;
                else out = std::fabs(d) < 9e18 ? Value{static_cast<std::int64_t>(d)} : Value{};
                break;
            }
            default: return std::nullopt;  // booleans, integers above INT64_MAX, arrays and objects
        }
    }
    return values;
}

}  // namespace

std::vector<Value> attributes_from_json(const std::vector<Field>& fields, std::string_view text) {
    if (std::optional<std::vector<Value>> flat = flat_attributes(fields, text)) return std::move(*flat);
    const json object = parse(text);
    std::vector<Value> values;
    values.reserve(fields.size());
    for (const Field& field : fields) {
        auto it = object.find(field.name);
        values.push_back(it == object.end() ? Value{} : from_json(*it, field.type));
    }
    return values;
}

std::vector<std::pair<std::string, std::string>> attributes_as_text(std::string_view json_text) {
    std::vector<std::pair<std::string, std::string>> out;
    const json object = parse(json_text);
    for (const auto& [name, value] : object.items()) {
        std::string text;
        if (value.is_number_integer()) text = std::to_string(value.get<std::int64_t>());
        else if (value.is_number()) text = to_string(Value{value.get<double>()});
        else if (value.is_string()) text = value.get<std::string>();
        else if (!value.is_null()) text = dumped(value);
        out.emplace_back(name, std::move(text));
    }
    return out;
}

std::string fields_to_json(const std::vector<Field>& fields) {
    json list = json::array();
    for (const Field& f : fields) {
        list.push_back({{"name", f.name}, {"type", to_string(f.type)}});
    }
    return dumped(list);
}

std::vector<Field> fields_from_json(std::string_view text) {
    std::vector<Field> fields;
    try {
        for (const json& f : parse(text)) {
            fields.push_back(Field{f.at("name").get<std::string>(), parse_type(f.at("type").get<std::string>())});
        }
    } catch (const json::exception&) {
        corrupt(text);  // a member missing or of another type
    }
    return fields;
}

std::string strings_to_json(const std::vector<std::string>& items) { return dumped(json(items)); }

std::vector<std::string> strings_from_json(std::string_view text) {
    try {
        return parse(text).get<std::vector<std::string>>();
    } catch (const json::exception&) {
        corrupt(text);
    }
}

}  // namespace libland::store
