// write_parcel_extract(): the cadastral extract of one parcel on one A4 page.
#include "detail/geos.hpp"
#include "detail/output_file.hpp"
#include "report/map_frame.hpp"
#include "report/parcel_outline.hpp"
#include "report/pdf_document.hpp"
#include "report/wording.hpp"

#include <libland/error.hpp>
#include <libland/land_use.hpp>
#include <libland/report.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace libland {

namespace {

using report::Align;
using report::PdfDocument;
using report::TextStyle;

constexpr double margin = 40;
constexpr double metres_per_point = 0.0254 / 72;

// The smallest usual cadastral scale at which the box fits in width x height points.
report::MapFrame extract_frame(const Box& parcel, double x, double y, double width, double height) {
    const double need = std::max((parcel.max_x - parcel.min_x) / width, (parcel.max_y - parcel.min_y) / height) * 1.15;
    double denominator = 100;
    for (double d : {100.0, 200.0, 500.0, 1000.0, 2000.0, 2500.0, 5000.0, 10000.0, 25000.0, 50000.0}) {
        denominator = d;
        if (d * metres_per_point >= need) break;
    }
    report::MapFrame f{x, y, width, height, {}, 1 / (denominator * metres_per_point)};
    const double cx = (parcel.min_x + parcel.max_x) / 2, cy = (parcel.min_y + parcel.max_y) / 2;
    const double w = width / f.points_per_metre, h = height / f.points_per_metre;
    f.world = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
    return f;
}

// A point inside the geometry to put its label at.
Point label_point(detail::GeosContext& ctx, const MultiPolygon& geometry) {
    const detail::GeomPtr g = detail::to_geos(ctx, geometry);
    GEOSGeometry* p = GEOSPointOnSurface_r(ctx.handle(), g.get());
    if (p == nullptr) return {bounds(geometry).min_x, bounds(geometry).min_y};
    const detail::GeomPtr point(p, detail::GeomDeleter{ctx.handle()});
    double x = 0, y = 0;
    GEOSGeomGetX_r(ctx.handle(), point.get(), &x);
    GEOSGeomGetY_r(ctx.handle(), point.get(), &y);
    return {x, y};
}

std::string parcel_number(const std::string& key) { return key.substr(key.rfind('-') + 1); }

void draw_map(PdfDocument& doc, const report::MapFrame& frame, const Parcel& parcel, const Snapshot& around,
              const std::vector<report::OutlineVertex>& vertices) {
    cairo_t* cr = doc.cr();
    detail::GeosContext ctx;
    report::draw_grid(doc, frame);  // under the parcels
    cairo_save(cr);
    cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height);
    cairo_clip(cr);
    cairo_set_line_width(cr, 0.4);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    for (const Parcel& p : around.parcels) {
        if (p.key == parcel.key || p.geometry.empty()) continue;
        report::add_path(cr, frame, p.geometry);
        cairo_stroke(cr);
        const Point at = label_point(ctx, p.geometry);
        TextStyle grey{6.5, false, -1, Align::center};
        grey.red = grey.green = grey.blue = 0.35;
        doc.text(frame.page_x(at.x), frame.page_y(at.y) - 4, parcel_number(p.key), grey);
        cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    }
    report::add_path(cr, frame, parcel.geometry);
    cairo_set_source_rgb(cr, 1.0, 0.96, 0.80);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.75, 0, 0);
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const Point at = label_point(ctx, parcel.geometry);
    doc.text(frame.page_x(at.x), frame.page_y(at.y) - 6, parcel_number(parcel.key), TextStyle{10, true, -1, Align::center});
    // Edge lengths along the edges, vertex numbers at the vertices.
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        const report::OutlineVertex& v = vertices[i];
        const auto next_index = (i + 1 < vertices.size() && vertices[i + 1].ring == v.ring)
                                    ? i + 1
                                    : static_cast<std::size_t>(std::find_if(vertices.begin(), vertices.end(), [&](const auto& w) {
                                          return w.ring == v.ring;
                                      }) - vertices.begin());
        const Point& b = vertices[next_index].point;
        const double ax = frame.page_x(v.point.x), ay = frame.page_y(v.point.y);
        const double bx = frame.page_x(b.x), by = frame.page_y(b.y);
        double angle = std::atan2(by - ay, bx - ax);
        if (angle > M_PI / 2 || angle < -M_PI / 2) angle += M_PI;  // text never upside down
        cairo_save(cr);
        cairo_translate(cr, (ax + bx) / 2, (ay + by) / 2);
        cairo_rotate(cr, angle);
        TextStyle blue{6.5, false, -1, Align::center};
        blue.blue = 0.55;
        doc.text(0, -10, report::fixed(v.edge_m, 2), blue);
        cairo_restore(cr);
        cairo_arc(cr, ax, ay, 1.6, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 0.75, 0, 0);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        doc.text(ax + 3, ay - 10, std::to_string(v.number), TextStyle{7, true});
    }
    cairo_restore(cr);
}

