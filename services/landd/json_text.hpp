#pragma once
// Writing JSON text directly (features are many and large: building a DOM for them costs more
// than the query). Appends to a string; the caller places commas and brackets.
#include <cstdint>
#include <string>
#include <string_view>

namespace landd {

// Appends the text as a JSON string (quoted, escaped).
void append_string(std::string& out, std::string_view text);
// Appends the shortest text that reads back as the same double (finite; else null).
void append_number(std::string& out, double value);
void append_number(std::string& out, std::int64_t value);
// Appends "name": (the name quoted and escaped).
void append_key(std::string& out, std::string_view name);

}  // namespace landd
