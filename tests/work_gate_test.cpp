// landd's first-come first-served gate (services/landd/work_gate.cpp): never more than its width
// at work at once, and admitted in arrival order.
#define BOOST_TEST_MODULE work_gate
#include <boost/test/unit_test.hpp>

#include "work_gate.hpp"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using landd::WorkGate;

BOOST_AUTO_TEST_CASE(never_more_than_its_width_at_work) {
    WorkGate gate(2);
    std::atomic<int> at_work = 0, most = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 12; ++i) {
        threads.emplace_back([&] {
            const WorkGate::Pass pass(gate);
            const int now = ++at_work;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            --at_work;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(most.load() == 2);
}

BOOST_AUTO_TEST_CASE(admits_in_arrival_order) {
    WorkGate gate(1);
    std::vector<int> order;
    std::mutex order_mutex;
    std::vector<std::thread> threads;
    {
        const WorkGate::Pass holder(gate);  // everyone queues behind this
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back([&, i] {
                const WorkGate::Pass pass(gate);
                const std::lock_guard lock(order_mutex);
                order.push_back(i);
            });
            while (gate.arrivals() < static_cast<std::uint64_t>(i) + 2) std::this_thread::yield();  // queued
        }
    }
    for (auto& t : threads) t.join();
    BOOST_TEST(order == (std::vector<int>{0, 1, 2, 3, 4, 5}));
}
