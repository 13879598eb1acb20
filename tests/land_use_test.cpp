#define BOOST_TEST_MODULE land_use
#include <boost/test/unit_test.hpp>

#include <libland/land_use.hpp>

#include <set>
#include <string>

using namespace libland;

BOOST_AUTO_TEST_CASE(a_leaf_code_has_its_group_and_category) {
    const auto luc = find_land_use("LUC");
    BOOST_TEST_REQUIRE(luc.has_value());
    BOOST_TEST(luc->group == "LUA");
    BOOST_TEST(luc->category == "NNP");
    BOOST_TEST(luc->successor.empty());
    const auto odt = find_land_use("ODT");
    BOOST_TEST_REQUIRE(odt.has_value());
    BOOST_TEST(odt->category == "PNN");
    BOOST_TEST(find_land_use("NCS")->category == "CSD");
}

BOOST_AUTO_TEST_CASE(codes_merged_in_2024_name_their_successor) {
    BOOST_TEST(find_land_use("BHK")->successor == "HNK");
    BOOST_TEST(find_land_use("NHK")->successor == "HNK");
    BOOST_TEST(find_land_use("DDT")->successor == "DDD");
    BOOST_TEST(find_land_use("DDL")->successor == "DDD");
}

BOOST_AUTO_TEST_CASE(new_2024_codes_are_known) {
    for (const char* code : {"HNK", "DDD", "CNT"}) {
        BOOST_TEST(find_land_use(code).has_value(), code);
    }
}

BOOST_AUTO_TEST_CASE(unknown_and_wrongly_cased_codes_are_not_found) {
    BOOST_TEST(!find_land_use("XYZ").has_value());
    BOOST_TEST(!find_land_use("luc").has_value());
    BOOST_TEST(!find_land_use("").has_value());
    // Group codes aggregate leaf codes; they are not leaf codes themselves.
    BOOST_TEST(!find_land_use("NNP").has_value());
    BOOST_TEST(!find_land_use("LUA").has_value());
}

BOOST_AUTO_TEST_CASE(the_list_is_consistent) {
    std::set<std::string> seen;
    for (const LandUse& u : land_use_codes()) {
        BOOST_TEST(u.code.size() == 3u, u.code);
        BOOST_TEST(seen.insert(std::string(u.code)).second, "listed twice: " << u.code);
        const std::set<std::string_view> categories{"NNP", "PNN", "CSD"};
        BOOST_TEST(categories.count(u.category) == 1u, u.code);
        BOOST_TEST(!u.name.empty(), u.code);
        if (!u.successor.empty()) {
            const auto next = find_land_use(u.successor);
            BOOST_TEST_REQUIRE(next.has_value(), u.code);
            BOOST_TEST(next->successor.empty(), "successor of " << u.code << " is itself replaced");
            BOOST_TEST(next->category == u.category, u.code);
        }
    }
    // Every leaf code the domain notes list for the 2018 circular, counted by hand: 53, plus the three new 2024 codes.
    BOOST_TEST(seen.size() == 53u + 3u);
}
