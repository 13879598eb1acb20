#include "findings_table.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace land {

namespace {

constexpr std::size_t parcels_shown = 3;

std::string parcels_cell(const std::vector<std::string>& parcels) {
    std::string cell;
    for (std::size_t i = 0; i < parcels.size() && i < parcels_shown; ++i) {
        cell += (i == 0 ? "" : ", ") + parcels[i];
    }
    if (parcels.size() > parcels_shown) {
        cell += " ... and " + std::to_string(parcels.size() - parcels_shown) + " more";
    }
    return cell.empty() ? "-" : cell;
}

using Row = std::array<std::string, 4>;

void print_row(std::ostream& out, const Row& row, const std::array<std::size_t, 3>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
        out << row[c] << std::string(widths[c] - row[c].size() + 2, ' ');
    }
    out << row[3] << '\n';
}

}  // namespace

void print_findings(std::ostream& out, const std::vector<libland::Finding>& findings) {
    if (findings.empty()) {
        return;
    }
    std::vector<Row> rows{{"SEVERITY", "CODE", "PARCELS", "MESSAGE"}};
    for (const auto& f : findings) {
        rows.push_back(
            {libland::to_string(f.severity), libland::to_string(f.code), parcels_cell(f.parcels), f.message});
    }
    std::array<std::size_t, 3> widths{};
    for (const Row& row : rows) {
        for (std::size_t c = 0; c < widths.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    for (const Row& row : rows) {
        print_row(out, row, widths);
    }
}

}  // namespace land
