// Filters of the store's paged reads (libland/src/query): Vietnamese folding, CQL2 text parsed and
// run in SQLite, property equality, free text, sorting, private fields. Every expected result is
// computed here in plain C++ over the generated features (points in longitude/latitude, distances
// in the working CRS through PROJ), never by the SQL under test.
#define BOOST_TEST_MODULE query
#include <boost/test/unit_test.hpp>

#include "store_fixtures.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>
#include <libland/query.hpp>
#include <libland/store.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <set>

using namespace libland;
using libland::test::commit_info;
using libland::test::grid_survey;

namespace {

struct Site {
    int n = 0;
    std::string name;
    std::optional<std::string> kind;
    std::int64_t rank = 0;
    double score = 0;
    double lon = 0, lat = 0;
};

const char* const names[] = {"Hang Sáng", "Hang Tối", "Đồng Xuân", "Chùa Bái Đính", "Đền Trần", "Động Thiên Hà",
                             "Tam Cốc", "Chùa Linh Quang", "hang mua", "Tràng An"};
const char* const kinds[] = {"cave", "pagoda", "temple", nullptr};

// 240 sites at deterministic pseudo-random places around Ninh Binh.
std::vector<Site> sites() {
    std::vector<Site> out;
    std::uint32_t state = 12345;
    const auto next = [&]() {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) / double(1 << 24);
    };
    for (int n = 0; n < 240; ++n) {
        Site s;
        s.n = n;
        s.name = std::string(names[n % 10]) + " " + std::to_string(n);
        if (const char* k = kinds[(n / 10 + n) % 4]) s.kind = k;
        s.rank = n % 17;
        s.score = std::round(next() * 1000) / 10;
        s.lon = 105.90 + next() * 0.1;
        s.lat = 20.20 + next() * 0.1;
        out.push_back(s);
    }
    return out;
}

struct Fixture {
    Store store;
    std::vector<Site> all = sites();
    Transformer to_working{"EPSG:4326", "EPSG:5897"};

    Fixture() : store(Store::create(test::work_path("query", "sites.sqlite"), "EPSG:5897")) {
        nlohmann::json fc = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
        for (const Site& s : all) {
            nlohmann::json props = {{"n", s.n}, {"name", s.name}, {"rank", s.rank}, {"score", s.score}};
            props["kind"] = s.kind ? nlohmann::json(*s.kind) : nlohmann::json(nullptr);
            fc["features"].push_back({{"type", "Feature"},
                                      {"properties", props},
                                      {"geometry", {{"type", "Point"}, {"coordinates", {s.lon, s.lat}}}}});
        }
        store.load_layer(test::write_work_file("query", "sites.geojson", fc.dump()), "sites");
    }

    // Returns the `n` of the features the filter selects, in the order served.
    std::vector<int> run(const FeatureFilter& filter) {
        std::vector<int> out;
        const LayerPage page = store.query_layer("sites", std::nullopt, std::nullopt, 10000, 0, filter);
        for (const LayerFeature& f : page.features) out.push_back(nlohmann::json::parse(f.properties_json)["n"]);
        BOOST_TEST(page.matched == static_cast<std::int64_t>(out.size()));
        return out;
    }
    std::vector<int> run(const std::string& cql2) {
        FeatureFilter f;
        f.cql2 = cql2;
        return run(f);
    }

    std::vector<int> expected(const std::function<bool(const Site&)>& keep) const {
        std::vector<int> out;
        for (const Site& s : all) {
            if (keep(s)) out.push_back(s.n);
        }
        return out;
    }
};

