#include "detail/output_file.hpp"

#include <libland/error.hpp>

#include <atomic>
#include <system_error>
#include <unistd.h>

namespace libland::detail {

namespace fs = std::filesystem;

OutputFile::OutputFile(std::string target) : target_(std::move(target)) {
    fs::path p(target_);
    fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(folder)) {
        throw input_error(target_ + ": folder " + folder.string() + " does not exist");
    }
    static std::atomic<unsigned> counter{0};
    fs::path temp = folder / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                              p.filename().string());
    temp_ = temp.string();
    std::error_code ec;
    fs::remove(temp_, ec);
}

OutputFile::~OutputFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void OutputFile::commit() {
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        throw input_error(target_ + ": cannot write (" + ec.message() + ")");
    }
    committed_ = true;
}

}  // namespace libland::detail
