// The cover page and the page numbers of the change report.
#include "report/cover_page.hpp"

#include "report/wording.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace libland::report {

std::string communes(const Snapshot& before, const Snapshot& after) {
    std::set<std::string> codes;
    for (const Snapshot* s : {&before, &after}) {
        for (const Parcel& p : s->parcels) codes.insert(p.key.substr(0, p.key.find('-')));
    }
    std::string out;
    for (const std::string& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out;
}

void draw_cover(PdfDocument& doc, const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                const ReportOptions& options) {
    const Language lang = options.language;
    const PageSize size = doc.size();
    doc.text(size.width / 2, 160, label("report.title", lang), TextStyle{20, true, -1, Align::center});
    char period[256];
    std::snprintf(period, sizeof period, label("from_to", lang).c_str(), options.from.c_str(), options.to.c_str());
    const std::string report_date = options.report_date.empty() ? today_in_vietnam() : options.report_date;
    std::map<std::string, std::size_t> counts;
    std::size_t total = 0;
    for (const ChangeEvent& e : changes.events) {
        if (e.type == ChangeType::unchanged) continue;
        ++counts[to_string(e.type)];
        ++total;
    }
    const std::pair<std::string, std::string> facts[] = {
        {label("province", lang), options.province},
        {label("commune", lang), communes(before, after)},
        {label("period", lang), period},
        {label("source", lang), options.source},
        {label("report_date", lang), report_date},
        {label("parcels_start", lang), std::to_string(before.parcels.size())},
        {label("parcels_end", lang), std::to_string(after.parcels.size())},
        {label("changes", lang), std::to_string(total)},
    };
    double y = 240;
    const double left = 90, value_x = 250, value_width = size.width - value_x - 70;
    for (const auto& [name, value] : facts) {
        doc.text(left, y, name, TextStyle{11, true});
        y += std::max(16.0, doc.text(value_x, y, value, TextStyle{11, false, value_width})) + 6;
    }
    y += 10;
    for (const auto& [type, n] : counts) {
        doc.text(value_x, y, change_type_name(type, lang), TextStyle{10});
        doc.text(value_x + 200, y, std::to_string(n), TextStyle{10, false, 40, Align::right});
        y += 15;
    }
}

void draw_page_number(PdfDocument& doc, std::size_t page, std::size_t pages, Language language) {
    char text[64];
    std::snprintf(text, sizeof text, label("page", language).c_str(), static_cast<int>(page), static_cast<int>(pages));
    doc.text(doc.size().width / 2, doc.size().height - 22, text, TextStyle{7.5, false, -1, Align::center});
}

}  // namespace libland::report
