// MapFrame and the map's furniture: grid, scale bar, north arrow.
#include "report/map_frame.hpp"

#include "report/wording.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace libland::report {

namespace {

constexpr double metres_per_point = 0.0254 / 72;

// Returns the largest "nice" step (1, 2, 5 x 10^k) not above `at_most`.
double nice_step(double at_most) {
    const double power = std::pow(10.0, std::floor(std::log10(std::max(at_most, 1e-9))));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * power <= at_most) return m * power;
    }
    return power;
}

}  // namespace

double MapFrame::scale_denominator() const noexcept { return 1.0 / (points_per_metre * metres_per_point); }

MapFrame fit_frame(const Box& box, double x, double y, double width, double height) {
    const double margin = 0.03 * std::max(box.max_x - box.min_x, box.max_y - box.min_y) + 1;
    const Box padded{box.min_x - margin, box.min_y - margin, box.max_x + margin, box.max_y + margin};
    MapFrame f{x, y, width, height, padded, 1};
    f.points_per_metre = std::min(width / (padded.max_x - padded.min_x), height / (padded.max_y - padded.min_y));
    // Centre: widen the world box on the axis that has room left.
    const double world_w = width / f.points_per_metre, world_h = height / f.points_per_metre;
    const double cx = (padded.min_x + padded.max_x) / 2, cy = (padded.min_y + padded.max_y) / 2;
    f.world = {cx - world_w / 2, cy - world_h / 2, cx + world_w / 2, cy + world_h / 2};
    return f;
}

void add_path(cairo_t* cr, const MapFrame& frame, const MultiPolygon& geometry) {
    for (const Polygon& polygon : geometry) {
        for (const Ring& ring : polygon.rings) {
            if (ring.empty()) continue;
            cairo_move_to(cr, frame.page_x(ring[0].x), frame.page_y(ring[0].y));
            for (std::size_t i = 1; i < ring.size(); ++i) cairo_line_to(cr, frame.page_x(ring[i].x), frame.page_y(ring[i].y));
            cairo_close_path(cr);
        }
    }
}

bool DrawnEdges::first(const Point& a, const Point& b) {
    const bool forward = a.x < b.x || (a.x == b.x && a.y <= b.y);
    const std::array<double, 4> key = forward ? std::array<double, 4>{a.x, a.y, b.x, b.y}
                                              : std::array<double, 4>{b.x, b.y, a.x, a.y};
    return edges_.insert(key).second;
}

std::size_t DrawnEdges::Hash::operator()(const std::array<double, 4>& e) const noexcept {
    std::size_t h = 0;
    for (double v : e) h = (h ^ std::hash<double>{}(v)) * 0x100000001b3ULL;
    return h;
}

namespace {

// Keeps the ring's corners: drops each vertex that lies within `tolerance` of the line from the
// last kept vertex to the next one (a neighbour's corner on a straight edge, a surveyed point on
// a straight boundary). Drawn at a tolerance below what paper shows, the outline is unchanged,
// and two parcels then share their edges end for end.
void keep_corners(const Ring& ring, double tolerance, std::vector<Point>& out) {
    out.clear();
    const bool closed = ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y;
    const std::size_t n = closed ? ring.size() - 1 : ring.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (out.empty()) {
            out.push_back(ring[i]);
            continue;
        }
        const Point& a = out.back();
        const Point& p = ring[i];
        const Point& b = ring[(i + 1) % n];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double length = std::hypot(dx, dy);
        const double off = length > 0 ? std::fabs(dx * (p.y - a.y) - dy * (p.x - a.x)) / length : std::hypot(p.x - a.x, p.y - a.y);
        if (off > tolerance) out.push_back(p);
    }
}

// Below this distance on paper a vertex on a straight line is no corner.
double corner_tolerance(const MapFrame& frame) { return 0.02 / frame.points_per_metre; }  // 7 micrometres

}  // namespace

void DrawnEdges::add(const MapFrame& frame, const MultiPolygon& geometry) {
    std::vector<Point> corners;
    for (const Polygon& polygon : geometry) {
        for (const Ring& ring : polygon.rings) {
            keep_corners(ring, corner_tolerance(frame), corners);
            for (std::size_t i = 0; i < corners.size(); ++i) first(corners[i], corners[(i + 1) % corners.size()]);
        }
    }
}

