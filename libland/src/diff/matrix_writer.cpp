// write_matrix(): the land-use transition matrix as CSV (hectares with 4 decimals) or as a
// workbook (XLSX: numbers as numbers).
#include "io/ogr_writer.hpp"
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

void write_csv(const TransitionMatrix& matrix, const std::string& path, const CsvOptions& csv) {
    detail::OutputFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        if (!out) throw input_error(path + ": cannot create the file");
        if (csv.excel) out << "\xEF\xBB\xBF";
        out << matrix_csv(matrix);
        out.flush();
        if (!out) throw input_error(path + ": cannot write the file");
    }
    file.commit();
}

void write_workbook(const TransitionMatrix& matrix, const std::string& path) {
    std::vector<Field> fields{{"use_before", FieldType::string}};
    for (const std::string& code : matrix.uses_after) fields.push_back({code, FieldType::real});
    io::LayerWriter out(path, "matrix", fields, "", false);
    for (std::size_t r = 0; r < matrix.uses_before.size(); ++r) {
        std::vector<Value> row{matrix.uses_before[r]};
        for (double hectares : matrix.hectares[r]) row.emplace_back(hectares + 0.0);
        out.add(row);
    }
    out.commit();
}

}  // namespace

std::string matrix_csv(const TransitionMatrix& matrix) {
    std::string out = "use_before";
    for (const auto& code : matrix.uses_after) out += ',' + cell(code);
    out += '\n';
    char value[48];
    for (std::size_t r = 0; r < matrix.uses_before.size(); ++r) {
        out += cell(matrix.uses_before[r]);
        for (double hectares : matrix.hectares[r]) {
            std::snprintf(value, sizeof value, ",%.4f", hectares + 0.0);  // + 0.0: no "-0.0000"
            out += value;
        }
        out += '\n';
    }
    return out;
}

void write_matrix(const TransitionMatrix& matrix, const std::string& path, const CsvOptions& csv) {
    const std::string driver = detail::driver_for(path);
    if (driver == "CSV") {
        write_csv(matrix, path, csv);
    } else if (driver == "XLSX") {
        write_workbook(matrix, path);
    } else {
        throw usage_error(path + ": the matrix is written as .csv or .xlsx");
    }
}

}  // namespace libland
