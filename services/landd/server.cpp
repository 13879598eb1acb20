// Putting the service together on cpp-httplib: a thread pool whose workers borrow database
// sessions, bounded bodies and timeouts, JSON errors for every failure, one access line per
// request on stderr (never the Authorization header).
#include "server.hpp"

#include "http_error.hpp"
#include "service.hpp"

#include <libland/error.hpp>

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

namespace landd {

namespace {

using Clock = std::chrono::steady_clock;

// When the request now handled by this thread began (set before routing).
thread_local Clock::time_point request_start;

// Writes "METHOD TARGET STATUS MS ms" (the time is "-" for a request refused before routing).
void log_request(const httplib::Request& req, const httplib::Response& res) {
    if (request_start == Clock::time_point{}) {
        std::fprintf(stderr, "%s %s %d - ms\n", req.method.c_str(), req.target.c_str(), res.status);
        return;
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - request_start).count();
    request_start = Clock::time_point{};
    std::fprintf(stderr, "%s %s %d %.1f ms\n", req.method.c_str(), req.target.c_str(), res.status, ms);
}

// Gives error answers that carry no body yet (unknown route, body too large) a JSON one.
void fill_error_body(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    switch (res.status) {
        case 404: reply_error(res, not_found("no resource at " + req.path)); break;
        case 413: reply_error(res, HttpError(413, "PayloadTooLarge", "the request body is larger than the service accepts", "body")); break;
        case 405: reply_error(res, HttpError(405, "MethodNotAllowed", req.method + " is not allowed on " + req.path)); break;
        default: reply_error(res, HttpError(res.status, "Error", "the request could not be served"));
    }
}

void configure(httplib::Server& server, Service& service) {
    const Options& o = service.options;
    const unsigned threads = o.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(o.max_body_bytes);
    server.set_read_timeout(o.read_timeout_s);
    server.set_write_timeout(o.write_timeout_s);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(5);
    server.set_tcp_nodelay(true);
    // Web pages of other origins (the departments' maps) may read the service.
    server.set_default_headers({{"Access-Control-Allow-Origin", "*"}});
    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        request_start = Clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_error_handler(fill_error_body);
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (...) {
            reply_current_exception(res);
        }
    });
    if (!o.quiet) server.set_logger(log_request);
    add_landing_routes(server, service);
    add_collection_routes(server, service);
    add_item_routes(server, service);
    add_history_routes(server, service);
    add_report_routes(server, service);
    add_report_document_routes(server, service);
    add_write_routes(server, service);
}

}  // namespace

int serve(const Options& options) {
    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    Service service{options, SessionPool(options.db), WorkGate(options.workers), {}};
    httplib::Server server;
    configure(server, service);
    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
    } else if (!server.bind_to_port(options.host, port)) {
        port = -1;
    }
    if (port < 0) throw libland::usage_error("cannot listen on " + options.host + ":" + std::to_string(options.port));
    std::fprintf(stderr, "landd: serving %s on http://%s:%d/\n", options.db.c_str(), options.host.c_str(), port);
    std::fflush(stderr);

    std::atomic<bool> stopping = false;
    std::thread warm_up([&] {
        try {
            service.sessions.warm_up(options.threads, stopping);
            std::fprintf(stderr, "landd: %u database sessions ready\n", options.threads);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "landd: opening database sessions ahead failed: %s\n", e.what());
        }
    });
    std::thread stopper([&server, &stopping, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        stopping = true;
        server.stop();
    });
    const bool ok = server.listen_after_bind();
    if (!ok) pthread_kill(stopper.native_handle(), SIGTERM);  // listening failed: release the waiter
    stopper.join();
    warm_up.join();
    return ok ? 0 : 1;
}

}  // namespace landd
