// Printable documents: GET /reports/changes?from=DATE&to=DATE&f=pdf|xlsx (the change report of
// the period) and GET /collections/parcels/items/{id}/extract.pdf[?datetime=DATE] (the cadastral
// extract). Readers may fetch both. Each is written to a private temporary file, sent, removed.
#include "http.hpp"
#include "http_error.hpp"
#include "public_text.hpp"
#include "service.hpp"

#include <libland/error.hpp>
#include <libland/report.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace landd {

namespace {

// A temporary file removed when it goes out of scope.
class TempFile {
public:
    explicit TempFile(const std::string& extension) {
        static std::atomic<unsigned> counter{0};
        path_ = (std::filesystem::temp_directory_path() /
                 ("landd-report-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + extension))
                    .string();
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] std::string read() const {
        std::ifstream in(path_, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private:
    std::string path_;
};

std::string required_date(const Request& req, const char* name) {
    if (!req.has_param(name)) throw bad_parameter(name, "required (YYYY-MM-DD)");
    return date_value(req.get_param_value(name), name);
}

libland::Language language(const Request& req) {
    const std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "vi";
    if (lang != "vi" && lang != "en") throw bad_parameter("lang", "vi or en");
    return lang == "vi" ? libland::Language::vi : libland::Language::en;
}

}  // namespace

void add_report_document_routes(Router& server, Service& service) {
    server.Get("/reports/changes", for_costly_reads(service, [](const Request& req, Response& res,
                                                           Session& session) {
        const std::string f = req.has_param("f") ? req.get_param_value("f") : "pdf";
        if (f != "pdf" && f != "xlsx") throw bad_parameter("f", "pdf or xlsx");
        libland::ReportOptions options;
        options.from = required_date(req, "from");
        options.to = required_date(req, "to");
        if (options.to < options.from) throw bad_parameter("to", options.to + " is before from (" + options.from + ")");
        options.language = language(req);
        options.source = "landd";
        const libland::StoreChanges changes = session.store.changes(options.from, options.to);
        const auto recorded = session.store.events(options.from, options.to);
        const TempFile file("." + f);
        libland::write_change_report(changes.before, changes.after, changes.changes, recorded, options, file.path());
        const bool pdf = f == "pdf";
        res.set_header("Content-Disposition", "attachment; filename=\"changes_" + options.from + "_" + options.to + "." + f + "\"");
        res.set_content(file.read(), pdf ? "application/pdf"
                                         : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }));
    server.Get("/collections/parcels/items/([^/]+)/extract.pdf",
               for_costly_reads(service, [](const Request& req, Response& res, Session& session) {
                   const std::string parcel = req.matches[1];
                   const std::string date =
                       req.has_param("datetime") ? date_value(req.get_param_value("datetime"), "datetime") : "";
                   libland::ExtractOptions options;
                   options.language = language(req);
                   const TempFile file(".pdf");
                   try {
                       libland::write_parcel_extract(session.store, parcel, date, options, file.path());
                   } catch (const libland::usage_error& e) {  // no such parcel on the date
                       throw not_found(public_text(e.what()));
                   }
                   res.set_content(file.read(), "application/pdf");
               }));
}

}  // namespace landd
