#pragma once
// The threads that run requests, and the bounded line of requests waiting for one: a request
// that finds the line full is refused at once (503) instead of waiting without end. A second
// after the last job, freed memory is given back to the system (malloc_trim).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace landd {

class WorkQueue {
public:
    // Starts `threads` threads. REQUIRES: threads >= 1, max_waiting >= 1.
    WorkQueue(unsigned threads, std::size_t max_waiting);
    // Stops: jobs not yet started are dropped, running ones finish.
    ~WorkQueue();
    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    // Queues the job; returns false (and drops it) when `max_waiting` jobs already wait.
    [[nodiscard]] bool try_push(std::function<void()> job);

private:
    void work();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::size_t max_waiting_;
    bool stopping_ = false;
    bool worked_ = false;  // a job ran since memory was last trimmed
    std::vector<std::thread> threads_;
};

}  // namespace landd
