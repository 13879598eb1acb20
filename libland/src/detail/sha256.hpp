#pragma once
// SHA-256 digests of files (a survey's content) as lowercase hex, with GLib's GChecksum, and bytes
// as hex. Private.
#include <cstddef>
#include <string>

namespace libland::detail {

// Returns the hex SHA-256 of the file's content, read in blocks. Throws input_error naming the file
// when it cannot be read.
[[nodiscard]] std::string file_sha256_hex(const std::string& path);
// Returns the bytes as lowercase hex.
[[nodiscard]] std::string hex(const unsigned char* bytes, std::size_t n);

}  // namespace libland::detail
