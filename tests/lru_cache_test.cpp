// landd's store of kept answers (services/landd/lru_cache.cpp): answers found by their own key
// only, the byte bound held, the least recently used forgotten first, and keep_if_seen keeping an
// answer from the second time its key is offered.
#define BOOST_TEST_MODULE lru_cache
#include <boost/test/unit_test.hpp>

#include "lru_cache.hpp"

#include <string>
#include <thread>
#include <vector>

using landd::LruCache;

BOOST_AUTO_TEST_CASE(answers_are_found_by_their_own_key) {
    LruCache cache(1 << 20);
    cache.keep("a", "first");
    cache.keep(std::string("b\0c", 3), "second");
    BOOST_TEST(cache.find("a").value_or("") == "first");
    BOOST_TEST(cache.find(std::string("b\0c", 3)).value_or("") == "second");
    BOOST_TEST(!cache.find("b").has_value());
    BOOST_TEST(cache.contains("a"));
    BOOST_TEST(!cache.contains("b"));
    std::string out = "x";
    BOOST_TEST(cache.append("a", out));
    BOOST_TEST(out == "xfirst");
    BOOST_TEST(!cache.append("missing", out));
    BOOST_TEST(out == "xfirst");
    cache.keep("a", "changed");  // a key kept already keeps its answer
    BOOST_TEST(cache.find("a").value_or("") == "first");
}

BOOST_AUTO_TEST_CASE(the_bound_holds_and_the_least_recently_used_go_first) {
    const std::size_t bound = 16 * 4096;  // 4 KiB per shard
    LruCache cache(bound);
    const std::string answer(200, 'x');
    for (int i = 0; i < 2000; ++i) {
        cache.keep("key " + std::to_string(i), answer);
        (void)cache.find("key 0");  // used all along: never forgotten
        BOOST_REQUIRE(cache.bytes() <= bound);
    }
    BOOST_TEST(cache.find("key 0").has_value());
    BOOST_TEST(cache.find("key 1999").has_value());
    int kept = 0;
    for (int i = 1; i < 2000; ++i) kept += cache.find("key " + std::to_string(i)).has_value() ? 1 : 0;
    BOOST_TEST(kept < 400);
    BOOST_TEST(kept > 50);
    BOOST_TEST(!cache.find("key 1").has_value());  // the oldest, never used again
    cache.keep("too large", std::string(bound, 'y'));
    BOOST_TEST(!cache.find("too large").has_value());
}

BOOST_AUTO_TEST_CASE(keep_if_seen_keeps_from_the_second_offer) {
    LruCache cache(1 << 20);
    cache.keep_if_seen("outline", "[[1,2]]");
    BOOST_TEST(!cache.find("outline").has_value());
    cache.keep_if_seen("outline", "[[1,2]]");
    BOOST_TEST(cache.find("outline").value_or("") == "[[1,2]]");
}

BOOST_AUTO_TEST_CASE(threads_keep_and_find_together) {
    LruCache cache(1 << 16);
    std::vector<std::thread> threads;
    std::vector<int> wrong(8, 0);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&cache, &wrong, t] {
            for (int i = 0; i < 20000; ++i) {
                const std::string key = std::to_string((i * 7 + t) % 3000);
                if (const auto found = cache.find(key); found && *found != "answer of " + key) ++wrong[t];
                cache.keep(key, "answer of " + key);
            }
        });
    }
    for (std::thread& t : threads) t.join();
    for (int w : wrong) BOOST_TEST(w == 0);
    BOOST_TEST(cache.bytes() <= std::size_t{1} << 16);
}
