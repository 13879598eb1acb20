// write_matrix_csv(): the land-use transition matrix as CSV, hectares with 4 decimals.
#include "detail/output_file.hpp"

#include <libland/change.hpp>
#include <libland/error.hpp>

#include <cstdio>
#include <fstream>

namespace libland {

namespace {

// Quotes a CSV cell when it holds a comma, a quote or a line break.
std::string cell(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

void write_matrix_csv(const TransitionMatrix& matrix, const std::string& path) {
    detail::OutputFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        if (!out) throw input_error(path + ": cannot create the file");
        out << "use_before";
        for (const auto& code : matrix.uses_after) out << ',' << cell(code);
        out << '\n';
        char value[48];
        for (std::size_t r = 0; r < matrix.uses_before.size(); ++r) {
            out << cell(matrix.uses_before[r]);
            for (double hectares : matrix.hectares[r]) {
                std::snprintf(value, sizeof value, "%.4f", hectares + 0.0);  // + 0.0: no "-0.0000"
                out << ',' << value;
            }
            out << '\n';
        }
        out.flush();
        if (!out) throw input_error(path + ": cannot write the file");
    }
    file.commit();
}

}  // namespace libland
