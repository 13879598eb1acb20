#pragma once
// Parcel geometry as plain values: polygons with holes in a projected CRS (metres).
#include <vector>

namespace libland {

struct Point {
    double x = 0;  // easting (or longitude in a geographic CRS)
    double y = 0;  // northing (or latitude)
    friend bool operator==(const Point&, const Point&) = default;
};

// A closed ring: the last point equals the first. Orientation is not fixed.
using Ring = std::vector<Point>;

// rings[0] is the exterior ring, the rest are holes. A default Polygon is empty.
struct Polygon {
    std::vector<Ring> rings;
};

// A parcel's geometry: one or more polygons. Empty when the source had no usable geometry.
using MultiPolygon = std::vector<Polygon>;

// Any simple-features geometry, as a published layer's feature may have one (sites as points,
// routes as lines, zones as polygons, their multi forms, collections), nested as GeoJSON nests
// its positions.
struct FeatureGeometry {
    enum class Type { point, line_string, polygon, multi_point, multi_line_string, multi_polygon, collection };
    Type type = Type::collection;
    // point: {{{p}}}; multi_point: a part per point, {{{p}}, {{q}}}; line_string: {{line}};
    // multi_line_string: {{line}, {line}}; polygon: {{exterior, holes...}}; multi_polygon: a part
    // per polygon. Empty for a collection.
    std::vector<std::vector<std::vector<Point>>> parts;
    std::vector<FeatureGeometry> members;  // a collection's geometries
};

struct Box {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    [[nodiscard]] bool intersects(const Box& o) const noexcept {
        return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
    }
};

// Returns the planar area (shoelace), exterior minus holes, whatever the ring orientation.
[[nodiscard]] double area(const Polygon& polygon) noexcept;
[[nodiscard]] double area(const MultiPolygon& geometry) noexcept;

// Returns the bounding box. REQUIRES: the geometry is not empty.
[[nodiscard]] Box bounds(const MultiPolygon& geometry) noexcept;

// Returns the number of vertices, closing points included.
[[nodiscard]] std::size_t vertex_count(const MultiPolygon& geometry) noexcept;

}  // namespace libland
