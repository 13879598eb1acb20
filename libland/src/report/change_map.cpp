// ChangeMap: the change map pages.
#include "report/change_map.hpp"

#include "report/change_colours.hpp"
#include "report/wording.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace libland::report {

namespace {

constexpr std::size_t type_count = static_cast<std::size_t>(ChangeType::unchanged) + 1;

std::string sheet_of(const std::string& key) {
    const auto dash = key.rfind('-');
    return dash == std::string::npos ? std::string() : key.substr(0, dash);
}

Box join(const Box& a, const Box& b) {
    return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x), std::max(a.max_y, b.max_y)};
}

void set_colour(cairo_t* cr, Rgb c, double darken = 1) {
    cairo_set_source_rgb(cr, c.r * darken / 255.0, c.g * darken / 255.0, c.b * darken / 255.0);
}

}  // namespace

ChangeMap::ChangeMap(const Snapshot& before, const Snapshot& after, const ChangeSet& changes, Language language,
                     Paper paper)
    : language_(language), paper_(paper), counts_(type_count, 0) {
    std::vector<ChangeType> after_type(after.parcels.size(), ChangeType::unchanged);
    std::vector<const ChangeEvent*> removed;
    for (const ChangeEvent& e : changes.events) {
        ++counts_[static_cast<std::size_t>(e.type)];
        for (std::size_t i : e.after) after_type[i] = e.type;
        if (e.type == ChangeType::removed) removed.push_back(&e);
    }
    bool first = true;
    std::map<std::string, Box> sheet_bounds;
    std::map<std::string, bool> sheet_changed;
    const auto add = [&](const Parcel& p, ChangeType type) {
        if (p.geometry.empty()) return;
        const Box b = bounds(p.geometry);
        shapes_.push_back({&p.geometry, b, type});
        extent_ = first ? b : join(extent_, b);
        first = false;
        const std::string sheet = sheet_of(p.key);
        auto [it, inserted] = sheet_bounds.try_emplace(sheet, b);
        if (!inserted) it->second = join(it->second, b);
        if (type != ChangeType::unchanged) sheet_changed[sheet] = true;
    };
    for (std::size_t i = 0; i < after.parcels.size(); ++i) add(after.parcels[i], after_type[i]);
    for (const ChangeEvent* e : removed) {
        for (std::size_t i : e->before) add(before.parcels[i], ChangeType::removed);
    }
    if (shapes_.size() > sheet_pages_above) {
        for (const auto& [name, changed] : sheet_changed) sheets_.push_back({name, sheet_bounds[name]});
    }
    outline_ = area_outline(after.parcels.empty() ? before : after);
    counts_[static_cast<std::size_t>(ChangeType::unchanged)] = 0;
}

PageSize ChangeMap::page(std::size_t i) const {
    const Box& b = i == 0 ? extent_ : sheets_[i - 1].bounds;
    return page_size(paper_, (b.max_x - b.min_x) > (b.max_y - b.min_y));
}

void ChangeMap::draw_parcels(cairo_t* cr, const MapFrame& frame, bool all) const {
    const double hairline = std::max(0.15, std::min(0.4, 0.05 * frame.points_per_metre * 10));
    cairo_set_line_width(cr, hairline);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    std::vector<std::vector<const Shape*>> by_type(type_count);  // the shapes in the frame
    for (const Shape& s : shapes_) {
        if (s.bounds.intersects(frame.world)) by_type[static_cast<std::size_t>(s.type)].push_back(&s);
    }
    if (all) {  // every unchanged parcel, grey, in one path; an edge shared with a changed parcel
                // is left to the changed one's stroke, drawn over it
        DrawnEdges drawn;
        for (std::size_t t = 0; t + 1 < type_count; ++t) {
            for (const Shape* s : by_type[t]) drawn.add(frame, *s->geometry);
        }
        for (const Shape* s : by_type[static_cast<std::size_t>(ChangeType::unchanged)]) {
            add_strokes(cr, frame, *s->geometry, &drawn);
        }
        cairo_set_source_rgb(cr, 0.62, 0.62, 0.62);
        cairo_stroke(cr);
    }
    for (std::size_t t = 0; t + 1 < type_count; ++t) {  // changed parcels, one path per type
        if (by_type[t].empty()) continue;
        for (const Shape* s : by_type[t]) add_path(cr, frame, *s->geometry);
        const Rgb colour = change_colour(static_cast<ChangeType>(t));
        set_colour(cr, colour);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_fill_preserve(cr);
        set_colour(cr, colour, 0.55);
        cairo_stroke(cr);
    }
}

