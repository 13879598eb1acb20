// The first-come first-served gate.
#include "work_gate.hpp"

namespace landd {

// A leaving request hands its place to the first waiter, if any, and wakes that one alone
// (waking every waiter to let one through cost more than the requests' own locking).
WorkGate::Pass::Pass(WorkGate& gate) : gate_(gate) {
    std::unique_lock lock(gate_.mutex_);
    ++gate_.arrivals_;
    if (gate_.waiting_.empty() && gate_.at_work_ < gate_.width_) {
        ++gate_.at_work_;
        return;
    }
    Waiter me;
    gate_.waiting_.push_back(&me);
    me.turn.wait(lock, [&] { return me.admitted; });  // at_work_ already counts this request
}

WorkGate::Pass::~Pass() {
    const std::lock_guard lock(gate_.mutex_);
    if (gate_.waiting_.empty()) {
        --gate_.at_work_;
        return;
    }
    Waiter* next = gate_.waiting_.front();
    gate_.waiting_.pop_front();
    next->admitted = true;
    next->turn.notify_one();  // under the lock: the waiter's condition variable lives on its stack
}

std::uint64_t WorkGate::arrivals() {
    const std::lock_guard lock(mutex_);
    return arrivals_;
}

}  // namespace landd
