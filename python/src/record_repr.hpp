#pragma once
// Readable reprs of the store's records and the diff's small values ("ParcelVersion(uid=3,
// key='14362-5-1', ...)"): what a Python user sees when printing one. Text only, no logic.
#include <libland/change.hpp>
#include <libland/store.hpp>

#include <string>

namespace libland::python {

[[nodiscard]] std::string repr_of(const CommitSummary& summary);
[[nodiscard]] std::string repr_of(const ParcelVersion& version);
[[nodiscard]] std::string repr_of(const ParcelEvent& event);
[[nodiscard]] std::string repr_of(const ParcelHistory& history);
[[nodiscard]] std::string repr_of(const CommitRecord& record);
[[nodiscard]] std::string repr_of(const LayerInfo& layer);
[[nodiscard]] std::string repr_of(const LayerFeature& feature);
[[nodiscard]] std::string repr_of(const DiffTimings& timings);
[[nodiscard]] std::string repr_of(const TransitionMatrix& matrix);
[[nodiscard]] std::string repr_of(const Snapshot& snapshot);

}  // namespace libland::python
