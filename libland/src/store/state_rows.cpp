// Building a State from parcel version rows (see state_rows.hpp).
#include "store/state_rows.hpp"

#include <algorithm>
#include <numeric>

namespace libland::store {

State empty_state(const std::string& crs, const std::string& path, const std::optional<Schema>& schema) {
    State state;
    state.snapshot.source = path;
    state.snapshot.layer = "parcels";
    state.snapshot.crs = crs;
    state.snapshot.source_crs = crs;
    if (schema) {
        state.snapshot.fields = schema->fields;
        state.snapshot.id_fields = schema->id_fields;
        state.snapshot.use_field = schema->use_field;
    }
    return state;
}

void sort_by_key(State& state) {
    std::vector<Parcel> parcels = std::move(state.snapshot.parcels);
    std::vector<std::size_t> order(parcels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return parcels[a].key < parcels[b].key; });
    State sorted;
    sorted.snapshot = std::move(state.snapshot);
    sorted.snapshot.parcels.clear();
    sorted.snapshot.parcels.reserve(order.size());
    for (std::size_t i : order) {
        sorted.snapshot.parcels.push_back(std::move(parcels[i]));
        sorted.versions.push_back(state.versions[i]);
        sorted.uids.push_back(state.uids[i]);
        sorted.valid_to.push_back(std::move(state.valid_to[i]));
    }
    state = std::move(sorted);
}

}  // namespace libland::store
