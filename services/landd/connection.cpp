// A client connection on Boost.Beast (see connection.hpp).
#include "connection.hpp"

#include "http_error.hpp"
#include "page_layout.hpp"
#include "service.hpp"

#include <libland/store.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace landd {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t header_bytes = 16 * 1024;     // request line and headers
constexpr std::size_t ignored_body_bytes = 64 * 1024;  // a body sent where none is taken
constexpr std::size_t json_body_bytes = 1024 * 1024;   // a transaction's JSON document
constexpr std::size_t linger_bytes = 16u << 20;  // read and dropped after a refusal, for clients that read answers only once sent
constexpr unsigned requests_per_connection = 1000;
constexpr const char* upload_prefix = "landd-upload-";
// Temporary files named PREFIX-PID-...: uploads, and printed reports (report_documents.cpp).
constexpr const char* temporary_prefixes[] = {upload_prefix, "landd-report-"};

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

bool is_form(const std::string& content_type) {
    const auto starts = [&](const char* type) {
        return strncasecmp(content_type.c_str(), type, std::strlen(type)) == 0;
    };
    return starts("multipart/form-data") || starts("application/x-www-form-urlencoded");
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, ConnectionContext& context) : stream_(std::move(socket)), context_(context) {
        ++context_.open;
    }
    ~Connection() { --context_.open; }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void start() { read_header(); }

    // Answers 503 at once and closes (too many connections).
    void refuse_busy() {
        Response res;
        reply_error(res, HttpError(503, "Busy", "the service has too many connections; try again shortly"));
        res.set_header("Retry-After", "5");
        finish(std::move(res), true);
    }

