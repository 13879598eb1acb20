#pragma once
// What an answer may say: the client's own parameters and ids, never the server's files (the
// database path, a temporary upload's name, any absolute path) nor SQL.
#include <string>
#include <vector>

namespace landd {

// Declares the paths to hide (the database, as given and absolute) and what to say instead.
// Call once at start, before serving.
void hide_paths(const std::vector<std::pair<std::string, std::string>>& path_and_name);

// Returns the text with the hidden paths replaced by their names and any other absolute path
// (of two components or more) replaced by "a file of the service".
[[nodiscard]] std::string public_text(const std::string& text);

// Returns the text with the hidden paths replaced by their names and upload names by "the
// upload", every other text kept (a handler's own message naming the client's URL path).
[[nodiscard]] std::string without_server_files(const std::string& text);

// Returns true when the text shows SQL or SQLite's own messages (never shown to a client).
[[nodiscard]] bool shows_sql(const std::string& text);

}  // namespace landd
