// Serving the web map's files.
#include "web_assets.hpp"

#include "http_error.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace landd {

namespace {

namespace fs = std::filesystem;

const char* content_type(const fs::path& file) {
    const std::string ext = file.extension().string();
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".png") return "image/png";
    if (ext == ".svg") return "image/svg+xml";
    return "text/plain; charset=utf-8";
}

}  // namespace

std::string find_web_dir(const std::string& configured) {
    if (!configured.empty()) return configured;
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    for (const fs::path& dir : {program.parent_path() / "web", program.parent_path().parent_path() / "share/landd/web"}) {
        if (fs::is_regular_file(dir / "maplibre-gl.js", ec)) return dir.string();
    }
    return {};
}

void add_web_asset_routes(Router& server, const std::string& web_dir) {
    server.Get("/static/([A-Za-z0-9_][A-Za-z0-9._-]*)", GuardedHandler{Access::public_read, [web_dir](const Request& req,
                                                                                                     Response& res) {
        try {
            const std::string name = req.matches[1];
            std::ifstream in(fs::path(web_dir) / name, std::ios::binary);
            if (web_dir.empty() || !in) throw not_found("no file '" + name + "' among the web map's files");
            std::ostringstream content;
            content << in.rdbuf();
            res.set_content(content.str(), content_type(name));
            res.set_header("Cache-Control", "public, max-age=3600");
        } catch (...) {
            reply_current_exception(res);
        }
    }});
}

}  // namespace landd
