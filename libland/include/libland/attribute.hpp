#pragma once
// Attribute fields and values as a source layer declares them, kept with their types so that
// every output writes them back as they came (maXa stays a string, soTo an integer).
#include <cstdint>
#include <string>
#include <variant>

namespace libland {

enum class FieldType { integer, real, string, date, datetime };

struct Field {
    std::string name;
    FieldType type = FieldType::string;
    friend bool operator==(const Field&, const Field&) = default;
};

// A null attribute is std::monostate. date and datetime values are ISO 8601 strings.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

// Returns the value as text: whole numbers without decimals, null as "".
[[nodiscard]] std::string to_string(const Value& value);

[[nodiscard]] const char* to_string(FieldType type) noexcept;

}  // namespace libland
