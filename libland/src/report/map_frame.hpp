#pragma once
// A map drawn in a frame of a page: the world box (VN-2000 metres) fitted at one scale, the grid
// coordinates at the margin, the scale bar and the north arrow.
#include "report/pdf_document.hpp"

#include <libland/geometry.hpp>

#include <array>
#include <cstddef>
#include <unordered_set>

namespace libland::report {

struct MapFrame {
    double x = 0, y = 0, width = 0, height = 0;  // the frame on the page, points
    Box world;                                   // the world box shown (fills the frame)
    double points_per_metre = 1;

    // Returns the page position of a world point (y grows down the page).
    [[nodiscard]] double page_x(double easting) const noexcept { return x + (easting - world.min_x) * points_per_metre; }
    [[nodiscard]] double page_y(double northing) const noexcept { return y + (world.max_y - northing) * points_per_metre; }
    // Returns the scale's denominator (1:N) on paper.
    [[nodiscard]] double scale_denominator() const noexcept;
};

// Fits the box (with a small margin) in the frame at one scale for both axes, centred.
[[nodiscard]] MapFrame fit_frame(const Box& box, double x, double y, double width, double height);

// Appends the polygon's rings to cairo's current path.
void add_path(cairo_t* cr, const MapFrame& frame, const MultiPolygon& geometry);

// The edges already stroked on a page, by their two end points in either order: an edge two
// parcels share is drawn once (half the vectors of a map page of a coverage).
class DrawnEdges {
public:
    // Returns true the first time the edge (a, b) or (b, a) is offered.
    bool first(const Point& a, const Point& b);
    // Counts every edge of the rings, as add_strokes sees them, as drawn (by strokes drawn later,
    // over the page's others).
    void add(const MapFrame& frame, const MultiPolygon& geometry);

private:
    struct Hash {
        std::size_t operator()(const std::array<double, 4>& e) const noexcept;
    };
    std::unordered_set<std::array<double, 4>, Hash> edges_;
};

// Appends to cairo's current path, for stroking only, the rings' edges between their corners
// (vertices on a straight line, within a hundredth of a point on paper, are left out) that can
// show in the frame (their box meets the frame's world box widened by a few points) and, with
// `drawn`, that were not stroked before on the page. A ring whose edges all show is closed as
// add_path closes it; the others become open runs of consecutive edges.
void add_strokes(cairo_t* cr, const MapFrame& frame, const MultiPolygon& geometry, DrawnEdges* drawn = nullptr);

// Draws the frame border, a light grid and the grid coordinates (metres, no thousands
// separator) at the margin.
void draw_grid(PdfDocument& doc, const MapFrame& frame);
// Draws a scale bar with its length in metres and the 1:N scale, left-aligned at (x, y).
void draw_scale_bar(PdfDocument& doc, const MapFrame& frame, double x, double y, Language language);
// Draws a north arrow whose tip is at (x, y).
void draw_north_arrow(PdfDocument& doc, double x, double y);

}  // namespace libland::report
