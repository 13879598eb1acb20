#pragma once
// The web map's files (MapLibre GL JS and its licence, the pages' script and style sheet), served
// under /static/ from the folder the build or the installation put them in: never from elsewhere
// on the network.
#include "http.hpp"

#include <string>

namespace landd {

// Returns the folder of the web map's files: `configured` when given, else `web/` beside the
// program (the build tree), else `../share/landd/web` from it (an installation); "" when none
// exists (the pages then say the map is not installed).
[[nodiscard]] std::string find_web_dir(const std::string& configured);

// GET /static/{file}: a file of the folder by its plain name (letters, digits, '.', '-', '_'), with
// its content type; 404 for any other name. Public, like the pages that load it.
void add_web_asset_routes(Router& server, const std::string& web_dir);

}  // namespace landd
