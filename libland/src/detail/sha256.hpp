#pragma once
// SHA-256 digests of files (a survey's content) as lowercase hex, with GLib's GChecksum. Private.
#include <string>

namespace libland::detail {

// Returns the hex SHA-256 of the file's content, read in blocks. Throws input_error naming the file
// when it cannot be read.
[[nodiscard]] std::string file_sha256_hex(const std::string& path);

}  // namespace libland::detail
