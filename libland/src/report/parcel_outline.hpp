#pragma once
// The outline of a parcel as an extract numbers it: the rings' vertices without the closing point,
// each exterior ring clockwise from its north-west vertex, the edges' lengths.
#include <libland/geometry.hpp>

#include <vector>

namespace libland::report {

struct OutlineVertex {
    int number = 0;        // 1, 2, ... across all rings of the parcel
    Point point;
    double edge_m = 0;     // length of the edge to the next vertex of the same ring
    std::size_t ring = 0;  // the ring's index in outline order
};

// REQUIRES: geometry's rings are closed (last point equals the first).
[[nodiscard]] std::vector<OutlineVertex> outline_vertices(const MultiPolygon& geometry);

}  // namespace libland::report
