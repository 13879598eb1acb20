#include "convert.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace libland::python {

namespace {

py::list ring_coordinates(const Ring& ring) {
    py::list points(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        points[i] = py::make_tuple(ring[i].x, ring[i].y);
    }
    return points;
}

Ring ring_from(const py::handle& points) {
    Ring ring;
    for (const auto& point : points) {
        const auto xy = py::reinterpret_borrow<py::sequence>(point);
        if (xy.size() < 2) throw py::value_error("a coordinate needs at least x and y");
        ring.push_back({xy[0].cast<double>(), xy[1].cast<double>()});
    }
    return ring;
}

// Appends the bytes of a value in the machine's (little-endian) order.
template <typename T>
void append(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void append_header(std::string& out, std::uint32_t wkb_type, std::size_t count) {
    out.push_back(1);  // little-endian
    append(out, wkb_type);
    append(out, static_cast<std::uint32_t>(count));
}

}  // namespace

py::list to_coordinates(const MultiPolygon& geometry) {
    py::list polygons(geometry.size());
    for (std::size_t p = 0; p < geometry.size(); ++p) {
        const auto& rings = geometry[p].rings;
        py::list polygon(rings.size());
        for (std::size_t r = 0; r < rings.size(); ++r) polygon[r] = ring_coordinates(rings[r]);
        polygons[p] = std::move(polygon);
    }
    return polygons;
}

py::dict to_geojson(const FeatureGeometry& geometry, int decimals) {
    using Type = FeatureGeometry::Type;
    static const char* const names[] = {"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
                                        "MultiPolygon", "GeometryCollection"};
    py::dict out;
    out["type"] = names[static_cast<int>(geometry.type)];
    if (geometry.type == Type::collection) {
        py::list members;
        for (const FeatureGeometry& m : geometry.members) members.append(to_geojson(m, decimals));
        out["geometries"] = members;
        return out;
    }
    const double scale = std::pow(10.0, decimals);
    const auto position = [scale](Point p) {
        py::list xy;
        xy.append(std::round(p.x * scale) / scale);
        xy.append(std::round(p.y * scale) / scale);
        return xy;
    };
    const auto path = [&](const std::vector<Point>& points) {
        py::list out_path;
        for (Point p : points) out_path.append(position(p));
        return out_path;
    };
    const auto part = [&](const std::vector<std::vector<Point>>& paths) {
        py::list out_part;
        for (const auto& one : paths) out_part.append(path(one));
        return out_part;
    };
    const auto first_path = [&](const std::vector<std::vector<Point>>& paths) {
        return paths.empty() ? py::list() : path(paths[0]);
    };
    py::list coordinates;
    switch (geometry.type) {
        case Type::point:
            if (!geometry.parts.empty() && !geometry.parts[0].empty() && !geometry.parts[0][0].empty()) {
                coordinates = position(geometry.parts[0][0][0]);
            }
            break;
        case Type::line_string:
            if (!geometry.parts.empty()) coordinates = first_path(geometry.parts[0]);
            break;
        case Type::polygon:
            if (!geometry.parts.empty()) coordinates = part(geometry.parts[0]);
            break;
        case Type::multi_point:
            for (const auto& p : geometry.parts) {
                if (!p.empty() && !p[0].empty()) coordinates.append(position(p[0][0]));
            }
            break;
        case Type::multi_line_string:
            for (const auto& p : geometry.parts) coordinates.append(first_path(p));
            break;
        default:
            for (const auto& p : geometry.parts) coordinates.append(part(p));
            break;
    }
    out["coordinates"] = coordinates;
    return out;
}

MultiPolygon from_coordinates(const py::handle& coordinates) {
    if (!py::isinstance<py::sequence>(coordinates)) {
        throw py::value_error("polygon coordinates must be a sequence of polygons");
    }
    MultiPolygon geometry;
    for (const auto& polygon : coordinates) {
        Polygon parsed;
        for (const auto& ring : polygon) parsed.rings.push_back(ring_from(ring));
        geometry.push_back(std::move(parsed));
    }
    return geometry;
}

py::bytes to_wkb(const MultiPolygon& geometry, bool one_part_as_polygon) {
    static_assert(std::endian::native == std::endian::little, "WKB is written little-endian");
    constexpr std::uint32_t wkb_polygon = 3;
    constexpr std::uint32_t wkb_multipolygon = 6;
    std::string out;
    const bool single = one_part_as_polygon && geometry.size() == 1;
    if (!single) append_header(out, wkb_multipolygon, geometry.size());
    for (const auto& polygon : geometry) {
        append_header(out, wkb_polygon, polygon.rings.size());
        for (const auto& ring : polygon.rings) {
            append(out, static_cast<std::uint32_t>(ring.size()));
            for (const auto& point : ring) {
                append(out, point.x);
                append(out, point.y);
            }
        }
    }
    return py::bytes(out);
}

std::optional<Box> to_box(const std::optional<BoxTuple>& box) noexcept {
    if (!box) return std::nullopt;
    const auto& [min_x, min_y, max_x, max_y] = *box;
    return Box{min_x, min_y, max_x, max_y};
}

BoxTuple to_tuple(const Box& box) noexcept { return {box.min_x, box.min_y, box.max_x, box.max_y}; }

}  // namespace libland::python
