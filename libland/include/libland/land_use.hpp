#pragma once
// The land-use code list (loai dat): leaf codes, their groups, and the old -> new mapping of
// Circular 08/2024. The list is data (land_use_codes.cpp), not logic.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace libland {

struct LandUse {
    std::string_view code;       // leaf code, e.g. "LUC"
    std::string_view group;      // its group, e.g. "LUA" (rice), "" where none
    std::string_view category;   // "NNP", "PNN" or "CSD"
    std::string_view name;       // English description
    std::string_view successor;  // the 2024 code that replaces it, "" if unchanged
};

// Returns the code's entry, or nothing when the code is unknown. Case-sensitive, trimmed input.
[[nodiscard]] std::optional<LandUse> find_land_use(std::string_view code) noexcept;

// Returns every known leaf code, old (2018) and new (2024) alike, in the list's order.
[[nodiscard]] std::span<const LandUse> land_use_codes() noexcept;

}  // namespace libland
