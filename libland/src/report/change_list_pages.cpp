// ChangeListPages: the list of changes drawn with cairo.
#include "report/change_list_pages.hpp"

#include "report/wording.hpp"

#include <algorithm>

namespace libland::report {

namespace {

constexpr double margin = 30;
constexpr double font = 7;
constexpr double header_height = 24;  // two lines of 7 pt
constexpr double padding = 3;
const char* const headers[] = {"list.date", "list.type", "list.before", "list.after", "list.area",
                               "list.document", "list.reason", "list.fields"};
constexpr double shares[] = {0.09, 0.14, 0.15, 0.15, 0.08, 0.12, 0.14, 0.13};

}  // namespace

ChangeListPages::ChangeListPages(PdfDocument& doc, const std::vector<ChangeLine>& lines, Language language,
                                 Paper paper)
    : lines_(lines), language_(language), size_(page_size(paper, false)) {
    const double width = size_.width - 2 * margin;
    for (double s : shares) widths_.push_back(s * width);
    const double one_line = doc.text_height("Ág", TextStyle{font}) + 2 * padding;
    for (const ChangeLine& line : lines) {
        double h = one_line;
        const auto texts = cells(line);
        for (std::size_t c = 0; c < texts.size(); ++c) {
            // Only text that may not fit on one line is measured (the cost of a long report).
            if (texts[c].size() * font * 0.62 < widths_[c] - 2 * padding) continue;
            h = std::max(h, doc.text_height(texts[c], TextStyle{font, false, widths_[c] - 2 * padding}) + 2 * padding);
        }
        heights_.push_back(h);
    }
    const double room = size_.height - 2 * margin - 30 - header_height;
    double used = room;  // forces a first page
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (used + heights_[i] > room) {
            page_starts_.push_back(i);
            used = 0;
        }
        used += heights_[i];
    }
    if (page_starts_.empty()) page_starts_.push_back(0);  // an empty list still has its page
}

std::vector<std::string> ChangeListPages::cells(const ChangeLine& line) const {
    return {line.date, change_type_name(line.type, language_), line.before, line.after, fixed(line.area_m2, 1),
            line.document, line.reason, line.fields};
}

void ChangeListPages::draw(PdfDocument& doc, std::size_t i) const {
    cairo_t* cr = doc.cr();
    const std::size_t begin = page_starts_[i];
    const std::size_t end = i + 1 < page_starts_.size() ? page_starts_[i + 1] : lines_.size();
    doc.text(size_.width / 2, margin - 10, label("list.title", language_), TextStyle{11, true, -1, Align::center});
    double y = margin + 16;
    const auto row = [&](const std::vector<std::string>& texts, double height, bool bold) {
        double x = margin;
        for (std::size_t c = 0; c < texts.size(); ++c) {
            const Align align = c == 4 ? Align::right : Align::left;
            doc.text(x + padding, y + padding, texts[c], TextStyle{font, bold, widths_[c] - 2 * padding, align});
            x += widths_[c];
        }
        cairo_move_to(cr, margin, y + height);
        cairo_line_to(cr, size_.width - margin, y + height);
        cairo_set_line_width(cr, bold ? 0.6 : 0.2);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        cairo_stroke(cr);
        y += height;
    };
    std::vector<std::string> header;
    for (const char* h : headers) header.push_back(label(h, language_));
    row(header, header_height, true);
    for (std::size_t k = begin; k < end; ++k) row(cells(lines_[k]), heights_[k], false);
}

}  // namespace libland::report
