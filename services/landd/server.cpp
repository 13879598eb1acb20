// Putting the service together on Boost.Beast: I/O threads that read and write every
// connection (connection.cpp), request threads that borrow database sessions (WorkQueue), the
// routes, memory held in bounds, and a clean stop on SIGINT/SIGTERM.
#include "server.hpp"
#include "web_assets.hpp"

#include "connection.hpp"
#include "public_text.hpp"
#include "service.hpp"
#include "tile_seeder.hpp"

#include <libland/error.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <malloc.h>
#include <pthread.h>
#include <sys/resource.h>
#include <string>
#include <thread>
#include <utility>
#include <vector>
#include <vector>

namespace landd {

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr unsigned io_threads = 2;
constexpr unsigned costly_waiting = 4;            // reports waiting for the costly gate; more: 503
constexpr std::size_t cached_answers = 32;        // reports kept per (database state, request)
constexpr std::size_t cached_bytes = 64u << 20;   // ... in at most this much memory
constexpr std::size_t page_caches = 128u << 20;    // SQLite's page caches of every session together

// Keeps memory in bounds: two malloc arenas instead of one per thread (each request thread's
// arena would grow to its largest request and stay there) and enough file descriptors for
// --max-connections. SQLite's page caches are bounded per session (SessionPool).
void bound_resources(const Options& options) {
    mallopt(M_ARENA_MAX, 2);
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, options.max_connections + options.threads * 4 + 256);
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

// The names under which the database may appear in a message: as given, absolute, resolved, and
// its file name alone when it has an extension ("land.sqlite"; a bare "db" would hide words).
std::vector<std::pair<std::string, std::string>> database_names(const std::string& db) {
    namespace fs = std::filesystem;
    std::error_code ignored;
    std::vector<std::pair<std::string, std::string>> out = {{db, "the database"},
                                                            {fs::absolute(db, ignored).string(), "the database"},
                                                            {fs::weakly_canonical(db, ignored).string(), "the database"}};
    const fs::path name = fs::path(db).filename();
    if (name.has_extension() && name.string().size() > 4) out.emplace_back(name.string(), "the database");
    return out;
}

void add_routes(Router& router, Service& service) {
    add_landing_routes(router, service);
    add_collection_routes(router, service);
    add_item_routes(router, service);
    add_history_routes(router, service);
    add_tile_routes(router, service);
    add_style_routes(router, service);
    add_report_routes(router, service);
    add_report_document_routes(router, service);
    add_write_routes(router, service);
    add_web_asset_routes(router, find_web_dir(service.options.web_dir));
}

tcp::endpoint listen_endpoint(net::io_context& io, const Options& options) {
    boost::system::error_code ec;
    tcp::resolver resolver(io);
    const auto found = resolver.resolve(options.host, std::to_string(options.port), tcp::resolver::passive, ec);
    if (ec || found.empty()) throw libland::usage_error("cannot listen on " + options.host + ": unknown host");
    return found.begin()->endpoint();
}

// Accepts connections until the I/O context stops.
void accept_next(tcp::acceptor& acceptor, net::io_context& io, ConnectionContext& context) {
    acceptor.async_accept(net::make_strand(io), [&acceptor, &io, &context](boost::system::error_code ec, tcp::socket socket) {
        if (!ec) serve_connection(std::move(socket), context);
        if (ec == net::error::operation_aborted) return;
        if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));  // out of descriptors: let some close
        }
        accept_next(acceptor, io, context);
    });
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
    bound_resources(options);

    const std::string upload_folder = std::filesystem::temp_directory_path().string();
    std::vector<std::pair<std::string, std::string>> hidden = database_names(options.db);
    if (!options.read_db.empty()) {
        for (auto& [text, _] : database_names(options.read_db)) hidden.emplace_back(text, "the read database");
    }
    hide_paths(hidden);
    remove_stale_uploads(upload_folder);

    Service service{options, SessionPool(options.db, options.read_db, options.outline_cache_bytes,
                                                page_caches / (options.threads + options.costly_workers)),
                    CostlyWork(options.costly_workers, costly_waiting, cached_answers, cached_bytes), {},
                    LruCache(options.tile_cache_bytes)};
    Router router;
    add_routes(router, service);
    libland::Store keys = libland::Store::open(options.db);
    std::optional<libland::Store> read_keys;
    if (!options.read_db.empty()) read_keys.emplace(libland::Store::open(options.read_db, libland::Store::Access::read_only));
    ConnectionContext context{options, router};
    context.upload_folder = upload_folder;
    context.keys = &keys;
    context.read_keys = read_keys ? &*read_keys : &keys;

    net::io_context io(static_cast<int>(io_threads));
    tcp::acceptor acceptor(io);
    {
        const tcp::endpoint endpoint = listen_endpoint(io, options);
        boost::system::error_code ec;
        acceptor.open(endpoint.protocol(), ec);
        if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor.bind(endpoint, ec);
        if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
        if (ec) throw libland::usage_error("cannot listen on " + options.host + ":" + std::to_string(options.port));
    }
    const unsigned short port = acceptor.local_endpoint().port();
    const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    context.base_url = options.public_url.empty() ? "http://" + host + ":" + std::to_string(port) : options.public_url;
    if (const std::size_t slash = context.base_url.find('/', context.base_url.find("//") + 2); slash != std::string::npos) {
        context.site_path = context.base_url.substr(slash);
    }
    WorkQueue queue(options.threads, options.max_queue, options.workers);  // before `io` ends: its jobs hold connections
    context.queue = &queue;
    std::fprintf(stderr, "landd: serving %s on http://%s:%u/\n", options.db.c_str(), host.c_str(), port);
    if (read_keys) std::fprintf(stderr, "landd: reads from %s; writes go to --db\n", read_keys->path().c_str());
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
    std::thread seeder([&] { seed_tiles(service, stopping); });
    std::thread stopper([&io, &stopping, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        stopping = true;
        io.stop();
    });
    accept_next(acceptor, io, context);
    std::vector<std::thread> io_runners;
    for (unsigned i = 1; i < io_threads; ++i) io_runners.emplace_back([&io] { io.run(); });
    io.run();
    for (std::thread& t : io_runners) t.join();
    stopper.join();
    warm_up.join();
    seeder.join();
    return 0;
}

}  // namespace landd
