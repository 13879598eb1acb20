#pragma once
// The tables of a land database as `land copy` moves them between backends: every table of
// docs/store-schema.md but meta (whose settings the target is created with), in an order that
// keeps references valid, each column with its type. Private.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace libland::store {

struct CopyColumn {
    const char* name;
    char type;  // 'i' integer, 'r' real, 't' text, 'g' geometry (WKB in the working CRS)
};

struct CopyTable {
    const char* name;
    std::vector<CopyColumn> columns;
    bool optional = false;  // SpatiaLite databases make it on first use: missing means empty
};

// The bytes of a geometry (WKB).
struct Wkb {
    std::string bytes;
    friend bool operator==(const Wkb&, const Wkb&) = default;
};

// One value: NULL, integer, real, text or geometry.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string, Wkb>;
using Row = std::vector<Cell>;

// The tables in copying order (referenced tables first).
[[nodiscard]] const std::vector<CopyTable>& copy_tables();

// Returns "c1, c2, ..." of the table, geometry columns read through `wkb_function` (AsBinary,
// ST_AsBinary).
[[nodiscard]] std::string select_list(const CopyTable& table, const std::string& wkb_function);

// Returns "ORDER BY 1, 2, ..." over the table's columns that are not geometry.
[[nodiscard]] std::string copy_order(const CopyTable& table);

}  // namespace libland::store
