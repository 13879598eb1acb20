#pragma once
// The threads that run requests, and the bounded line of requests waiting for one: a request
// that finds the line full is refused at once (503) instead of waiting without end. Reads from
// the database wait in a lane of their own and at most `read_width` of them run at once, taken
// in arrival order: with more request threads than cores, reads sharing the cores unevenly would
// make the unlucky ones wait far longer than the rest, and a read that waited on a thread instead
// of in the line cost two context switches and an idle core while its thread woke. Other jobs
// (writes, which may take seconds) run on any free thread. A second after the last job, freed
// memory is given back to the system (malloc_trim).
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace landd {

class WorkQueue {
public:
    // Starts `threads` threads. REQUIRES: threads >= 1, max_waiting >= 1, read_width >= 1.
    WorkQueue(unsigned threads, std::size_t max_waiting, unsigned read_width);
    // Stops: jobs not yet started are dropped, running ones finish.
    ~WorkQueue();
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    // Queues the job (in the reads' lane when `read`); returns false (and drops it) when
    // `max_waiting` jobs already wait.
    [[nodiscard]] bool try_push(std::function<void()> job, bool read = false);

private:
    struct Waiting {
        std::function<void()> job;
        std::uint64_t arrival;  // jobs of both lanes start in arrival order when they may
    };
    void work();
    // REQUIRES: mutex_ held. Whether a waiting read may start now.
    [[nodiscard]] bool read_may_start() const noexcept { return !reads_.empty() && reads_running_ < read_width_; }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Waiting> reads_;
    std::deque<Waiting> others_;
    std::uint64_t arrivals_ = 0;
    unsigned reads_running_ = 0;
    unsigned read_width_;
    std::size_t max_waiting_;
    bool stopping_ = false;
    bool worked_ = false;  // a job ran since memory was last trimmed
    std::vector<std::thread> threads_;
};

}  // namespace landd
