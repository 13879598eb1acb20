#include "diff/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace libland::change_detection {

unsigned worker_count(unsigned threads) noexcept {
    if (threads != 0) return threads;
    return std::max(1U, std::thread::hardware_concurrency());
}

void parallel_chunks(std::size_t n, std::size_t chunk, unsigned threads,
                     const std::function<void(detail::GeosContext&, std::size_t, std::size_t)>& work,
                     const std::function<void(double)>& done) {
    chunk = std::max<std::size_t>(chunk, 1);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;

    auto worker = [&](bool caller) {
        detail::GeosContext ctx;
        while (!failed.load(std::memory_order_relaxed)) {
            const std::size_t begin = next.fetch_add(chunk);
            if (begin >= n) return;
            try {
                work(ctx, begin, std::min(n, begin + chunk));
                if (caller && done) done(std::min(1.0, static_cast<double>(begin + chunk) / static_cast<double>(n)));
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
                failed = true;
            }
        }
    };

    const auto workers = static_cast<unsigned>(
        std::min<std::size_t>(worker_count(threads), (n + chunk - 1) / chunk));
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < workers; ++i) pool.emplace_back(worker, false);
    worker(true);  // the calling thread works too
    for (auto& t : pool) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace libland::change_detection
