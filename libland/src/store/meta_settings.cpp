// Reading a land database's meta settings (see meta_settings.hpp).
#include "store/meta_settings.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>
#include <libland/validate.hpp>

namespace libland::store {

namespace {

std::string value_of(const Settings& settings, const std::string& name) {
    const auto found = settings.find(name);
    return found == settings.end() ? std::string() : found->second;
}

}  // namespace

int recorded_srid(const Settings& settings, const std::string& database) {
    const std::string crs = value_of(settings, "crs");
    const std::string digits = crs.size() > 5 && crs.rfind("EPSG:", 0) == 0 ? crs.substr(5) : std::string();
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
        throw input_error(database + ": not a land database (no working CRS recorded)");
    }
    return std::stoi(digits);
}

int recorded_schema_version(const Settings& settings, const std::string& database) {
    const std::string version = value_of(settings, "schema_version");
    const int number = version.size() == 1 && version[0] >= '1' && version[0] <= '9' ? version[0] - '0' : 0;
    if (number < 1 || number > current_schema_version) {
        throw input_error(database + ": land database schema version " + version +
                          " is not one this program knows (1 to " + std::to_string(current_schema_version) + ")");
    }
    return number;
}

Box working_crs_area(const std::string& crs) {
    constexpr double everywhere = 1e300;
    return area_of_use(crs, crs_area_margin_degrees).value_or(Box{-everywhere, -everywhere, everywhere, everywhere});
}

}  // namespace libland::store
