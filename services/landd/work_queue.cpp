// The request threads.
#include "work_queue.hpp"

#include <malloc.h>

#include <chrono>

namespace landd {

WorkQueue::WorkQueue(unsigned threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
    threads_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkQueue::~WorkQueue() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
}

bool WorkQueue::try_push(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || jobs_.size() >= max_waiting_) return false;
        jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
}

void WorkQueue::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            if (!ready_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_ || !jobs_.empty(); })) {
                // Idle for a second after work: give the memory freed back to the system (glibc
                // keeps it in its arenas otherwise); one idle thread does it for all.
                if (worked_) {
                    worked_ = false;
                    lock.unlock();
                    malloc_trim(0);
                }
                continue;
            }
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            worked_ = true;
        }
        job();
    }
}

}  // namespace landd