void ChangeMap::draw_legend(PdfDocument& doc, double x, double y, double width) const {
    cairo_t* cr = doc.cr();
    const double column = 150;
    const int per_row = std::max(1, static_cast<int>(width / column));
    int k = 0;
    const auto entry = [&](const std::string& text, auto&& swatch) {
        const double ex = x + (k % per_row) * column, ey = y + (k / per_row) * 13;
        swatch(ex, ey);
        doc.text(ex + 16, ey - 1, text, TextStyle{7.5});
        ++k;
    };
    for (std::size_t t = 0; t + 1 < type_count; ++t) {
        if (counts_[t] == 0) continue;
        const auto type = static_cast<ChangeType>(t);
        entry(change_type_name(to_string(type), language_) + " (" + std::to_string(counts_[t]) + ")",
              [&](double ex, double ey) {
                  cairo_rectangle(cr, ex, ey, 12, 8);
                  set_colour(cr, change_colour(type));
                  cairo_fill_preserve(cr);
                  set_colour(cr, change_colour(type), 0.55);
                  cairo_set_line_width(cr, 0.4);
                  cairo_stroke(cr);
              });
    }
    entry(label("map.parcel", language_), [&](double ex, double ey) {
        cairo_rectangle(cr, ex, ey, 12, 8);
        cairo_set_source_rgb(cr, 0.62, 0.62, 0.62);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
    });
    entry(label("map.boundary", language_), [&](double ex, double ey) {
        cairo_move_to(cr, ex, ey + 4);
        cairo_line_to(cr, ex + 12, ey + 4);
        cairo_set_source_rgb(cr, 0.5, 0.1, 0.1);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    });
}

MapFrame ChangeMap::draw(PdfDocument& doc, std::size_t i) const {
    cairo_t* cr = doc.cr();
    const PageSize size = doc.size();
    const double margin = 40;
    const std::string title = label("map.title", language_) + " - " +
                              (i == 0 ? label("map.overview", language_) : [&] {
                                  char text[128];
                                  std::snprintf(text, sizeof text, label("map.sheet", language_).c_str(),
                                                sheets_[i - 1].name.c_str());
                                  return std::string(text);
                              }());
    doc.text(size.width / 2, margin - 14, title, TextStyle{12, true, -1, Align::center});
    const double legend_height = 62;
    const MapFrame frame = fit_frame(i == 0 ? extent_ : sheets_[i - 1].bounds, margin, margin + 12,
                                     size.width - 2 * margin, size.height - 2 * margin - 12 - legend_height);

    draw_grid(doc, frame);  // under the parcels
    cairo_save(cr);
    cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height);
    cairo_clip(cr);
    if (i == 0 && shapes_.size() > raster_above) {  // a very large overview: an image
        const double k = 200.0 / 72;
        std::unique_ptr<cairo_surface_t, CairoDeleter> image(cairo_image_surface_create(
            CAIRO_FORMAT_RGB24, static_cast<int>(frame.width * k), static_cast<int>(frame.height * k)));
        std::unique_ptr<cairo_t, CairoDeleter> icr(cairo_create(image.get()));
        cairo_set_source_rgb(icr.get(), 1, 1, 1);
        cairo_paint(icr.get());
        cairo_scale(icr.get(), k, k);
        cairo_translate(icr.get(), -frame.x, -frame.y);
        draw_parcels(icr.get(), frame, true);
        cairo_surface_flush(image.get());
        cairo_translate(cr, frame.x, frame.y);
        cairo_scale(cr, 1 / k, 1 / k);
        cairo_set_source_surface(cr, image.get(), 0, 0);
        cairo_paint(cr);
    } else {
        draw_parcels(cr, frame, true);
    }
    cairo_restore(cr);
    cairo_save(cr);
    cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height);
    cairo_clip(cr);
    add_strokes(cr, frame, outline_);
    cairo_set_source_rgb(cr, 0.5, 0.1, 0.1);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_restore(cr);

    draw_north_arrow(doc, frame.x + frame.width - 18, frame.y + 8);
    const double below = frame.y + frame.height + 16;
    draw_scale_bar(doc, frame, frame.x, below, language_);
    draw_legend(doc, frame.x, below + 16, frame.width);
    return frame;
}

}  // namespace libland::report
