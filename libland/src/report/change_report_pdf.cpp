// write_change_report_pdf(): the sections laid out first (so every page knows the page count),
// then drawn in order.
#include "report/change_report_pdf.hpp"

#include "report/change_list_pages.hpp"
#include "report/change_map.hpp"
#include "report/change_table_pages.hpp"
#include "report/cover_page.hpp"
#include "report/wording.hpp"

namespace libland::report {

void write_change_report_pdf(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                             const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                             const std::string& temp_path, const std::string& target) {
    const Language lang = options.language;
    PdfDocument doc(temp_path, page_size(options.paper, false));
    doc.set_title(label("report.title", lang) + " " + options.from + " - " + options.to);
    const ChangeMap map(before, after, changes, lang, options.paper);
    const LandUseTable table = land_use_table(changes.matrix, lang);
    const ChangeTablePages table_pages(table, lang, options.paper);
    const std::vector<ChangeLine> lines = change_lines(before, after, changes, recorded);
    const ChangeListPages list_pages(doc, lines, lang, options.paper);
    const std::size_t total = 1 + map.pages() + table_pages.pages() + list_pages.pages();

    std::size_t page = 1;
    draw_cover(doc, before, after, changes, options);
    draw_page_number(doc, page, total, lang);
    for (std::size_t i = 0; i < map.pages(); ++i) {
        doc.next_page(map.page(i));
        static_cast<void>(map.draw(doc, i));
        draw_page_number(doc, ++page, total, lang);
    }
    for (std::size_t i = 0; i < table_pages.pages(); ++i) {
        doc.next_page(table_pages.page());
        table_pages.draw(doc, i);
        draw_page_number(doc, ++page, total, lang);
    }
    for (std::size_t i = 0; i < list_pages.pages(); ++i) {
        doc.next_page(list_pages.page());
        list_pages.draw(doc, i);
        draw_page_number(doc, ++page, total, lang);
    }
    doc.finish(target);
}

}  // namespace libland::report
