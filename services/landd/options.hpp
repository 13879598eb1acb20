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
    std::size_t max_body_bytes = 256u << 20;  // largest request body (a survey upload)
    int read_timeout_s = 30;
    int write_timeout_s = 60;
    unsigned threads = 48;               // worker threads, each with its own database connection
    unsigned workers = 0;                // reads answered at once (0: one per core, at least 2)
    bool quiet = false;                  // no access log
    std::string title = "Land database";  // the landing page's title (never the file's name)
};

// Returns the usage text.
[[nodiscard]] const char* usage() noexcept;

// Parses argv. Throws libland::usage_error naming the option at fault.
[[nodiscard]] Options parse_options(int argc, char** argv);

}  // namespace landd