void add_strokes(cairo_t* cr, const MapFrame& frame, const MultiPolygon& geometry, DrawnEdges* drawn) {
    const double reach = 5 / frame.points_per_metre;  // a stroke's width and cap, in metres
    const double tolerance = corner_tolerance(frame);
    const Box near{frame.world.min_x - reach, frame.world.min_y - reach, frame.world.max_x + reach,
                   frame.world.max_y + reach};
    const auto shows = [&](const Point& a, const Point& b) {
        return std::max(a.x, b.x) >= near.min_x && std::min(a.x, b.x) <= near.max_x &&
               std::max(a.y, b.y) >= near.min_y && std::min(a.y, b.y) <= near.max_y;
    };
    std::vector<Point> corners;
    std::vector<bool> stroke;
    for (const Polygon& polygon : geometry) {
        for (const Ring& ring : polygon.rings) {
            keep_corners(ring, tolerance, corners);
            const std::size_t n = corners.size();  // edge i runs from corner i to the next, cyclically
            if (n < 2) continue;
            const auto end = [&](std::size_t i) -> const Point& { return corners[(i + 1) % n]; };
            stroke.assign(n, false);
            bool all = true;
            for (std::size_t i = 0; i < n; ++i) {
                stroke[i] = shows(corners[i], end(i)) && (drawn == nullptr || drawn->first(corners[i], end(i)));
                all = all && stroke[i];
            }
            if (all) {
                cairo_move_to(cr, frame.page_x(corners[0].x), frame.page_y(corners[0].y));
                for (std::size_t i = 1; i < n; ++i) cairo_line_to(cr, frame.page_x(corners[i].x), frame.page_y(corners[i].y));
                cairo_close_path(cr);
                continue;
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (!stroke[i]) continue;
                if (i == 0 || !stroke[i - 1]) cairo_move_to(cr, frame.page_x(corners[i].x), frame.page_y(corners[i].y));
                cairo_line_to(cr, frame.page_x(end(i).x), frame.page_y(end(i).y));
            }
        }
    }
}

void draw_grid(PdfDocument& doc, const MapFrame& frame) {
    cairo_t* cr = doc.cr();
    const double step = nice_step((frame.world.max_x - frame.world.min_x) / 4);
    const TextStyle small{6, false, -1, Align::center};
    cairo_save(cr);
    cairo_set_line_width(cr, 0.3);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.75);
    for (double e = std::ceil(frame.world.min_x / step) * step; e <= frame.world.max_x; e += step) {
        const double px = frame.page_x(e);
        cairo_move_to(cr, px, frame.y);
        cairo_line_to(cr, px, frame.y + frame.height);
        cairo_stroke(cr);
        doc.text(px, frame.y + frame.height + 2, fixed(e, 0), small);
        doc.text(px, frame.y - 9, fixed(e, 0), small);
    }
    for (double n = std::ceil(frame.world.min_y / step) * step; n <= frame.world.max_y; n += step) {
        const double py = frame.page_y(n);
        cairo_move_to(cr, frame.x, py);
        cairo_line_to(cr, frame.x + frame.width, py);
        cairo_stroke(cr);
        doc.text(frame.x - 2, py - 4, fixed(n, 0), TextStyle{6, false, -1, Align::right});
        doc.text(frame.x + frame.width + 2, py - 4, fixed(n, 0), TextStyle{6, false, -1, Align::left});
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void draw_scale_bar(PdfDocument& doc, const MapFrame& frame, double x, double y, Language language) {
    cairo_t* cr = doc.cr();
    const double metres = nice_step(frame.width / 4 / frame.points_per_metre);
    const double length = metres * frame.points_per_metre;
    cairo_save(cr);
    cairo_set_line_width(cr, 0.5);
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + i * length / 4, y, length / 4, 4);
        if (i % 2 == 0) {
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_fill_preserve(cr);
        } else {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    const TextStyle small{7, false, -1, Align::center};
    doc.text(x, y + 5, "0", small);
    doc.text(x + length, y + 5, fixed(metres, 0) + " m", small);
    char scale[64];
    const double n = frame.scale_denominator();
    std::snprintf(scale, sizeof scale, label("extract.scale", language).c_str(), static_cast<int>(std::lround(n)));
    doc.text(x + length + 14, y - 2, scale, TextStyle{7, false, -1, Align::left});
}

void draw_north_arrow(PdfDocument& doc, double x, double y) {
    cairo_t* cr = doc.cr();
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, x, y + 10);
    cairo_line_to(cr, x - 6, y + 30);
    cairo_line_to(cr, x, y + 25);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_move_to(cr, x, y + 10);
    cairo_line_to(cr, x + 6, y + 30);
    cairo_line_to(cr, x, y + 25);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_restore(cr);
    doc.text(x, y - 2, "N", TextStyle{9, true, -1, Align::center});
}

}  // namespace libland::report
