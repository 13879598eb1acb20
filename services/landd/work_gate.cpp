// The first-come first-served gate.
#include "work_gate.hpp"

namespace landd {

WorkGate::Pass::Pass(WorkGate& gate) : gate_(gate) {
    std::unique_lock lock(gate_.mutex_);
    const std::uint64_t ticket = gate_.next_ticket_++;
    gate_.turn_.wait(lock, [&] { return ticket == gate_.admitted_ && gate_.at_work_ < gate_.width_; });
    ++gate_.admitted_;
    ++gate_.at_work_;
    gate_.turn_.notify_all();  // the next ticket may fit too
}

WorkGate::Pass::~Pass() {
    {
        const std::lock_guard lock(gate_.mutex_);
        --gate_.at_work_;
    }
    gate_.turn_.notify_all();
}

std::uint64_t WorkGate::arrivals() {
    const std::lock_guard lock(mutex_);
    return next_ticket_;
}

}  // namespace landd
