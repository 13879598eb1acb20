#pragma once
// Conversions between libland's plain value types and Python objects: type translation only.
#include <libland/geometry.hpp>

#include <pybind11/pybind11.h>

#include <optional>
#include <tuple>

namespace libland::python {

namespace py = pybind11;

// Returns the geometry as GeoJSON MultiPolygon coordinates: a list of polygons, each a list of
// rings (exterior first), each a list of (x, y) tuples. An empty geometry gives an empty list.
[[nodiscard]] py::list to_coordinates(const MultiPolygon& geometry);

// Parses coordinates nested as to_coordinates() returns them (any sequences of (x, y) pairs).
// Throws py::value_error when the nesting is not polygons > rings > points.
[[nodiscard]] MultiPolygon from_coordinates(const py::handle& coordinates);

// Returns the geometry as little-endian 2D WKB MULTIPOLYGON bytes (an empty one when empty).
// With one_part_as_polygon a geometry of exactly one polygon is written as a WKB POLYGON, as GDAL
// reads a Polygon layer (frames then hold Polygons, which shapely 1.8 prints without warnings).
[[nodiscard]] py::bytes to_wkb(const MultiPolygon& geometry, bool one_part_as_polygon = false);

// Returns a published layer's geometry as a GeoJSON geometry dict ({"type", "coordinates"} or
// {"type": "GeometryCollection", "geometries"}), positions as [x, y] lists rounded to `decimals`.
[[nodiscard]] py::dict to_geojson(const FeatureGeometry& geometry, int decimals);

// A bounding box as Python passes it: (min_x, min_y, max_x, max_y).
using BoxTuple = std::tuple<double, double, double, double>;
[[nodiscard]] std::optional<Box> to_box(const std::optional<BoxTuple>& box) noexcept;
[[nodiscard]] BoxTuple to_tuple(const Box& box) noexcept;

}  // namespace libland::python
