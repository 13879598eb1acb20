#pragma once
// SHA-256 digests (OpenSSL libcrypto) as lowercase hex. Private.
#include <string>
#include <string_view>

namespace libland::detail {

// Returns the hex SHA-256 of the bytes. Throws error when OpenSSL fails.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);
// Returns the hex SHA-256 of the file's content, read in blocks. Throws input_error naming the file
// when it cannot be read.
[[nodiscard]] std::string file_sha256_hex(const std::string& path);
// Returns the bytes as lowercase hex.
[[nodiscard]] std::string hex(const unsigned char* bytes, std::size_t n);

}  // namespace libland::detail
