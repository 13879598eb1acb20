// landd's request threads (services/landd/work_queue.cpp): never more reads at work than the
// reads' width, reads started in arrival order, other jobs never held up by waiting reads, and a
// full line refused.
#define BOOST_TEST_MODULE work_queue
#include <boost/test/unit_test.hpp>

#include "work_queue.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using landd::WorkQueue;
using namespace std::chrono_literals;

namespace {

// Waits (up to 10 s) until `done` reaches `count`.
bool reaches(const std::atomic<int>& done, int count) {
    for (int i = 0; i < 10000 && done.load() < count; ++i) std::this_thread::sleep_for(1ms);
    return done.load() >= count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(never_more_reads_at_work_than_the_width) {
    std::atomic<int> at_work = 0, most = 0, done = 0;
    {
        WorkQueue queue(8, 100, 2);
        for (int i = 0; i < 24; ++i) {
            BOOST_TEST(queue.try_push([&] {
                const int now = ++at_work;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(3ms);
                --at_work;
                ++done;
            }, true));
        }
        BOOST_TEST(reaches(done, 24));
    }
    BOOST_TEST(most.load() == 2);
}

BOOST_AUTO_TEST_CASE(reads_start_in_arrival_order_and_other_jobs_pass_waiting_reads) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::vector<int> order;
    std::mutex order_mutex;
    std::atomic<int> done = 0;
    std::atomic<bool> write_ran = false;
    {
        WorkQueue queue(4, 100, 1);
        BOOST_TEST(queue.try_push([&] { released.wait(); ++done; }, true));  // holds the only read place
        std::this_thread::sleep_for(20ms);
        for (int i = 0; i < 6; ++i) {
            BOOST_TEST(queue.try_push([&, i] {
                const std::lock_guard lock(order_mutex);
                order.push_back(i);
                ++done;
            }, true));
        }
        // A write arrives behind six waiting reads and runs at once on a free thread.
        BOOST_TEST(queue.try_push([&] { write_ran = true; ++done; }));
        for (int i = 0; i < 1000 && !write_ran; ++i) std::this_thread::sleep_for(1ms);
        BOOST_TEST(write_ran.load());
        {
            const std::lock_guard lock(order_mutex);
            BOOST_TEST(order.empty());  // the reads still wait for the place
        }
        release.set_value();
        BOOST_TEST(reaches(done, 8));
    }
    BOOST_TEST(order == (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(a_full_line_is_refused) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<int> done = 0;
    {
        WorkQueue queue(1, 2, 1);
        BOOST_TEST(queue.try_push([&] { released.wait(); ++done; }));  // the only thread, busy
        std::this_thread::sleep_for(20ms);
        BOOST_TEST(queue.try_push([&] { ++done; }, true));
        BOOST_TEST(queue.try_push([&] { ++done; }));
        BOOST_TEST(!queue.try_push([&] { ++done; }, true));  // two wait already
        release.set_value();
        BOOST_TEST(reaches(done, 3));
    }
    BOOST_TEST(done.load() == 3);
}
