// Parsing landd's command line.
#include "options.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <charconv>
#include <thread>
#include <string_view>

namespace landd {

namespace {

std::int64_t whole_number(std::string_view option, std::string_view text, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        throw libland::usage_error(std::string(option) + ": '" + std::string(text) + "' is not a whole number from " +
                                   std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
}

// Splits "HOST:PORT" (the host may be omitted: ":8080").
void parse_listen(Options& options, const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) throw libland::usage_error("--listen: '" + text + "' is not HOST:PORT");
    if (colon > 0) options.host = text.substr(0, colon);
    options.port = static_cast<int>(whole_number("--listen", std::string_view(text).substr(colon + 1), 0, 65535));
}

// Checks "http(s)://HOST[:PORT][/PATH]" and drops a trailing slash.
std::string public_url(std::string text) {
    const bool scheme = text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
    if (!scheme || text.find_first_of(" \t\r\n\"<>?#") != std::string::npos || text.size() <= 8) {
        throw libland::usage_error("--public-url: '" + text + "' is not an http:// or https:// URL");
    }
    while (text.back() == '/') text.pop_back();
    return text;
}

}  // namespace

const char* usage() noexcept {
    return "usage: landd --db DB [--read-db DB] [--listen HOST:PORT] [--public-url URL] [--public-read | --read-key-required]\n"
           "             [--default-limit N] [--max-limit N] [--max-body-mb N]\n"
           "             [--header-timeout S] [--read-timeout S] [--write-timeout S] [--keep-alive S]\n"
           "             [--max-connections N] [--max-queue N] [--threads N] [--workers N]\n"
           "             [--report-workers N] [--quiet] [--title TEXT] [--web-dir DIR]\n"
           "             [--tile-cache-mb N] [--outline-cache-mb N]\n"
           "  --read-db           read from this database (a PostgreSQL streaming replica of --db); writes,\n"
           "                      officers' key checks and key-use records go to --db\n"
           "  --title             the landing page's title (default \"Land database\")\n"
           "  --listen            default 127.0.0.1:8080\n"
           "  --public-url        where clients reach the service (links); default http://HOST:PORT listened on\n"
           "  --read-key-required reading needs `Authorization: Bearer KEY` too (reader or officer)\n"
           "  --max-limit         larger page sizes are capped to it (default 10000)\n"
           "  --tile-cache-mb     vector tiles kept in memory, least recently used forgotten (default 256; 0: none);\n"
           "                      the parcels' zoom 14-15 tiles are kept ahead once the database is quiet\n"
           "  --outline-cache-mb  parcel outlines kept in longitude/latitude, the same way (default 64; 0: none)\n"
           "  --web-dir           the web map's files (default: web/ beside landd, else ../share/landd/web)\n";
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw libland::usage_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--db") options.db = value();
        else if (arg == "--read-db") options.read_db = value();
        else if (arg == "--listen") parse_listen(options, value());
        else if (arg == "--public-read") options.read_key_required = false;
        else if (arg == "--read-key-required" || arg == "--read-key") options.read_key_required = true;
        else if (arg == "--default-limit") options.default_limit = whole_number(arg, value(), 1, 1'000'000);
        else if (arg == "--max-limit") options.max_limit = whole_number(arg, value(), 1, 1'000'000);
        else if (arg == "--max-body-mb") options.max_body_bytes = static_cast<std::size_t>(whole_number(arg, value(), 1, 4096)) << 20;
        else if (arg == "--public-url") options.public_url = public_url(value());
        else if (arg == "--header-timeout") options.header_timeout_s = static_cast<int>(whole_number(arg, value(), 1, 3600));
        else if (arg == "--keep-alive") options.keep_alive_s = static_cast<int>(whole_number(arg, value(), 1, 3600));
        else if (arg == "--max-connections") options.max_connections = static_cast<unsigned>(whole_number(arg, value(), 1, 1'000'000));
        else if (arg == "--max-queue") options.max_queue = static_cast<unsigned>(whole_number(arg, value(), 1, 1'000'000));
        else if (arg == "--report-workers") options.costly_workers = static_cast<unsigned>(whole_number(arg, value(), 1, 64));
        else if (arg == "--read-timeout") options.read_timeout_s = static_cast<int>(whole_number(arg, value(), 1, 3600));
        else if (arg == "--write-timeout") options.write_timeout_s = static_cast<int>(whole_number(arg, value(), 1, 3600));
        else if (arg == "--threads") options.threads = static_cast<unsigned>(whole_number(arg, value(), 1, 1024));
        else if (arg == "--workers") options.workers = static_cast<unsigned>(whole_number(arg, value(), 1, 1024));
        else if (arg == "--quiet") options.quiet = true;
        else if (arg == "--title") options.title = value();
        else if (arg == "--web-dir") options.web_dir = value();
        else if (arg == "--tile-cache-mb") options.tile_cache_bytes = static_cast<std::size_t>(whole_number(arg, value(), 0, 65536)) << 20;
        else if (arg == "--outline-cache-mb") options.outline_cache_bytes = static_cast<std::size_t>(whole_number(arg, value(), 0, 65536)) << 20;
        else throw libland::usage_error("unknown option '" + arg + "'");
    }
    if (options.db.empty()) throw libland::usage_error("--db DB is required");
    if (options.default_limit > options.max_limit) options.default_limit = options.max_limit;
    if (options.workers == 0) options.workers = std::max(2u, std::thread::hardware_concurrency());
    return options;
}

}  // namespace landd
