// ChangeTablePages: the land-use change table drawn with cairo.
#include "report/change_table_pages.hpp"

#include "report/wording.hpp"

#include <algorithm>

namespace libland::report {

namespace {

constexpr double margin = 30;
constexpr double code_width = 26;
constexpr double name_width = 150;
constexpr double number_width = 36;
constexpr double row_height = 11;
constexpr double header_height = 30;
constexpr double font = 6.5;

std::vector<std::pair<std::size_t, std::size_t>> chunks(std::size_t count, std::size_t per_chunk) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t b = 0; b < count || out.empty(); b += per_chunk) out.emplace_back(b, std::min(count, b + per_chunk));
    return out;
}

}  // namespace

ChangeTablePages::ChangeTablePages(const LandUseTable& table, Language language, Paper paper)
    : table_(table), language_(language), size_(page_size(paper, true)) {
    // Columns: the leading "start" column, the use columns, and "decrease" (on the last chunk).
    const double room = size_.width - 2 * margin - code_width - name_width - 2 * number_width;
    const auto per_page = std::max<std::size_t>(1, static_cast<std::size_t>(room / number_width));
    for (auto [b, e] : chunks(table.columns.size(), per_page)) column_chunks_.push_back({b, e});
    // Rows: the use rows, then "increase" and "end" (on the last chunk).
    const double height = size_.height - 2 * margin - 40 - header_height - 2 * row_height - 20;
    const auto rows_per_page = std::max<std::size_t>(1, static_cast<std::size_t>(height / row_height));
    for (auto [b, e] : chunks(table.rows.size(), rows_per_page)) row_chunks_.push_back({b, e});
}

void ChangeTablePages::draw(PdfDocument& doc, std::size_t i) const {
    cairo_t* cr = doc.cr();
    const Range rows = row_chunks_[i / column_chunks_.size()];
    const Range columns = column_chunks_[i % column_chunks_.size()];
    const bool last_columns = columns.end == table_.columns.size();
    const bool last_rows = rows.end == table_.rows.size();

    doc.text(size_.width / 2, margin - 10, label("table.title", language_), TextStyle{11, true, -1, Align::center});
    doc.text(size_.width / 2, margin + 6, label("table.note", language_), TextStyle{7, false, -1, Align::center});

    // Column positions.
    const double left = margin;
    const double first_number = left + code_width + name_width;
    std::vector<double> x;  // left edge of each number column: start, uses..., decrease
    for (std::size_t k = 0; k < 1 + (columns.end - columns.begin) + (last_columns ? 1 : 0); ++k) {
        x.push_back(first_number + static_cast<double>(k) * number_width);
    }
    const double right = x.back() + number_width;
    const double top = margin + 24;

    const TextStyle header{font, true, number_width - 2, Align::center};
    const TextStyle number{font, false, number_width - 3, Align::right};
    const TextStyle bold_number{font, true, number_width - 3, Align::right};
    const auto grid_line = [&](double x0, double y0, double x1, double y1, double width) {
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
        cairo_set_line_width(cr, width);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cairo_stroke(cr);
    };

    // Header.
    doc.text(left + 1, top + 2, label("table.code", language_), TextStyle{font, true});
    doc.text(left + code_width + 1, top + 2, label("table.use", language_), TextStyle{font, true});
    doc.text(x[0] + 1, top + 2, label("table.start", language_), header);
    for (std::size_t c = columns.begin; c < columns.end; ++c) {
        const double cx = x[1 + c - columns.begin];
        if (table_.columns[c].kind == LandUseLine::Kind::group) {
            cairo_rectangle(cr, cx, top, number_width, header_height);
            cairo_set_source_rgb(cr, 0.88, 0.88, 0.88);
            cairo_fill(cr);
        }
        doc.text(cx + 1, top + 9, table_.columns[c].code, header);
    }
    if (last_columns) doc.text(x.back() + 1, top + 2, label("table.decrease", language_), header);

    // Rows.
    double y = top + header_height;
    const auto row_box = [&](bool group) {
        if (!group) return;
        cairo_rectangle(cr, left, y, right - left, row_height);
        cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
        cairo_fill(cr);
    };
    for (std::size_t r = rows.begin; r < rows.end; ++r) {
        const LandUseLine& row = table_.rows[r];
        const bool group = row.kind == LandUseLine::Kind::group;
        row_box(group);
        const TextStyle text_style{font, group};
        doc.text(left + 1, y + 1.5, row.code, text_style);
        TextStyle name_style{font, group, name_width - 2};
        name_style.ellipsize = true;
        doc.text(left + code_width + 1, y + 1.5, row.name, name_style);
        const TextStyle& n = group ? bold_number : number;
        doc.text(x[0] + 1, y + 1.5, hectares_text(table_.start[r], true), n);
        for (std::size_t c = columns.begin; c < columns.end; ++c) {
            doc.text(x[1 + c - columns.begin] + 1, y + 1.5, hectares_text(table_.hectares[r][c], true), n);
        }
        if (last_columns) doc.text(x.back() + 1, y + 1.5, hectares_text(table_.decrease[r], true), n);
        grid_line(left, y, right, y, 0.2);
        y += row_height;
    }
    if (last_rows) {  // increase and end per column
        for (const auto& [key, values] : {std::pair{"table.increase", &table_.increase}, std::pair{"table.end", &table_.end}}) {
            row_box(true);
            doc.text(left + code_width + 1, y + 1.5, label(key, language_), TextStyle{font, true});
            for (std::size_t c = columns.begin; c < columns.end; ++c) {
                doc.text(x[1 + c - columns.begin] + 1, y + 1.5, hectares_text((*values)[c], true), bold_number);
            }
            grid_line(left, y, right, y, 0.2);
            y += row_height;
        }
    }
    grid_line(left, y, right, y, 0.6);
    grid_line(left, top, right, top, 0.6);
    grid_line(left, top + header_height, right, top + header_height, 0.6);
    for (double cx : x) grid_line(cx, top, cx, y, 0.2);
    grid_line(left, top, left, y, 0.6);
    grid_line(left + code_width, top, left + code_width, y, 0.2);
    grid_line(right, top, right, y, 0.6);
    if (last_rows && last_columns) {
        doc.text(left, y + 8,
                 label("table.total", language_) + ": " + label("table.start", language_) + " " +
                     hectares_text(table_.total_start, false) + " ha; " + label("table.end", language_) + " " +
                     hectares_text(table_.total_end, false) + " ha",
                 TextStyle{7.5, true});
    }
}

}  // namespace libland::report
