#include "diff/unique_keys.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace libland::change_detection {

namespace {

constexpr std::size_t keys_named = 5;

}  // namespace

void require_unique_keys(const Snapshot& snapshot, const char* side) {
    std::unordered_map<std::string, std::vector<std::int64_t>> fids;
    fids.reserve(snapshot.parcels.size());
    for (const Parcel& p : snapshot.parcels) fids[p.key].push_back(p.fid);
    std::vector<std::string> shared;
    for (const auto& [key, holders] : fids) {
        if (holders.size() > 1) shared.push_back(key);
    }
    if (shared.empty()) return;
    std::sort(shared.begin(), shared.end());
    std::string named;
    for (std::size_t i = 0; i < shared.size() && i < keys_named; ++i) {
        const auto& holders = fids[shared[i]];
        named += (i == 0 ? "" : "; ") + (shared[i].empty() ? std::string("(empty key)") : shared[i]) + " held by " +
                 std::to_string(holders.size()) + " parcels (FIDs ";
        for (std::size_t k = 0; k < holders.size() && k < keys_named; ++k) {
            named += (k == 0 ? "" : ", ") + std::to_string(holders[k]);
        }
        named += holders.size() > keys_named ? ", ...)" : ")";
    }
    if (shared.size() > keys_named) named += "; and " + std::to_string(shared.size() - keys_named) + " more keys";
    throw input_error(std::string(side) + " snapshot " + snapshot.source + ": duplicate keys, " + named +
                      "; each parcel needs its own key for its changes to be told apart (land validate lists them)");
}

}  // namespace libland::change_detection
