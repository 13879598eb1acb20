#pragma once
// landd's command line: the database, where to listen, who may read, and the service's limits.
#include <cstddef>
#include <cstdint>
#include <string>

namespace landd {

struct Options {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    bool read_key_required = false;      // reading needs a reader (or officer) key too
    std::int64_t default_limit = 100;    // items per page when the client names no limit
    std::int64_t max_limit = 10000;      // a larger limit is capped to this
    std::string public_url;              // links are built on it ("" : http://HOST:PORT listened on)
    std::size_t max_body_bytes = 256u << 20;  // largest request body (a survey upload, streamed to disk)
    int header_timeout_s = 10;           // a request's line and headers must arrive within this
    int read_timeout_s = 60;             // a request's whole body must arrive within this
    int write_timeout_s = 60;            // an answer must be taken within this
    int keep_alive_s = 5;                // an idle keep-alive connection is closed after this
    unsigned max_connections = 1024;     // more connections are answered 503 and closed
    unsigned max_queue = 256;            // requests waiting for a thread; more are answered 503
    unsigned threads = 8;                // threads running requests, each borrowing a database session
    unsigned workers = 0;                // reads answered at once (0: one per core, at least 2)
    unsigned costly_workers = 1;         // reports computed at once (more wait, up to 4; then 503)
    bool quiet = false;                  // no access log
    std::string title = "Land database";  // the landing page's title (never the file's name)
    std::size_t tile_cache_bytes = std::size_t{256} << 20;  // vector tiles kept in memory (0: none)
    std::size_t outline_cache_bytes = std::size_t{64} << 20;  // parcel outlines in CRS84 kept (0: none)
    std::string web_dir;                 // the web map's files ("": found beside the program, web_assets.hpp)
};

// Returns the usage text.
[[nodiscard]] const char* usage() noexcept;

// Parses argv. Throws libland::usage_error naming the option at fault.
[[nodiscard]] Options parse_options(int argc, char** argv);

}  // namespace landd
