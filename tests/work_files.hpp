#pragma once
// Small input files that a test writes for itself under LIBLAND_WORK_DIR.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace libland::test {

// Returns the work folder for `suite`, created if need be. A suite's run on another backend
// (LIBLAND_TEST_BACKEND, e.g. postgis) runs beside its SpatiaLite run: it has a folder of its own,
// so that the two never write each other's files.
inline std::string work_folder(const std::string& suite) {
    const char* backend = std::getenv("LIBLAND_TEST_BACKEND");
    const std::string name = backend != nullptr && *backend != '\0' ? suite + "_" + backend : suite;
    const std::filesystem::path folder = std::filesystem::path(LIBLAND_WORK_DIR) / name;
    std::filesystem::create_directories(folder);
    return folder.string();
}

// Returns the path of `name` in a fresh folder of the work directory for `suite`; the folder is
// created, and the file is removed if it existed.
inline std::string work_path(const std::string& suite, const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(work_folder(suite)) / name;
    std::filesystem::remove_all(path);
    return path.string();
}

// Writes `contents` (bytes as they are) to `name` in the suite's work folder; returns its path.
inline std::string write_work_file(const std::string& suite, const std::string& name, std::string_view contents) {
    const std::string path = work_path(suite, name);
    std::ofstream(path, std::ios::binary).write(contents.data(), static_cast<std::streamsize>(contents.size()));
    return path;
}

}  // namespace libland::test
