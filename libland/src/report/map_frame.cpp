// MapFrame and the map's furniture: grid, scale bar, north arrow.
#include "report/map_frame.hpp"

#include "report/wording.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
