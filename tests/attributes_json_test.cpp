// Parcel attributes as stored (a JSON object): what is written is read back with the fields'
// types, on the fast path (a flat object of scalars) and on the general one (anything else).
#define BOOST_TEST_MODULE attributes_json
#include <boost/test/unit_test.hpp>

#include "store/attributes_json.hpp"

#include <libland/error.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace libland;
using store::attributes_from_json;
using store::attributes_to_json;

namespace {

const std::vector<Field> fields{{"soThua", FieldType::integer},
                                {"dienTich", FieldType::real},
                                {"chuSuDung", FieldType::string},
                                {"ngay", FieldType::date}};

}  // namespace

BOOST_AUTO_TEST_CASE(written_values_come_back_with_their_types) {
    const std::vector<Value> values{std::int64_t{9007199254740993}, 0.1, std::string("Nguyễn Văn \"A\"\n"),
                                    std::monostate{}};
    const std::vector<Value> back = attributes_from_json(fields, attributes_to_json(fields, values));
    BOOST_TEST_REQUIRE(back.size() == values.size());
    BOOST_TEST((back[0] == values[0]));
    BOOST_TEST((back[1] == values[1]));
    BOOST_TEST((back[2] == values[2]));
    BOOST_TEST(std::holds_alternative<std::monostate>(back[3]));
}

BOOST_AUTO_TEST_CASE(values_are_converted_to_the_fields_types) {
    // Keys in any order, unknown keys ignored, missing fields null, the last duplicate wins.
    const std::vector<Value> v = attributes_from_json(
        fields, R"({"dienTich": 12, "extra": [1, {"a": 2}], "soThua": 7.9, "soThua": 8.0, "ngay": "2024-06-30"})");
    BOOST_TEST((v[0] == Value{std::int64_t{8}}));
    BOOST_TEST((v[1] == Value{12.0}));
    BOOST_TEST(std::holds_alternative<std::monostate>(v[2]));
    BOOST_TEST((v[3] == Value{std::string("2024-06-30")}));
    // A number or a boolean in a text field is kept as its JSON text; text in a number field is null.
    const std::vector<Value> w = attributes_from_json(fields, R"({"chuSuDung": 42, "ngay": true, "soThua": "x"})");
    BOOST_TEST((w[2] == Value{std::string("42")}));
    BOOST_TEST((w[3] == Value{std::string("true")}));
    BOOST_TEST(std::holds_alternative<std::monostate>(w[0]));
    const std::vector<Value> nested = attributes_from_json(fields, R"({"chuSuDung": {"ten": "A"}})");
    BOOST_TEST((nested[2] == Value{std::string(R"({"ten":"A"})")}));
}

BOOST_AUTO_TEST_CASE(corrupt_json_is_an_input_error) {
    BOOST_CHECK_THROW(attributes_from_json(fields, R"({"soThua": 1)"), input_error);
    BOOST_CHECK_THROW(attributes_from_json(fields, R"({"soThua": 1} trailing)"), input_error);
    BOOST_CHECK_THROW(attributes_from_json(fields, ""), input_error);
}

BOOST_AUTO_TEST_CASE(escapes_and_text_that_is_not_utf8) {
    // Keys and text with JSON escapes are read unescaped.
    const std::vector<Value> v = attributes_from_json(fields, R"({"so\u0054hua": 5, "chuSuDung": "Ch\u00f9a \"Linh\""})");
    BOOST_TEST((v[0] == Value{std::int64_t{5}}));
    BOOST_TEST((v[2] == Value{std::string("Chùa \"Linh\"")}));
    // A byte that is not UTF-8 inside a string is corrupt text, on either path.
    BOOST_CHECK_THROW(attributes_from_json(fields, "{\"chuSuDung\": \"Ch\xf9\x61\"}"), input_error);
    // JSON null (no object at all) reads as every field null.
    for (const Value& value : attributes_from_json(fields, "null")) BOOST_TEST(std::holds_alternative<std::monostate>(value));
}
