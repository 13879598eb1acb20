// Writing answers: a JSON document as JSON or as its HTML page.
#include "http.hpp"
#include "service.hpp"

namespace landd {

void reply(Response& res, const nlohmann::ordered_json& doc, Format format,
           const std::string& title, const char* json_type) {
    res.status = 200;
    if (format == Format::html) {
        res.set_content(html_page(title, doc), "text/html; charset=utf-8");
    } else {
        res.set_content(doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), json_type);
    }
}

void reply_text(Response& res, std::string json_text, Format format, const std::string& title,
                const char* json_type) {
    if (format == Format::html) {
        reply(res, nlohmann::ordered_json::parse(json_text), format, title, json_type);
        return;
    }
    res.status = 200;
    res.set_content(std::move(json_text), json_type);
}

}  // namespace landd
