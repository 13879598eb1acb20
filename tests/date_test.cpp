#define BOOST_TEST_MODULE date
#include <boost/test/unit_test.hpp>

#include <libland/date.hpp>
#include <libland/error.hpp>

#include <chrono>
#include <cstdio>
#include <string>

using namespace libland;

BOOST_AUTO_TEST_CASE(real_calendar_dates_are_read_as_they_are) {
    for (const char* text : {"2024-01-01", "2024-02-29", "2000-02-29", "1900-12-31", "9999-12-31", "0001-01-01"}) {
        BOOST_TEST(parse_civil_date(text).value_or("none") == text);
    }
}

BOOST_AUTO_TEST_CASE(anything_but_yyyy_mm_dd_is_not_a_date) {
    for (const char* text : {"2024-+1-+1", "2024- 1- 1", "2024-1-1", "24-01-01", "2024-01-01 ", " 2024-01-01",
                             "2024-01-01T", "2024/01/01", "2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31",
                             "2023-02-29", "1900-02-29", "2100-02-29", "20240101", "", "abcd-ef-gh",
                             "+2024-01-01", "2024-01-1x", "12024-01-01"}) {
        BOOST_TEST(!parse_civil_date(text).has_value(), text);
        BOOST_CHECK_THROW((void)civil_date(text), usage_error);
    }
}

BOOST_AUTO_TEST_CASE(the_refusal_names_the_text) {
    try {
        (void)civil_date("2024-+1-+1");
        BOOST_FAIL("accepted");
    } catch (const usage_error& e) {
        BOOST_TEST(std::string(e.what()) == "'2024-+1-+1' is not a date (YYYY-MM-DD)");
    }
}

BOOST_AUTO_TEST_CASE(datetimes_map_to_the_civil_date_in_vietnam) {
    BOOST_TEST(parse_vietnam_date("2024-03-01").value() == "2024-03-01");
    BOOST_TEST(parse_vietnam_date("2020-01-02T").value() == "2020-01-02");  // GDAL's form
    BOOST_TEST(parse_vietnam_date("2024-03-01T10:00:00Z").value() == "2024-03-01");
    BOOST_TEST(parse_vietnam_date("2024-03-01T16:59:59Z").value() == "2024-03-01");
    BOOST_TEST(parse_vietnam_date("2024-03-01T17:00:00Z").value() == "2024-03-02");
    BOOST_TEST(parse_vietnam_date("2024-03-01t17:00:00z").value() == "2024-03-02");
    BOOST_TEST(parse_vietnam_date("2024-03-01 17:00:00.250Z").value() == "2024-03-02");
    BOOST_TEST(parse_vietnam_date("2024-03-01T23:30:00+07:00").value() == "2024-03-01");
    BOOST_TEST(parse_vietnam_date("2024-03-01T00:30:00+09:00").value() == "2024-02-29");
    BOOST_TEST(parse_vietnam_date("2024-12-31T20:00:00-05:00").value() == "2025-01-01");
    BOOST_TEST(parse_vietnam_date("2023-12-31T23:59:60Z").value() == "2024-01-01");  // leap second
}

BOOST_AUTO_TEST_CASE(malformed_datetimes_are_refused) {
    for (const char* text : {"2024-03-01T10:00:00", "2024-03-01T24:00:00Z", "2024-03-01T10:60:00Z",
                             "2024-03-01T10:00Z", "2024-03-01T10:00:00+7:00", "2024-03-01T10:00:00+07",
                             "2024-03-01T10:00:00.Z", "2024-03-01T10:00:00Zjunk", "2024-03-01 ",
                             "2024-03-01X10:00:00Z", "2024-+1-+1T10:00:00Z", "2024-02-30T10:00:00Z",
                             "2024-03-01T10:00:00+24:00", "9999-12-31T20:00:00Z"}) {
        BOOST_TEST(!parse_vietnam_date(text).has_value(), text);
    }
}

BOOST_AUTO_TEST_CASE(today_is_the_civil_date_at_utc_plus_seven) {
    using namespace std::chrono;
    const auto vietnam = [] {
        const year_month_day d{floor<days>(system_clock::now() + hours{7})};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                      static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
        return std::string(text);
    };
    const std::string before = vietnam();
    const std::string today = today_in_vietnam();
    const std::string after = vietnam();
    BOOST_TEST((today == before || today == after));
}

BOOST_AUTO_TEST_CASE(record_dates_after_today_or_before_1900_are_refused_naming_them) {
    BOOST_CHECK_NO_THROW(check_record_date(today_in_vietnam()));
    BOOST_CHECK_NO_THROW(check_record_date("1900-01-01"));
    try {
        check_record_date("2205-03-01");
        BOOST_FAIL("a date in 2205 was accepted");
    } catch (const usage_error& e) {
        BOOST_TEST(std::string(e.what()).find("the date 2205-03-01 is after today (") == 0u, e.what());
    }
    try {
        check_record_date("1899-12-31");
        BOOST_FAIL("a date in 1899 was accepted");
    } catch (const usage_error& e) {
        BOOST_TEST(std::string(e.what()).find("the date 1899-12-31 is before 1900-01-01") == 0u, e.what());
    }
    BOOST_CHECK_THROW(check_record_date("2024-13-01"), usage_error);
}
