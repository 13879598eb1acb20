#pragma once
// landd's own view of an HTTP exchange, independent of the transport (server.cpp/connection.cpp
// speak HTTP with Boost.Beast): a request as the route handlers read it, the response they fill,
// and the routing table with what each route accepts before its body is read.
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace landd {

// Header names compare without regard to case.
struct CaseInsensitiveLess {
    [[nodiscard]] bool operator()(const std::string& a, const std::string& b) const noexcept;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;

// A file removed on destruction (an upload streamed to the temporary folder).
class TemporaryFile {
public:
    explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

struct Request {
    std::string method;   // GET, POST, ...
    std::string target;   // path and query as sent
    std::string path;     // percent-decoded
    std::multimap<std::string, std::string> params;  // the query, decoded
    Headers headers;
    std::string body;     // a small body (JSON), read whole
    std::shared_ptr<TemporaryFile> upload;  // a large body (a survey), streamed to a file
    std::smatch matches;  // the route pattern's groups over `path`
    std::string base_url; // where the service is published (--public-url), no trailing slash

    [[nodiscard]] bool has_param(const std::string& name) const { return params.count(name) > 0; }
    // Returns the first value of the parameter, "" when absent.
    [[nodiscard]] std::string get_param_value(const std::string& name) const;
    [[nodiscard]] bool has_header(const std::string& name) const { return headers.count(name) > 0; }
    // Returns the first value of the header, "" when absent.
    [[nodiscard]] std::string get_header_value(const std::string& name) const;
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;

    void set_content(std::string content, const std::string& content_type);
    // Replaces the header's value.
    void set_header(const std::string& name, const std::string& value);
};

// Splits the target into its decoded path and query parameters. Returns false when the target
// is not an origin-form path ("/...") or its percent-encoding is malformed.
[[nodiscard]] bool parse_target(Request& req);

// Who may call a route (checked from the headers, before the body is read).
enum class Access { public_read, reader, officer };

// What a route takes as a body.
enum class BodyKind {
    none,    // nothing (a few KB are tolerated and ignored)
    json,    // a small document, read into Request::body (at most 1 MiB)
    upload,  // a file, streamed to a temporary file under --max-body-mb (Request::upload)
};

using HttpHandler = std::function<void(const Request&, Response&)>;

// A handler with the access it requires (see for_readers / for_officers in service.hpp).
struct GuardedHandler {
    Access access = Access::public_read;
    HttpHandler handler;
    bool read = false;  // a read from the database: runs in the work queue's reads' lane
};

struct Route {
    std::string method;
    std::regex pattern;  // matched against the whole decoded path
    GuardedHandler handler;
    BodyKind body = BodyKind::none;
};

// The routing table.
class Router {
public:
    void Get(const std::string& pattern, GuardedHandler handler);
    void Post(const std::string& pattern, GuardedHandler handler, BodyKind body = BodyKind::json);

    // The outcome of looking a request up.
    struct Match {
        const Route* route = nullptr;     // null: no route for this method
        std::vector<std::string> allowed;  // methods the path answers (empty: no such resource)
    };
    // Finds the route for the method and path (HEAD finds GET's). Fills req.matches when found.
    [[nodiscard]] Match find(Request& req) const;

private:
    std::vector<Route> routes_;
};

}  // namespace landd
