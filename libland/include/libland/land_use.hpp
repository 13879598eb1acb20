#pragma once
// The land-use code list (loai dat): leaf codes, their groups, and the old -> new mapping of
// Circular 08/2024, with English and Vietnamese names. The list is data (land_use_codes.cpp).
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
    std::string_view name_vi;    // Vietnamese name as the statistics forms print it (UTF-8, NFC)
};

// A top-level group of the land statistics: NNP agricultural, PNN non-agricultural, CSD unused.
// Every leaf code belongs to exactly one (LandUse::category), so a group's area is the sum of its
// leaf codes' areas and no area is counted twice.
struct LandUseGroup {
    std::string_view code;     // "NNP", "PNN", "CSD"
    std::string_view name;     // English
    std::string_view name_vi;  // Vietnamese
};

// Returns the code's entry, or nothing when the code is unknown. Case-sensitive, trimmed input.
[[nodiscard]] std::optional<LandUse> find_land_use(std::string_view code) noexcept;

// Returns every known leaf code, old (2018) and new (2024) alike, in the list's order.
[[nodiscard]] std::span<const LandUse> land_use_codes() noexcept;

// Returns the three top-level groups in the statistics' order: NNP, PNN, CSD.
[[nodiscard]] std::span<const LandUseGroup> land_use_groups() noexcept;

}  // namespace libland
