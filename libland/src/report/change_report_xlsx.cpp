// write_change_report_xlsx(): the change table, the list of changes, and every change event.
#include "report/change_report_xlsx.hpp"

#include "report/change_lines.hpp"
#include "report/wording.hpp"
#include "report/xlsx_change_table.hpp"
#include "detail/xlsx_workbook.hpp"

namespace libland::report {

namespace {

void write_list_sheet(XlsxWorkbook& book, const std::vector<ChangeLine>& lines, Language lang) {
    XlsxSheet sheet = book.add_sheet(lang == Language::vi ? "Danh sách biến động" : "List of changes");
    const char* headers[] = {"list.date", "list.type", "list.before", "list.after", "list.area",
                             "list.document", "list.reason", "list.fields"};
    for (int c = 0; c < 8; ++c) sheet.text(0, c, label(headers[c], lang), CellFormat::header);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ChangeLine& l = lines[i];
        const int y = static_cast<int>(i) + 1;
        sheet.text(y, 0, l.date);
        sheet.text(y, 1, change_type_name(l.type, lang));
        sheet.text(y, 2, l.before);
        sheet.text(y, 3, l.after);
        sheet.number(y, 4, l.area_m2, CellFormat::square_metres);
        sheet.text(y, 5, l.document);
        sheet.text(y, 6, l.reason);
        sheet.text(y, 7, l.fields);
    }
    sheet.freeze(1, 0);
}

// Every detected event with the attributes of its parcels: one row per parcel of the event.
void write_events_sheet(XlsxWorkbook& book, const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                        Language lang) {
    XlsxSheet sheet = book.add_sheet(lang == Language::vi ? "Thuộc tính biến động" : "Change events");
    const std::vector<std::string> fixed_headers = lang == Language::vi
        ? std::vector<std::string>{"Số TT biến động", "Loại biến động", "Kỳ", "Thửa", "Mã loại đất", "Diện tích (m²)"}
        : std::vector<std::string>{"Event", "Type", "Side", "Parcel", "Land use", "Area (m²)"};
    int c = 0;
    for (const auto& h : fixed_headers) sheet.text(0, c++, h, CellFormat::header);
    for (const Field& f : after.fields) sheet.text(0, c++, f.name, CellFormat::header);
    int y = 1, number = 0;
    for (const ChangeEvent& e : changes.events) {
        if (e.type == ChangeType::unchanged) continue;
        ++number;
        for (const auto& [snapshot, indices, side] :
             {std::tuple{&before, &e.before, lang == Language::vi ? "trước" : "before"},
              std::tuple{&after, &e.after, lang == Language::vi ? "sau" : "after"}}) {
            for (std::size_t i : *indices) {
                const Parcel& p = snapshot->parcels[i];
                sheet.number(y, 0, number, CellFormat::text);
                sheet.text(y, 1, change_type_name(to_string(e.type), lang));
                sheet.text(y, 2, side);
                sheet.text(y, 3, p.key);
                sheet.text(y, 4, p.use);
                sheet.number(y, 5, area(p.geometry), CellFormat::square_metres);
                for (std::size_t k = 0; k < after.fields.size(); ++k) {
                    const int j = snapshot->field_index(after.fields[k].name);
                    if (j < 0 || static_cast<std::size_t>(j) >= p.attributes.size()) continue;
                    const Value& v = p.attributes[static_cast<std::size_t>(j)];
                    const int x = 6 + static_cast<int>(k);
                    if (const auto* n = std::get_if<std::int64_t>(&v)) {
                        sheet.number(y, x, static_cast<double>(*n), CellFormat::text);
                    } else if (const auto* d = std::get_if<double>(&v)) {
                        sheet.number(y, x, *d, CellFormat::text);
                    } else {
                        sheet.text(y, x, to_string(v));
                    }
                }
                ++y;
            }
        }
    }
    sheet.freeze(1, 0);
}

}  // namespace

void write_change_report_xlsx(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                              const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                              const std::string& temp_path, const std::string& target) {
    XlsxWorkbook book(temp_path);
    write_change_table_sheet(book, land_use_table(changes.matrix, options.language), options);
    write_list_sheet(book, change_lines(before, after, changes, recorded), options.language);
    write_events_sheet(book, before, after, changes, options.language);
    book.close(target);
}

}  // namespace libland::report
