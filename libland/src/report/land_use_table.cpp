// land_use_table(): the transition matrix grouped by NNP / PNN / CSD, with start and end areas,
// decreases and increases, as the land statistics print it.
#include <libland/land_use.hpp>
#include <libland/report.hpp>

#include <algorithm>
#include <numeric>

namespace libland {

namespace {

constexpr const char* unmapped = "(none)";

// Returns the position of a code in the code list (its statistics order), unknown codes after.
std::size_t list_position(const std::string& code) {
    const auto codes = land_use_codes();
    const auto it = std::find_if(codes.begin(), codes.end(), [&](const LandUse& u) { return u.code == code; });
    return static_cast<std::size_t>(it - codes.begin());
}

std::string code_name(const std::string& code, Language language) {
    const auto use = find_land_use(code);
    if (!use) return language == Language::vi ? "Mã không có trong danh mục" : "code not in the list";
    return std::string(language == Language::vi ? use->name_vi : use->name);
}

// The lines for one side's labels: each group followed by its codes (list order), then unknown
// codes, then the unmapped line.
std::vector<LandUseLine> lines(const std::vector<std::string>& labels, Language language) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return list_position(labels[a]) < list_position(labels[b]);
    });
    std::vector<LandUseLine> out;
    for (const LandUseGroup& g : land_use_groups()) {
        LandUseLine group{LandUseLine::Kind::group, std::string(g.code), "",
                          std::string(language == Language::vi ? g.name_vi : g.name), {}};
        std::vector<LandUseLine> members;
        for (std::size_t i : order) {
            const auto use = find_land_use(labels[i]);
            if (!use || use->category != g.code) continue;
            group.leaves.push_back(i);
            members.push_back({LandUseLine::Kind::code, labels[i], group.code, code_name(labels[i], language), {i}});
        }
        if (members.empty()) continue;
        out.push_back(std::move(group));
        std::move(members.begin(), members.end(), std::back_inserter(out));
    }
    for (std::size_t i : order) {
        if (labels[i] == unmapped || find_land_use(labels[i])) continue;
        out.push_back({LandUseLine::Kind::code, labels[i], "", code_name(labels[i], language), {i}});
    }
    for (std::size_t i : order) {
        if (labels[i] != unmapped) continue;
        out.push_back({LandUseLine::Kind::unmapped, labels[i], "",
                       language == Language::vi ? "Ngoài bản đồ (chỉ có ở một kỳ)" : "not mapped on the other date",
                       {i}});
    }
    return out;
}

}  // namespace

LandUseTable land_use_table(const TransitionMatrix& matrix, Language language) {
    LandUseTable t;
    t.rows = lines(matrix.uses_before, language);
    t.columns = lines(matrix.uses_after, language);
    const auto cell = [&](const LandUseLine& row, const LandUseLine& column) {
        double sum = 0;
        for (std::size_t r : row.leaves) {
            for (std::size_t c : column.leaves) sum += matrix.hectares[r][c];
        }
        return sum;
    };
    // The area that kept code `label` (row index r of the matrix): the diagonal cell, if any.
    const auto kept_row = [&](std::size_t r) {
        const auto it = std::find(matrix.uses_after.begin(), matrix.uses_after.end(), matrix.uses_before[r]);
        return it == matrix.uses_after.end() ? 0.0 : matrix.hectares[r][static_cast<std::size_t>(it - matrix.uses_after.begin())];
    };
    const auto kept_column = [&](std::size_t c) {
        const auto it = std::find(matrix.uses_before.begin(), matrix.uses_before.end(), matrix.uses_after[c]);
        return it == matrix.uses_before.end() ? 0.0 : matrix.hectares[static_cast<std::size_t>(it - matrix.uses_before.begin())][c];
    };
    for (const LandUseLine& row : t.rows) {
        std::vector<double> cells;
        double start = 0, decrease = 0;
        for (const LandUseLine& column : t.columns) {
            cells.push_back(cell(row, column));
            if (column.kind != LandUseLine::Kind::group) start += cells.back();  // codes only
        }
        for (std::size_t r : row.leaves) {
            const double leaf_start = std::accumulate(matrix.hectares[r].begin(), matrix.hectares[r].end(), 0.0);
            decrease += leaf_start - kept_row(r);
        }
        t.hectares.push_back(std::move(cells));
        t.start.push_back(start);
        t.decrease.push_back(decrease);
        if (row.kind == LandUseLine::Kind::code) t.total_start += start;
    }
    for (const LandUseLine& column : t.columns) {
        double end = 0, increase = 0;
        for (std::size_t c : column.leaves) {
            double leaf_end = 0;
            for (const auto& row : matrix.hectares) leaf_end += row[c];
            end += leaf_end;
            increase += leaf_end - kept_column(c);
        }
        t.end.push_back(end);
        t.increase.push_back(increase);
        if (column.kind == LandUseLine::Kind::code) t.total_end += end;
    }
    return t;
}

}  // namespace libland
