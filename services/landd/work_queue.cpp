// The request threads and their two lanes.
#include "work_queue.hpp"

#include <malloc.h>

#include <chrono>
#include <utility>

namespace landd {

WorkQueue::WorkQueue(unsigned threads, std::size_t max_waiting, unsigned read_width)
    : read_width_(read_width), max_waiting_(max_waiting) {
    threads_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkQueue::~WorkQueue() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        reads_.clear();
        others_.clear();
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
}

bool WorkQueue::try_push(std::function<void()> job, bool read) {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || reads_.size() + others_.size() >= max_waiting_) return false;
        (read ? reads_ : others_).push_back(Waiting{std::move(job), arrivals_++});
        if (read && reads_running_ >= read_width_) return true;  // a finishing read takes it
    }
    ready_.notify_one();
    return true;
}

void WorkQueue::work() {
    bool was_read = false;  // the job this thread ran last was a read
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            if (was_read) --reads_running_;
            const auto has_work = [&] { return stopping_ || !others_.empty() || read_may_start(); };
            if (!ready_.wait_for(lock, std::chrono::seconds(1), has_work)) {
                // Idle for a second after work: give the memory freed back to the system (glibc
                // keeps it in its arenas otherwise); one idle thread does it for all.
                was_read = false;
                if (worked_) {
                    worked_ = false;
                    lock.unlock();
                    malloc_trim(0);
                }
                continue;
            }
            if (stopping_) return;
            was_read = read_may_start() && (others_.empty() || reads_.front().arrival < others_.front().arrival);
            std::deque<Waiting>& lane = was_read ? reads_ : others_;
            job = std::move(lane.front().job);
            lane.pop_front();
            if (was_read) ++reads_running_;
            worked_ = true;
            // A read that may start while this thread takes another job needs another thread.
            if (!was_read && read_may_start()) ready_.notify_one();
        }
        job();
    }
}

}  // namespace landd