private:
    void read_header() {
        request_ = Request{};
        route_ = nullptr;
        start_ = Clock::time_point{};
        header_.emplace();
        header_->header_limit(header_bytes);
        header_->body_limit(std::numeric_limits<std::uint64_t>::max());  // judged here once the headers are in
        // The whole request line and headers within the deadline, however slowly they trickle;
        // between keep-alive requests the idle time counts too.
        stream_.expires_after(std::chrono::seconds(served_ == 0 ? context_.options.header_timeout_s
                                                                : context_.options.keep_alive_s));
        http::async_read_header(stream_, buffer_, *header_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        if (ec) {
            const bool malformed = ec.category() == http::make_error_code(http::error::bad_method).category() &&
                                   ec != http::error::end_of_stream && ec != http::error::partial_message;
            if (!malformed) return close();  // gone, or too slow (the deadline closed the socket)
            Response res;
            if (ec == http::error::header_limit) {
                reply_error(res, HttpError(431, "HeadersTooLarge", "the request line and headers exceed 16 KiB"));
            } else {
                reply_error(res, HttpError(400, "MalformedRequest", "the request is not well-formed HTTP/1.1"));
            }
            return finish(std::move(res), true);
        }
        start_ = Clock::now();
        const auto& head = header_->get();
        keep_alive_ = head.keep_alive();
        request_.method = std::string(head.method_string());
        request_.target = std::string(head.target());
        for (const auto& field : head) request_.headers.emplace(std::string(field.name_string()), std::string(field.value()));
        request_.base_url = context_.base_url;
        const bool has_body = header_->chunked() || header_->content_length().value_or(0) > 0;
        if (!parse_target(request_)) {
            return refuse(HttpError(400, "MalformedRequest", "the request target is not a well-formed path"));
        }
        strip_site_path();
        const Router::Match match = context_.router.find(request_);
        if (request_.method == "OPTIONS") return preflight(match.allowed, has_body);
        if (match.route == nullptr) {
            if (match.allowed.empty()) return refuse(not_found("no resource at " + request_.path));
            Response res;
            reply_error(res, HttpError(405, "MethodNotAllowed",
                                       request_.method + " is not allowed on " + request_.path + " (" + joined(match.allowed) + ")"));
            res.set_header("Allow", joined(match.allowed));
            return finish(std::move(res), has_body);
        }
        route_ = match.route;
        // Refused from the headers alone, before a byte of the body is read: too large, no key or
        // a wrong one, a form instead of a file.
        const std::uint64_t limit = body_limit();
        if (header_->content_length().value_or(0) > limit) {
            return refuse(HttpError(413, "PayloadTooLarge",
                                    "the body is larger than the " + std::to_string(limit) + " bytes this resource accepts", "body"));
        }
        if (route_->handler.access != Access::public_read) {
            try {
                const std::lock_guard lock(context_.keys_mutex);
                libland::Store& keys = route_->handler.access == Access::officer ? *context_.keys : *context_.read_keys;
                check_access(request_, keys, route_->handler.access);
            } catch (...) {
                Response res;
                reply_current_exception(res);
                if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer");
                return finish(std::move(res), has_body);
            }
        }
        if (route_->body == BodyKind::upload && is_form(request_.get_header_value("Content-Type"))) {
            return refuse(HttpError(415, "UnsupportedMediaType",
                                    "send the survey file itself as the body (Content-Type: application/octet-stream), "
                                    "not a form",
                                    "body"));
        }
        if (!has_body) {
            header_.reset();
            return dispatch();
        }
        if (beast::iequals(request_.get_header_value("Expect"), "100-continue")) {
            static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            stream_.expires_after(std::chrono::seconds(context_.options.write_timeout_s));
            return net::async_write(stream_, net::buffer(go_on), [self = shared_from_this()](beast::error_code e, std::size_t) {
                if (e) return self->close();
                self->read_body();
            });
        }
        read_body();
    }

    [[nodiscard]] std::uint64_t body_limit() const {
        switch (route_->body) {
            case BodyKind::none: return ignored_body_bytes;
            case BodyKind::json: return json_body_bytes;
            case BodyKind::upload: return context_.options.max_body_bytes;
        }
        return 0;
    }

    void read_body() {
        // The whole body within the deadline, however it trickles.
        stream_.expires_after(std::chrono::seconds(context_.options.read_timeout_s));
        auto done = [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); };
        if (route_->body == BodyKind::upload) {
            std::string path = context_.upload_folder + "/" + upload_prefix + std::to_string(::getpid()) + "-XXXXXX";
            const int fd = ::mkstemp(path.data());
            if (fd < 0) return refuse(HttpError(503, "Busy", "the upload cannot be stored now; try again later"));
            ::close(fd);
            request_.upload = std::make_shared<TemporaryFile>(path);
            file_.emplace(std::move(*header_));
            header_.reset();
            file_->body_limit(body_limit());
            beast::error_code ec;
            file_->get().body().open(path.c_str(), beast::file_mode::write, ec);
            if (ec) return refuse(HttpError(503, "Busy", "the upload cannot be stored now; try again later"));
            http::async_read(stream_, buffer_, *file_, std::move(done));
        } else {
            text_.emplace(std::move(*header_));
            header_.reset();
            text_->body_limit(body_limit());
            http::async_read(stream_, buffer_, *text_, std::move(done));
        }
    }

    void on_body(beast::error_code ec) {
        file_.reset();  // closes the upload's file
        if (ec) {
            request_.upload.reset();  // removes it
            text_.reset();
            if (ec == http::error::body_limit) {
                return refuse(HttpError(413, "PayloadTooLarge",
                                        "the body is larger than the " + std::to_string(body_limit()) +
                                            " bytes this resource accepts", "body"));
            }
            if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
                ec != http::error::end_of_stream && ec != http::error::partial_message) {
                return refuse(HttpError(400, "MalformedRequest", "the request body is not well-formed (chunked encoding)", "body"));
            }
            return close();  // gone, or too slow
        }
        if (text_) {
            request_.body = text_->release().body();
            text_.reset();
        }
        dispatch();
    }

    // Hands the request to a request thread, or answers 503 when too many wait already.
    void dispatch() {
        stream_.expires_never();
        auto self = shared_from_this();
        if (!context_.queue->try_push([self] { self->run(); }, route_->handler.read)) {
            Response res;
            reply_error(res, HttpError(503, "Busy", "the service is busy; try again shortly"));
            res.set_header("Retry-After", "1");
            finish(std::move(res), true);
        }
    }

    // Returns true when the client closed the connection (or it broke) while its request waited:
    // a client that sends requests and hangs up must not keep the request threads busy. A client
    // that half-closes after its request is taken as gone too.
    [[nodiscard]] bool client_gone() {
        char byte = 0;
        const ssize_t n = ::recv(stream_.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
    }

    // On a request thread.
    void run() {
        if (client_gone()) {
            net::post(stream_.get_executor(), [self = shared_from_this()] {
                self->log(499);  // as nginx logs it: the client closed before its answer
                self->close();
            });
            return;
        }
        Response res;
        try {
            route_->handler.handler(request_, res);
        } catch (...) {
            reply_current_exception(res);
        }
        net::post(stream_.get_executor(), [self = shared_from_this(), res = std::move(res)]() mutable {
            self->finish(std::move(res), false);
        });
    }

    // Answers CORS preflight: which methods the resource takes and which headers may be sent.
    void preflight(std::vector<std::string> allowed, bool has_body) {
        if (allowed.empty()) return refuse(not_found("no resource at " + request_.path));
        allowed.push_back("OPTIONS");
        Response res;
        res.status = 204;
        res.set_header("Allow", joined(allowed));
        res.set_header("Access-Control-Allow-Methods", joined(allowed));
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
        res.set_header("Access-Control-Max-Age", "600");
        finish(std::move(res), has_body);
    }

    // Answers the error and closes: whatever the client still sends is not read.
    void refuse(const HttpError& error) {
        Response res;
        reply_error(res, error);
        finish(std::move(res), true);
    }

    // Behind a proxy that passes the public URL's path on ("/landd/collections"), the path is
    // served as the proxy that strips it would send it ("/collections"); both work.
    void strip_site_path() {
        const std::string& site = context_.site_path;
        if (site.empty() || request_.path.compare(0, site.size(), site) != 0) return;
        if (request_.path.size() == site.size()) request_.path = "/";
        else if (request_.path[site.size()] == '/') request_.path.erase(0, site.size());
    }

    void finish(Response res, bool close) {
        request_.upload.reset();
        if (const auto type = res.headers.find("Content-Type");
            !context_.site_path.empty() && type != res.headers.end() && type->second.rfind("text/html", 0) == 0) {
            res.body = under_site_path(std::move(res.body), context_.site_path);
        }
        answer_ = {};
        answer_.version(11);
        answer_.result(static_cast<unsigned>(res.status));
        for (const auto& [name, value] : res.headers) answer_.insert(name, value);
        answer_.set(http::field::access_control_allow_origin, "*");
        close_ = close || !keep_alive_ || served_ + 1 >= requests_per_connection;
        answer_.keep_alive(!close_);
        if (request_.method == "HEAD") {
            answer_.content_length(res.body.size());
        } else {
            answer_.body() = std::move(res.body);
            answer_.prepare_payload();
        }
        log(res.status);
        stream_.expires_after(std::chrono::seconds(context_.options.write_timeout_s));
        http::async_write(stream_, answer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            if (self->close_) return self->linger();
            ++self->served_;
            self->read_header();
        });
    }

    void log(int status) const {
        if (context_.options.quiet) return;
        const std::string target = request_.target.empty() ? "-" : request_.target;
        const std::string method = request_.method.empty() ? "-" : request_.method;
        if (start_ == Clock::time_point{}) {
            std::fprintf(stderr, "%s %s %d - ms\n", method.c_str(), target.c_str(), status);
        } else {
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
            std::fprintf(stderr, "%s %s %d %.1f ms\n", method.c_str(), target.c_str(), status, ms);
        }
    }

    // Stops sending, reads and drops what the client still sends for a moment (up to 16 MiB or 5
    // s, so that the answer is not lost to a reset), then closes.
    void linger() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::chrono::seconds(5));
        drain();
    }

    void drain() {
        stream_.async_read_some(net::buffer(scrap_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > linger_bytes) return self->close();
            self->drain();
        });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    ConnectionContext& context_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::empty_body>> header_;
    std::optional<http::request_parser<http::string_body>> text_;
    std::optional<http::request_parser<http::file_body>> file_;
    Request request_;
    const Route* route_ = nullptr;
    http::response<http::string_body> answer_;
    Clock::time_point start_;
    unsigned served_ = 0;
    bool keep_alive_ = false;
    bool close_ = false;
    std::array<char, 16 * 1024> scrap_{};
    std::size_t drained_ = 0;
};

}  // namespace

void serve_connection(tcp::socket socket, ConnectionContext& context) {
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto connection = std::make_shared<Connection>(std::move(socket), context);
    if (context.open > context.options.max_connections) {
        connection->refuse_busy();
    } else {
        connection->start();
    }
}

void remove_stale_uploads(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        for (const char* prefix : temporary_prefixes) {
            if (name.rfind(prefix, 0) != 0) continue;
            const std::size_t start = std::strlen(prefix);
            const std::size_t dash = name.find('-', start);
            if (dash == std::string::npos) continue;
            const pid_t pid = static_cast<pid_t>(std::atoll(name.substr(start, dash - start).c_str()));
            if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) {
                std::filesystem::remove(entry.path(), ec);
            }
        }
    }
}

}  // namespace landd
