#pragma once
// Filters of the paged reads that services and exports make: CQL2 text (OGC API - Features
// Part 3), property equality, free-text search that ignores Vietnamese diacritics and case,
// sorting. One parser serves landd's `filter=`, `land export --where` and Python's
// Store.parcels(filter=...). Every value reaches SQL as a bound parameter, never as text.
#include <libland/attribute.hpp>
#include <libland/geometry.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace libland {

// Returns the text folded for searching: with `accents`, letters lose their diacritics (Vietnamese
// "Đồng Xuân" -> "Dong Xuan", "đ" -> "d"; precomposed and combining forms alike); with `letter_case`,
// letters are lowercased (Latin, Vietnamese included). Other characters are kept; invalid UTF-8
// bytes are kept as they are.
[[nodiscard]] std::string fold_text(std::string_view utf8, bool letter_case = true, bool accents = true);

// A property a filter may name, with its type (what /queryables advertises).
struct Queryable {
    std::string name;
    FieldType type = FieldType::string;
    bool is_private = false;  // one of the database's private fields
};

struct SortKey {
    std::string property;
    bool descending = false;
};

// Filters that combine with AND. Empty members filter nothing.
struct FeatureFilter {
    // CQL2 text: comparisons (= <> < <= > >=), LIKE, IN, BETWEEN, AND/OR/NOT, IS [NOT] NULL,
    // CASEI()/ACCENTI(), S_INTERSECTS(geometry, POINT|LINESTRING|POLYGON|BBOX) and the custom
    // S_DWITHIN(geometry, POINT(lon lat), metres). Geometry literals in CRS84 (longitude latitude).
    std::string cql2;
    // property = value: the value is compared as the property's type (a number for numeric ones).
    std::vector<std::pair<std::string, std::string>> equals;
    // Free text: every word (split at spaces) must occur in one of the readable text properties,
    // compared folded (no diacritics, no case).
    std::string text;
    std::vector<SortKey> sort;
    // In the working CRS: features whose bounds meet the box (through the spatial index).
    std::optional<Box> box;
    // Properties the reader may not see: naming one (in cql2, equals or sort) is refused with
    // access_error; free text does not search them.
    std::vector<std::string> hidden;

    [[nodiscard]] bool empty() const noexcept {
        return cql2.empty() && equals.empty() && text.empty() && sort.empty() && !box;
    }
};

}  // namespace libland
