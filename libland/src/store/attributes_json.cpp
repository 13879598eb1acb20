#include "store/attributes_json.hpp"

#include <libland/error.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

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

// Reads a flat object of scalars straight into the fields' values, without building a document
// (the common case, and the hot path of every page of parcels). Anything else (a nested value, a
// number in a text field) stops it: the caller then takes the general path.
class FlatAttributes : public nlohmann::json_sax<json> {
public:
    explicit FlatAttributes(const std::vector<Field>& fields) : fields_(fields), values_(fields.size()) {}

    bool null() override { return take(std::monostate{}); }
    bool boolean(bool) override { return general(); }
    bool number_integer(number_integer_t v) override { return number(v, static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        if (v > static_cast<number_unsigned_t>(INT64_MAX)) return general();
        return number(static_cast<std::int64_t>(v), static_cast<double>(v));
    }
    bool number_float(number_float_t v, const string_t&) override {
        if (field_ != nullptr && field_->type == FieldType::integer) {
            return std::fabs(v) < 9e18 ? take(static_cast<std::int64_t>(v)) : take(std::monostate{});
        }
        return field_ != nullptr && field_->type == FieldType::real ? take(v) : general();
    }
    bool string(string_t& v) override {
        if (field_ != nullptr && (field_->type == FieldType::integer || field_->type == FieldType::real)) {
            return take(std::monostate{});
        }
        return take(std::move(v));
    }
    bool binary(binary_t&) override { return general(); }
    bool start_object(std::size_t) override { return depth_++ == 0 || general(); }
    bool key(string_t& name) override {
        field_ = nullptr;
        index_ = 0;
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            if (fields_[i].name == name) {
                field_ = &fields_[i];
                index_ = i;
                break;
            }
        }
        return true;
    }
    bool end_object() override { return --depth_ == 0 || general(); }
    bool start_array(std::size_t) override { return general(); }
    bool end_array() override { return general(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        corrupt_ = true;
        return false;
    }

    [[nodiscard]] bool needs_general() const noexcept { return general_; }
    [[nodiscard]] bool corrupt() const noexcept { return corrupt_; }
    std::vector<Value> values() && { return std::move(values_); }

private:
    bool take(Value v) {
        if (field_ != nullptr) values_[index_] = std::move(v);
        return true;
    }
    bool number(std::int64_t i, double d) {
        if (field_ == nullptr) return true;
        if (field_->type == FieldType::integer) return take(i);
        if (field_->type == FieldType::real) return take(d);
        return general();
    }
    bool general() {
        general_ = true;
        return false;
    }

    const std::vector<Field>& fields_;
    std::vector<Value> values_;
    const Field* field_ = nullptr;
    std::size_t index_ = 0;
    int depth_ = 0;
    bool general_ = false;
    bool corrupt_ = false;
};

}  // namespace

std::vector<Value> attributes_from_json(const std::vector<Field>& fields, std::string_view text) {
    FlatAttributes flat(fields);
    json::sax_parse(text, &flat);
    if (flat.corrupt()) corrupt(text);
    if (!flat.needs_general()) return std::move(flat).values();
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
