#pragma once
// Parcel attributes as a JSON object {"name": value} that keeps names and types. Private.
#include <libland/attribute.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace libland::store {

// Returns {"field": value, ...}: integers as JSON integers, reals as JSON reals, text as strings,
// nulls as null.
[[nodiscard]] std::string attributes_to_json(const std::vector<Field>& fields, const std::vector<Value>& values);

// Returns one value per field, converted to the field's type; fields absent from the JSON are null.
[[nodiscard]] std::vector<Value> attributes_from_json(const std::vector<Field>& fields, std::string_view json);

// Returns every attribute as text (libland::to_string of its value, "" for null), by field name.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> attributes_as_text(std::string_view json);

// Returns the fields as JSON [{"name": .., "type": ..}] and back.
[[nodiscard]] std::string fields_to_json(const std::vector<Field>& fields);
[[nodiscard]] std::vector<Field> fields_from_json(std::string_view json);

[[nodiscard]] std::string strings_to_json(const std::vector<std::string>& items);
[[nodiscard]] std::vector<std::string> strings_from_json(std::string_view json);

}  // namespace libland::store