double draw_vertex_table(PdfDocument& doc, const std::vector<report::OutlineVertex>& vertices, double x, double y,
                         double width, Language lang) {
    doc.text(x, y, report::label("extract.vertices", lang), TextStyle{8, true});
    y += 12;
    const std::size_t per_column = 28;
    const std::size_t columns = (vertices.size() + per_column - 1) / per_column;
    const double column_width = width / static_cast<double>(std::max<std::size_t>(columns, 1));
    const double w = std::min(column_width / 4, 62.0);
    const TextStyle head{6.5, true, w - 2, Align::right};
    const TextStyle cell{6.5, false, w - 2, Align::right};
    double bottom = y;
    for (std::size_t c = 0; c < std::max<std::size_t>(columns, 1); ++c) {
        const double cx = x + static_cast<double>(c) * column_width;
        double cy = y;
        doc.text(cx, cy, report::label("extract.vertex", lang), TextStyle{6.5, true, w - 2, Align::left});
        doc.text(cx + w, cy, "X (m)", head);
        doc.text(cx + 2 * w, cy, "Y (m)", head);
        doc.text(cx + 3 * w, cy, report::label("extract.edge", lang), head);
        cy += 10;
        for (std::size_t i = c * per_column; i < std::min(vertices.size(), (c + 1) * per_column); ++i) {
            const report::OutlineVertex& v = vertices[i];
            doc.text(cx, cy, std::to_string(v.number), TextStyle{6.5, false, w - 2, Align::left});
            doc.text(cx + w, cy, report::fixed(v.point.y, 3), cell);  // X: northing
            doc.text(cx + 2 * w, cy, report::fixed(v.point.x, 3), cell);  // Y: easting
            doc.text(cx + 3 * w, cy, report::fixed(v.edge_m, 2), cell);
            cy += 9;
        }
        bottom = std::max(bottom, cy);
    }
    doc.text(x, bottom + 2,
             lang == Language::vi ? "X: tọa độ bắc (northing), Y: tọa độ đông (easting), mét; cạnh: từ điểm đến điểm kế tiếp."
                                  : "X: northing, Y: easting, metres; edge: from the point to the next one.",
             TextStyle{6});
    return bottom + 12;
}

}  // namespace

