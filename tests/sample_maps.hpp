#pragma once
// The committed sample maps (LIBLAND_SAMPLE_MAPS) as the suites that run `land` and `landd` use
// them: their paths, whether they are there, and a survey read the way `land commit` is told to.
#include <boost/test/unit_test.hpp>

#include <libland/read.hpp>
#include <libland/snapshot.hpp>

#include <filesystem>
#include <string>

namespace libland::test {

inline const std::string sample_maps = LIBLAND_SAMPLE_MAPS;
inline const std::string survey_2019 = sample_maps + "/survey_2019.gpkg";
inline const std::string survey_2024 = sample_maps + "/survey_2024.gpkg";

// Returns true when both sample surveys are there (else says that the test is skipped).
inline bool have_sample_surveys() {
    if (std::filesystem::exists(survey_2019) && std::filesystem::exists(survey_2024)) return true;
    BOOST_TEST_MESSAGE("skipped: the sample maps are not in " << sample_maps);
    return false;
}

// Returns true when the surveys and the tourism and planning maps are all there.
inline bool have_sample_maps() {
    for (const char* name : {"survey_2019.gpkg", "survey_2024.gpkg", "tourism.gpkg", "planning_zones.gpkg"}) {
        if (!std::filesystem::exists(sample_maps + "/" + name)) return false;
    }
    return true;
}

// A test-suite precondition: have_sample_maps() (else the suite is skipped, saying so).
inline boost::test_tools::assertion_result sample_maps_present(boost::unit_test::test_unit_id) {
    if (have_sample_maps()) return true;
    boost::test_tools::assertion_result skipped(false);
    skipped.message() << "the sample maps are not in " << sample_maps;
    return skipped;
}

// Returns the survey at `path` keyed by maXa,soTo,soThua, land use loaiDat, in EPSG:5897.
inline Snapshot read_survey(const std::string& path) {
    ReadOptions options;
    options.id_fields = {"maXa", "soTo", "soThua"};
    options.use_field = "loaiDat";
    options.crs = "EPSG:5897";
    return read_snapshot(path, options);
}

}  // namespace libland::test
