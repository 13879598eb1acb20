#include "diff/matrix.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace libland::change_detection {

namespace {

constexpr double m2_per_hectare = 10000.0;

const std::string& label(const Parcel& parcel) {
    static const std::string no_code = no_code_label;
    return parcel.use.empty() ? no_code : parcel.use;
}

// Returns the sorted codes of the parcels with an area, "(none)" last, and each parcel's slot.
std::vector<std::string> codes_of(const PreparedSide& side, std::vector<std::size_t>& slot_of_parcel) {
    std::unordered_map<std::string_view, std::size_t> slots;
    for (std::size_t i = 0; i < side.size(); ++i) {
        if (side.has_area(i)) slots.emplace(label(side.parcel(i)), 0);
    }
    std::vector<std::string> codes;
    for (const auto& entry : slots) codes.emplace_back(entry.first);
    std::sort(codes.begin(), codes.end());
    for (std::size_t k = 0; k < codes.size(); ++k) slots[codes[k]] = k;
    codes.emplace_back(unmapped_label);
    slot_of_parcel.assign(side.size(), codes.size() - 1);
    for (std::size_t i = 0; i < side.size(); ++i) {
        if (side.has_area(i)) slot_of_parcel[i] = slots.find(label(side.parcel(i)))->second;
    }
    return codes;
}

}  // namespace

TransitionMatrix transition_matrix(const PreparedSide& before, const PreparedSide& after, const OverlapGraph& graph) {
    TransitionMatrix m;
    std::vector<std::size_t> row, column;
    m.uses_before = codes_of(before, row);
    m.uses_after = codes_of(after, column);
    std::vector<std::vector<double>> m2(m.uses_before.size(), std::vector<double>(m.uses_after.size(), 0.0));
    std::vector<double> covered_before(before.size(), 0.0), covered_after(after.size(), 0.0);
    auto add = [&](const Overlap& o) {
        m2[row[o.before]][column[o.after]] += o.area_m2;
        covered_before[o.before] += o.area_m2;
        covered_after[o.after] += o.area_m2;
    };
    std::for_each(graph.edges.begin(), graph.edges.end(), add);
    std::for_each(graph.slivers.begin(), graph.slivers.end(), add);

    const std::size_t none_row = m.uses_before.size() - 1, none_column = m.uses_after.size() - 1;
    for (std::size_t i = 0; i < before.size(); ++i) {
        m2[row[i]][none_column] += std::max(0.0, before.area(i) - covered_before[i]);
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        m2[none_row][column[j]] += std::max(0.0, after.area(j) - covered_after[j]);
    }
    m.hectares = std::move(m2);
    for (auto& cells : m.hectares) {
        for (double& cell : cells) cell /= m2_per_hectare;
    }
    return m;
}

}  // namespace libland::change_detection
