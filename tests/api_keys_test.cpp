// The services' API keys (services/api_keys): keys drawn at random, shown once, kept by the
// database as their SHA-256 only.
#define BOOST_TEST_MODULE api_keys
#include <boost/test/unit_test.hpp>

#include "api_keys.hpp"
#include "store_fixtures.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

using namespace libland;
using libland::test::fresh_database;

BOOST_AUTO_TEST_CASE(a_key_is_random_and_its_digest_is_its_sha256) {
    const std::string a = api_keys::draw(), b = api_keys::draw();
    BOOST_TEST(a != b);
    BOOST_TEST(a.size() == 67u);
    BOOST_TEST(a.rfind("lk_", 0) == 0u);
    // FIPS 180-2's example: SHA-256("abc").
    BOOST_TEST(api_keys::digest("abc").sha256_hex ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(api_keys_are_shown_once_and_checked_by_hash) {
    Store store = Store::create(fresh_database("api_keys", "keys.sqlite"), "EPSG:5897");
    const std::string officer = api_keys::add(store, "phong-dang-ky", KeyRole::officer);
    const std::string reader = api_keys::add(store, "du-lich", KeyRole::reader);
    BOOST_TEST(officer != reader);
    BOOST_TEST(officer.size() >= 32u);
    BOOST_TEST((api_keys::role(store, officer) == KeyRole::officer));
    BOOST_TEST((api_keys::role(store, reader) == KeyRole::reader));
    BOOST_TEST((store.key_role(api_keys::digest(reader)) == KeyRole::reader));
    BOOST_TEST(!api_keys::role(store, officer + "x").has_value());
    BOOST_TEST(!api_keys::role(store, "").has_value());
    BOOST_TEST(api_keys::name(store, officer).value_or("") == "phong-dang-ky");
    BOOST_TEST(api_keys::record_use(store, reader));
    BOOST_TEST(!api_keys::record_use(store, ""));
    BOOST_CHECK_THROW((void)api_keys::add(store, "du-lich", KeyRole::reader), usage_error);
    try {
        (void)api_keys::add(store, "", KeyRole::reader);
        BOOST_FAIL("a key without a name was added");
    } catch (const usage_error& e) {
        BOOST_TEST(std::string(e.what()) == "an API key needs a name");
    }
}
