#pragma once
// The syntax tree of a CQL2-text filter (OGC API - Features Part 3, the subset libland reads).
// Private.
#include <memory>
#include <string>
#include <vector>

namespace libland::query {

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
    enum class Kind {
        all_of,      // AND of children
        any_of,      // OR of children
        negation,    // NOT child
        comparison,  // children[0] op children[1]; op one of = <> < <= > >=
        like,        // children[0] LIKE children[1] (a text pattern with % and _)
        in_list,     // children[0] IN (children[1..])
        between,     // children[0] BETWEEN children[1] AND children[2]
        is_null,     // children[0] IS NULL
        intersects,  // S_INTERSECTS(children[0] property, children[1] geometry)
        within_distance,  // S_DWITHIN(children[0] property, children[1] point, number metres)
        property,    // text: the name
        text,        // text: the value
        number,      // number
        boolean,     // number: 1 true, 0 false
        fold,        // CASEI (op "casei") or ACCENTI (op "accenti") of children[0]
        geometry,    // text: WKT in CRS84 (longitude latitude), rebuilt from the parsed numbers
    };

    Kind kind = Kind::all_of;
    std::string op;
    std::string text;
    double number = 0;
    std::vector<NodePtr> children;
};

// Parses CQL2 text. Throws usage_error naming what was expected and the character position.
[[nodiscard]] NodePtr parse_cql2(const std::string& text);

// Returns the names of the properties the tree names, in order of appearance (repeats kept).
[[nodiscard]] std::vector<std::string> properties_named(const Node& node);

}  // namespace libland::query
