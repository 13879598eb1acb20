#include "detail/output_file.hpp"

#include <libland/error.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <system_error>
#include <unistd.h>

namespace libland::detail {

namespace fs = std::filesystem;

namespace {

// Removes the temporary files that earlier writes of the same target left behind when their
// process was killed (".tmp-PID-N-name" with no process PID any more).
void remove_stale(const fs::path& folder, const std::string& name) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        const std::string tail = "-" + name;
        if (file.rfind(".tmp-", 0) != 0 || file.size() <= tail.size() + 5 ||
            file.compare(file.size() - tail.size(), tail.size(), tail) != 0) {
            continue;
        }
        const std::string pid_text = file.substr(5, file.find('-', 5) - 5);
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
            pid_text.size() > 9) {
            continue;
        }
        const auto pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
        }
    }
}

}  // namespace

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
    remove_stale(folder, p.filename().string());
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
