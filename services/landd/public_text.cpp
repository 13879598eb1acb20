// Removing the server's own paths and SQL from what clients are told.
#include "public_text.hpp"

#include <algorithm>
#include <regex>

namespace landd {

namespace {

std::vector<std::pair<std::string, std::string>>& hidden() {
    static std::vector<std::pair<std::string, std::string>> paths;
    return paths;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

}  // namespace

void hide_paths(const std::vector<std::pair<std::string, std::string>>& path_and_name) {
    hidden() = path_and_name;
    // Longest first, so that an absolute path is replaced before the relative one inside it.
    std::sort(hidden().begin(), hidden().end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string without_server_files(const std::string& text) {
    std::string out = text;
    for (const auto& [path, name] : hidden()) replace_all(out, path, name);
    static const std::regex upload(R"([^\s'"(=:]*landd-upload-[^\s'":]*)");
    return std::regex_replace(out, upload, "the upload");
}

std::string public_text(const std::string& text) {
    std::string out = without_server_files(text);
    // Any other absolute path: a slash at a word's start followed by two components or more.
    static const std::regex absolute(R"((^|[\s'"(=:])/[^\s'"/()]+(/[^\s'"()]*)+)");
    out = std::regex_replace(out, absolute, "$1a file of the service");
    return out;
}

bool shows_sql(const std::string& text) {
    static const std::regex sql(R"(\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|sqlite3?|SQLITE_\w+)\b|no such (table|column))",
                                std::regex::icase);
    return std::regex_search(text, sql);
}

}  // namespace landd