bool folded_contains(const std::string& text, const std::string& word) {
    return fold_text(text).find(fold_text(word)) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(folding_drops_vietnamese_diacritics_and_case) {
    BOOST_TEST(fold_text("Hang Sáng") == "hang sang");
    BOOST_TEST(fold_text("Đồng Xuân") == "dong xuan");
    BOOST_TEST(fold_text("ĐỒNG XUÂN") == "dong xuan");
    BOOST_TEST(fold_text("đồng") == "dong");
    // The same letters decomposed (NFD: base letter + combining marks) fold alike.
    BOOST_TEST(fold_text("D\xC6\xB0\xCC\x9B\xCC\x81") == fold_text("Dứ"));
    BOOST_TEST(fold_text("Ngh\xE1\xBB\x87 An Ph\xC6\xB0\xE1\xBB\x9D\x6E\x67") == "nghe an phuong");
    BOOST_TEST(fold_text("Đồng", false, true) == "Dong");
    BOOST_TEST(fold_text("ĐỒNG", true, false) == "đồng");
    BOOST_TEST(fold_text("Ơ Ư Ă Â Ê Ô Ỹ") == "o u a a e o y");
    BOOST_TEST(fold_text("bad \xFF byte") == "bad \xFF byte");
    BOOST_TEST(fold_text("") == "");
}

BOOST_FIXTURE_TEST_SUITE(cql2_on_a_layer, Fixture)

BOOST_AUTO_TEST_CASE(comparisons_match_plain_computation) {
    BOOST_TEST(run("kind = 'cave'") == expected([](const Site& s) { return s.kind == "cave"; }));
    BOOST_TEST(run("kind <> 'cave'") == expected([](const Site& s) { return s.kind && *s.kind != "cave"; }));
    BOOST_TEST(run("rank < 5") == expected([](const Site& s) { return s.rank < 5; }));
    BOOST_TEST(run("rank <= 5") == expected([](const Site& s) { return s.rank <= 5; }));
    BOOST_TEST(run("rank > 12") == expected([](const Site& s) { return s.rank > 12; }));
    BOOST_TEST(run("score >= 50.5") == expected([](const Site& s) { return s.score >= 50.5; }));
    BOOST_TEST(run("rank = '3'") == expected([](const Site& s) { return s.rank == 3; }));
    BOOST_TEST(!run("kind = 'cave'").empty());
}

BOOST_AUTO_TEST_CASE(like_in_between_null_and_logic) {
    BOOST_TEST(run("name LIKE 'Hang%'") == expected([](const Site& s) { return s.name.rfind("Hang", 0) == 0; }));
    BOOST_TEST(run("name LIKE 'hang%'") == expected([](const Site& s) { return s.name.rfind("hang", 0) == 0; }));
    BOOST_TEST(run("name LIKE '%n_ 1%'") == expected([](const Site& s) {
        const std::size_t at = s.name.find(" 1");
        return at != std::string::npos && at >= 2 && s.name[at - 2] == 'n';
    }));
    BOOST_TEST(run("CASEI(name) LIKE CASEI('HANG%')") ==
               expected([](const Site& s) { return fold_text(s.name, true, false).rfind("hang", 0) == 0; }));
    BOOST_TEST(run("ACCENTI(name) LIKE ACCENTI('Đong%')") ==
               expected([](const Site& s) { return fold_text(s.name, false, true).rfind("Dong", 0) == 0; }));
    BOOST_TEST(run("kind IN ('cave', 'temple')") ==
               expected([](const Site& s) { return s.kind == "cave" || s.kind == "temple"; }));
    BOOST_TEST(run("kind NOT IN ('cave', 'temple')") ==
               expected([](const Site& s) { return s.kind && s.kind != "cave" && s.kind != "temple"; }));
    BOOST_TEST(run("rank BETWEEN 3 AND 6") == expected([](const Site& s) { return s.rank >= 3 && s.rank <= 6; }));
    BOOST_TEST(run("rank NOT BETWEEN 3 AND 6") == expected([](const Site& s) { return s.rank < 3 || s.rank > 6; }));
    BOOST_TEST(run("kind IS NULL") == expected([](const Site& s) { return !s.kind; }));
    BOOST_TEST(run("kind IS NOT NULL") == expected([](const Site& s) { return s.kind.has_value(); }));
    BOOST_TEST(run("kind = 'cave' AND (rank < 4 OR score > 90)") ==
               expected([](const Site& s) { return s.kind == "cave" && (s.rank < 4 || s.score > 90); }));
    BOOST_TEST(run("NOT (kind = 'cave') and rank = 2") ==
               expected([](const Site& s) { return s.kind && s.kind != "cave" && s.rank == 2; }));
    BOOST_TEST(run("kind='pagoda' or kind='temple' or rank=16") ==
               expected([](const Site& s) { return s.kind == "pagoda" || s.kind == "temple" || s.rank == 16; }));
}

BOOST_AUTO_TEST_CASE(spatial_filters_match_geometry_computed_here) {
    BOOST_TEST(run("S_INTERSECTS(geometry, BBOX(105.92, 20.22, 105.96, 20.27))") == expected([](const Site& s) {
        return s.lon >= 105.92 && s.lon <= 105.96 && s.lat >= 20.22 && s.lat <= 20.27;
    }));
    // A triangle: inside when on the same side of its three edges.
    const double ax = 105.91, ay = 20.21, bx = 105.99, by = 20.22, cx = 105.94, cy = 20.29;
    const auto side = [](double x1, double y1, double x2, double y2, double px, double py) {
        return (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
    };
    const std::vector<int> triangle = expected([&](const Site& s) {
        return side(ax, ay, bx, by, s.lon, s.lat) > 0 && side(bx, by, cx, cy, s.lon, s.lat) > 0 &&
               side(cx, cy, ax, ay, s.lon, s.lat) > 0;
    });
    BOOST_TEST(!triangle.empty());
    BOOST_TEST(run("S_INTERSECTS(geometry, POLYGON((105.91 20.21, 105.99 20.22, 105.94 20.29, 105.91 20.21)))") ==
               triangle);
    // Within 2 km of a point: distances in the working CRS (VN-2000 / TM-3, metres).
    const Point centre = to_working({105.95, 20.25});
    const std::vector<int> near = expected([&](const Site& s) {
        const Point p = to_working({s.lon, s.lat});
        return std::hypot(p.x - centre.x, p.y - centre.y) <= 2000;
    });
    BOOST_TEST(!near.empty());
    BOOST_TEST(near.size() < all.size());
    BOOST_TEST(run("S_DWITHIN(geometry, POINT(105.95 20.25), 2000)") == near);
    BOOST_TEST(run("S_DWITHIN(geometry, POINT(105.95 20.25), 2000) AND kind = 'cave'") == expected([&](const Site& s) {
        const Point p = to_working({s.lon, s.lat});
        return std::hypot(p.x - centre.x, p.y - centre.y) <= 2000 && s.kind == "cave";
    }));
    BOOST_TEST(run("S_INTERSECTS(geometry, POINT(100 10))").empty());
}

BOOST_AUTO_TEST_CASE(equality_free_text_and_sorting) {
    FeatureFilter f;
    f.equals = {{"kind", "temple"}, {"rank", "4"}};
    BOOST_TEST(run(f) == expected([](const Site& s) { return s.kind == "temple" && s.rank == 4; }));

    for (const std::string q : {"hang sang", "HANG SÁNG", "đồng", "dong", "Dong Xuan", "chua"}) {
        FeatureFilter text;
        text.text = q;
        const std::vector<int> want = expected([&](const Site& s) {
            const std::string folded = fold_text(s.name + " " + s.kind.value_or(""));
            std::size_t at = 0;
            const std::string words = fold_text(q);
            while (at < words.size()) {
                const std::size_t end = std::min(words.find(' ', at), words.size());
                if (folded.find(words.substr(at, end - at)) == std::string::npos) return false;
                at = end + 1;
            }
            return true;
        });
        BOOST_TEST(!want.empty(), q);
        BOOST_TEST(run(text) == want, q);
    }
    BOOST_TEST(folded_contains("Đồng Xuân 2", "dong"));

    FeatureFilter sorted;
    sorted.sort = {{"rank", true}, {"score", false}};
    std::vector<Site> by = all;
    std::stable_sort(by.begin(), by.end(), [](const Site& a, const Site& b) {
        if (a.rank != b.rank) return a.rank > b.rank;
        if (a.score != b.score) return a.score < b.score;
        return a.n < b.n;
    });
    std::vector<int> want;
    for (const Site& s : by) want.push_back(s.n);
    BOOST_TEST(run(sorted) == want);

    // A page of a filtered query: the count is of every match.
    FeatureFilter caves;
    caves.cql2 = "kind = 'cave'";
    const LayerPage page = store.query_layer("sites", std::nullopt, std::nullopt, 5, 5, caves);
    BOOST_TEST(page.features.size() == 5u);
    BOOST_TEST(page.matched == static_cast<std::int64_t>(expected([](const Site& s) { return s.kind == "cave"; }).size()));
}

BOOST_AUTO_TEST_CASE(malformed_filters_and_injection_attempts) {
    const auto refused = [&](const std::string& cql2, const std::string& says) {
        try {
            (void)run(cql2);
            BOOST_ERROR("accepted: " << cql2);
        } catch (const usage_error& e) {
            BOOST_TEST(std::string(e.what()).find(says) != std::string::npos, cql2 << " -> " << e.what());
        }
    };
    refused("colour = 'red'", "unknown property 'colour'");
    refused("kind = 'cave", "unterminated text");
    refused("kind = 'a'; DROP TABLE layers", "unexpected character ';'");
    refused("kind = 'a' --", "expected");
    refused("\"kind\"\") OR 1=1 --\" = 'a'", "unknown property 'kind\") OR 1=1 --'");
    refused("rank = 'three'", "compared with a number");
    refused("kind == 'cave'", "expected");
    refused("S_INTERSECTS(kind, POINT(1 2))", "spatial property is 'geometry'");
    refused("S_DWITHIN(geometry, POLYGON((1 1, 2 1, 2 2, 1 1)), 5)", "S_DWITHIN takes a POINT");
    refused("S_INTERSECTS(geometry, POLYGON((105 20, 106 21, 106 20, 105 21, 105 20)))", "not valid");
    refused(std::string(100, '(') + "rank = 1" + std::string(100, ')'), "deeper than 64");
    refused(std::string(5000, 'N') + "", "expected");
    // Text that looks like SQL is a value: it matches nothing and changes nothing.
    BOOST_TEST(run("kind = 'x'' OR ''1''=''1'").empty());
    BOOST_TEST(run("name = 'a''); DELETE FROM layer_features; --'").empty());
    FeatureFilter f;
    f.equals = {{"kind", "cave' OR 1=1 --"}};
    BOOST_TEST(run(f).empty());
    f.equals.clear();
    f.text = "%";
    BOOST_TEST(run(f).empty());
    f.text = "_";
    BOOST_TEST(run(f).empty());
    BOOST_TEST(store.layers().at(0).features == 240);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(private_fields_listed_set_and_refused_in_filters) {
    const std::string path = test::work_path("query", "private.sqlite");
    {
        Store store = Store::create(path, "EPSG:5897");
        const PrivateFields fresh = store.private_fields();
        BOOST_TEST(fresh.is_private("chuSuDung"));
        BOOST_TEST(fresh.is_private("diaChi"));
        BOOST_TEST(fresh.is_private("soCCCD"));
        BOOST_TEST(fresh.is_private("CMND_chu"));
        BOOST_TEST(fresh.is_private("soGiayTo"));
        BOOST_TEST(!fresh.is_private("maXa"));
        store.set_private({"maXa", "ghiChu"}, true);
        store.set_private({"soCCCD", "diaChi"}, false);
        (void)store.commit(grid_survey(3, 2), commit_info("2020-01-01"));
    }
    Store store = Store::open(path);
    const PrivateFields now = store.private_fields();
    BOOST_TEST(now.is_private("maXa"));
    BOOST_TEST(now.is_private("ghiChu"));
    BOOST_TEST(!now.is_private("soCCCD"));
    BOOST_TEST(!now.is_private("diaChi"));
    BOOST_TEST(now.is_private("soCMND"));
    BOOST_TEST(now.is_private("chuSuDung"));

    const std::vector<Queryable> q = store.parcel_queryables("2020-06-01");
    const auto found = std::find_if(q.begin(), q.end(), [](const Queryable& x) { return x.name == "chuSuDung"; });
    BOOST_TEST_REQUIRE((found != q.end()));
    BOOST_TEST(found->is_private);

    ParcelQuery query;
    query.date = "2020-06-01";
    query.filter.cql2 = "soThua BETWEEN 2 AND 4";
    query.filter.sort = {{"soThua", true}};
    const ParcelPage page = store.query_parcels(query);
    std::vector<std::string> keys;
    for (const Parcel& p : page.snapshot.parcels) keys.push_back(p.key);
    BOOST_TEST(keys == (std::vector<std::string>{"14362-7-4", "14362-7-3", "14362-7-2"}));

    query.filter = {};
    query.filter.text = "TRẦN thi";
    BOOST_TEST(store.query_parcels(query).matched == 6);  // "Tran Thi B" holds every parcel
    query.filter.hidden = {"chuSuDung"};
    BOOST_TEST(store.query_parcels(query).matched == 0);  // free text leaves hidden fields out
    query.filter.text.clear();
    query.filter.cql2 = "chuSuDung LIKE 'Tran%'";
    BOOST_CHECK_THROW((void)store.query_parcels(query), access_error);
    query.filter.cql2.clear();
    query.filter.sort = {{"chuSuDung", false}};
    BOOST_CHECK_THROW((void)store.query_parcels(query), access_error);
}
