// What a survey commit records of its source file: its name and the SHA-256 of its bytes.
#include "store/store_impl.hpp"

#include "detail/sha256.hpp"

#include <filesystem>

namespace libland::store {

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string source_digest(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return "";
    return detail::file_sha256_hex(path);
}

}  // namespace libland::store
