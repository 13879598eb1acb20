// Land-use codes: a code missing from the code list is flagged, never rejected.
#include "validate/checks.hpp"

#include <libland/land_use.hpp>

#include <map>
#include <string_view>

namespace libland::validation {

namespace {

constexpr std::size_t parcels_listed = 5;

struct Unknown {
    std::size_t first = 0;          // index of the first parcel with the code
    std::size_t count = 0;          // how many parcels have it
    std::vector<std::string> some;  // labels of the first few
};

}  // namespace

void check_land_use(detail::GeosContext& ctx, const Snapshot& snapshot, const ParcelShapes& shapes, FindingList& out) {
    if (snapshot.use_field.empty()) {
        return;
    }
    std::map<std::string, Unknown> unknown;
    for (std::size_t i = 0; i < snapshot.parcels.size(); ++i) {
        const std::string code(trimmed(snapshot.parcels[i].use));
        if (find_land_use(code)) continue;
        auto [it, added] = unknown.try_emplace(code, Unknown{i, 0, {}});
        ++it->second.count;
        if (it->second.some.size() < parcels_listed) {
            it->second.some.push_back(parcel_label(snapshot.parcels[i]));
        }
    }
    for (auto& [code, u] : unknown) {
        const std::string what = code.empty() ? "no land-use code in field " + snapshot.use_field
                                              : "land-use code '" + code + "' is not in the code list";
        const std::string parcels = u.count == 1 ? "1 parcel" : std::to_string(u.count) + " parcels";
        Finding f{Severity::warning, FindingCode::unknown_use, std::move(u.some), what + " (" + parcels + ")",
                  {}, {}, false};
        f.has_location = parcel_anchor(ctx, shapes, u.first, f.location);
        out.add_for_parcel(u.first, std::move(f));
    }
}

}  // namespace libland::validation
