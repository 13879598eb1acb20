// write_change_report(): the change report as PDF or XLSX, chosen by the file's extension, written
// to a temporary file renamed into place.
#include "detail/output_file.hpp"
#include "report/change_report_pdf.hpp"
#include "report/change_report_xlsx.hpp"

#include <libland/error.hpp>
#include <libland/report.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace libland {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

Language parse_language(const std::string& text) {
    const std::string l = lower(text);
    if (l == "vi") return Language::vi;
    if (l == "en") return Language::en;
    throw usage_error("language '" + text + "': expected vi or en");
}

Paper parse_paper(const std::string& text) {
    const std::string l = lower(text);
    if (l == "a4") return Paper::a4;
    if (l == "a3") return Paper::a3;
    throw usage_error("paper '" + text + "': expected A4 or A3");
}

void write_change_report(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                         const std::vector<ParcelEvent>& recorded, const ReportOptions& options,
                         const std::string& path) {
    const std::string extension = lower(std::filesystem::path(path).extension().string());
    if (extension != ".pdf" && extension != ".xlsx") {
        throw usage_error("report " + path + ": the extension must be .pdf or .xlsx");
    }
    detail::OutputFile file(path);
    if (extension == ".pdf") {
        report::write_change_report_pdf(before, after, changes, recorded, options, file.temp_path(), path);
    } else {
        report::write_change_report_xlsx(before, after, changes, recorded, options, file.temp_path(), path);
    }
    file.commit();
}

}  // namespace libland
