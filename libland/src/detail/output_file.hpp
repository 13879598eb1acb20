#pragma once
// Never a partial output: write to a temporary path beside the target, then rename into place.
#include <filesystem>
#include <string>

namespace libland::detail {

class OutputFile {
public:
    // REQUIRES: the target's folder exists (else throws input_error naming it).
    explicit OutputFile(std::string target);
    // Removes the temporary file unless commit() succeeded.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // The path to write to; it keeps the target's extension so that GDAL picks the same driver.
    [[nodiscard]] const std::string& temp_path() const noexcept { return temp_; }
    [[nodiscard]] const std::string& target() const noexcept { return target_; }

    // Renames the temporary file over the target. Throws input_error on failure.
    void commit();

private:
    std::string target_;
    std::string temp_;
    bool committed_ = false;
};

}  // namespace libland::detail
