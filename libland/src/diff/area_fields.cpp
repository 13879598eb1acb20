// area_fields(): the attribute fields that merely follow the geometry.
#include <libland/change.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace libland {

namespace {

constexpr std::array<std::string_view, 4> area_field_names = {"dientich", "dien_tich", "area", "shape_area"};

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

}  // namespace

std::vector<std::string> area_fields(const Snapshot& snapshot) {
    std::vector<std::string> out;
    for (const auto& field : snapshot.fields) {
        const std::string lower = lowercase(field.name);
        const bool named = std::find(area_field_names.begin(), area_field_names.end(), lower) != area_field_names.end();
        if (named && field.type == FieldType::real) out.push_back(field.name);
    }
    return out;
}

}  // namespace libland