void write_parcel_extract(Store& store, const std::string& parcel, const std::string& date_asked,
                          const ExtractOptions& options, const std::string& path) {
    const Language lang = options.language;
    const std::string today = options.report_date.empty() ? report::today_in_vietnam() : options.report_date;
    const std::string date = date_asked.empty() ? today : date_asked;
    const ParcelPage page = store.parcel_at(parcel, date);
    if (page.snapshot.parcels.empty()) throw usage_error("parcel " + parcel + ": no such parcel on " + date);
    const Parcel& p = page.snapshot.parcels.front();
    if (p.geometry.empty()) throw input_error("parcel " + parcel + ": no geometry on " + date);
    const Box b = bounds(p.geometry);
    const double pad = std::max(b.max_x - b.min_x, b.max_y - b.min_y) * 0.6 + 10;
    const Snapshot around = store.as_of(date, Box{b.min_x - pad, b.min_y - pad, b.max_x + pad, b.max_y + pad});
    const auto vertices = report::outline_vertices(p.geometry);
    const auto history = store.history(std::to_string(page.versions.front().uid));

    detail::OutputFile file(path);
    {
        PdfDocument doc(file.temp_path(), report::page_size(Paper::a4, false));
        doc.set_title(report::label("extract.title", lang) + " " + p.key);
        const double width = doc.size().width - 2 * margin;
        doc.text(margin, margin - 18, report::label("province", lang) + " " + options.province, TextStyle{8});
        doc.text(doc.size().width / 2, margin - 4, report::label("extract.title", lang), TextStyle{14, true, -1, Align::center});
        const std::string sheet = p.key.substr(0, p.key.rfind('-'));
        const auto use = find_land_use(p.use);
        const std::string use_text =
            p.use + (use ? " - " + std::string(lang == Language::vi ? use->name_vi : use->name) : "");
        double y = margin + 18;
        const std::pair<std::string, std::string> facts[] = {
            {report::label("extract.key", lang), p.key},
            {report::label("extract.sheet", lang), parcel_number(sheet)},
            {report::label("extract.area", lang), report::fixed(area(p.geometry), 1) + " m²"},
            {report::label("extract.use", lang), use_text},
            {report::label("extract.as_of", lang), date},
        };
        for (const auto& [name, value] : facts) {
            doc.text(margin, y, name + ":", TextStyle{8, true});
            doc.text(margin + 90, y, value, TextStyle{8, false, width / 2 - 90});
            y += 11;
        }
        // Attributes beside the facts.
        double ay = margin + 18;
        doc.text(margin + width / 2 + 10, ay, report::label("extract.attributes", lang), TextStyle{8, true});
        ay += 11;
        for (std::size_t i = 0; i < page.snapshot.fields.size() && i < p.attributes.size(); ++i) {
            const std::string& name = page.snapshot.fields[i].name;
            if (std::find(options.hidden_fields.begin(), options.hidden_fields.end(), name) != options.hidden_fields.end()) continue;
            doc.text(margin + width / 2 + 10, ay, name + ":", TextStyle{7.5, true});
            ay += doc.text(margin + width / 2 + 80, ay, to_string(p.attributes[i]), TextStyle{7.5, false, width / 2 - 90}) + 1;
        }
        y = std::max(y, ay) + 6;
        const double map_height = 330;
        const report::MapFrame frame = extract_frame(b, margin, y + 10, width, map_height);
        draw_map(doc, frame, p, around, vertices);
        report::draw_north_arrow(doc, frame.x + frame.width - 16, frame.y + 6);
        y = frame.y + frame.height + 14;
        report::draw_scale_bar(doc, frame, frame.x, y, lang);
        y += 22;
        y = draw_vertex_table(doc, vertices, margin, y, width * 0.62, lang);
        // History beside the vertex table.
        double hy = frame.y + frame.height + 36;
        const double hx = margin + width * 0.64;
        doc.text(hx, hy, report::label("extract.history", lang), TextStyle{8, true});
        hy += 12;
        if (history) {
            for (const ParcelEvent& e : history->events) {
                const std::string line = e.date + "  " + report::change_type_name(e.type, lang) +
                                         (e.document.empty() ? "" : "  (" + e.document + ")");
                hy += doc.text(hx, hy, line, TextStyle{6.5, false, width * 0.36}) + 2;
                if (hy > doc.size().height - margin - 20) break;
            }
        }
        doc.text(doc.size().width - margin, doc.size().height - 30,
                 report::label("report_date", lang) + ": " + today, TextStyle{7, false, -1, Align::right});
        static_cast<void>(y);
        doc.finish(path);
    }
    file.commit();
}

}  // namespace libland
