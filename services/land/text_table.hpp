#pragma once
// Aligned plain-text tables for the terminal (log, history, summaries).
#include <ostream>
#include <string>
#include <vector>

namespace land {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
    // Writes the header, a rule and the rows, each column as wide as its widest cell.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace land
