#pragma once
// One client connection, served with Boost.Beast on the I/O thread: the headers are read under a
// deadline and judged before any body is read (route, method, size, key, content type); a body
// is then read under its own deadline, small ones into memory and surveys streamed to a temporary
// file; the request runs on a request thread (WorkQueue) and the answer is written back here. An
// idle keep-alive connection costs no thread.
#include "http.hpp"
#include "options.hpp"
#include "work_queue.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace libland {
class Store;
}

namespace landd {

// What the connections share.
struct ConnectionContext {
    ConnectionContext(const Options& options_, const Router& router_) : options(options_), router(router_) {}

    const Options& options;
    const Router& router;
    WorkQueue* queue = nullptr;
    std::string base_url;          // links are built on it
    std::string site_path;         // base_url's path ("" or e.g. "/landd"), see under_site_path
    std::string upload_folder;     // where uploads are streamed ("landd-upload-PID-XXXXXX")
    std::atomic<unsigned> open{0};  // connections open now
    // Checks keys when the headers arrive (one connection of its own, used under the mutex).
    std::mutex keys_mutex;
    libland::Store* keys = nullptr;
};

// Serves the accepted socket until the client or a deadline ends it. When more than
// --max-connections are open, answers 503 with Retry-After and closes.
void serve_connection(boost::asio::ip::tcp::socket socket, ConnectionContext& context);

// Removes uploads and printed reports left behind by a landd that was killed (their process no
// longer runs).
void remove_stale_uploads(const std::string& folder);

}  // namespace landd
