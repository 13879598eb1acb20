#pragma once
// At most N requests at work at once, admitted in arrival order. With one worker thread per
// connection, dozens of threads would otherwise share the few cores and the unlucky ones wait far
// longer than the rest; a first-come first-served gate keeps the latency of every request close
// to the mean.
#include <condition_variable>
#include <deque>
#include <cstdint>
#include <mutex>

namespace landd {

class WorkGate {
public:
    // REQUIRES: width >= 1.
    explicit WorkGate(unsigned width) : width_(width) {}

    // Holds a place at work while alive.
    class Pass {
    public:
        explicit Pass(WorkGate& gate);
        ~Pass();
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;

    private:
        WorkGate& gate_;
    };

    // Returns how many passes were asked for so far (admitted or waiting).
    [[nodiscard]] std::uint64_t arrivals();

private:
    // One waiting request: a place at work is handed to it directly, and only it is woken.
    struct Waiter {
        std::condition_variable turn;
        bool admitted = false;
    };

    std::mutex mutex_;
    std::deque<Waiter*> waiting_;  // in arrival order
    std::uint64_t arrivals_ = 0;
    unsigned at_work_ = 0;
    unsigned width_;
};

}  // namespace landd
