// The database's settings as stored now: rows of the meta table (private field lists).
#include "store/spatialite_backend.hpp"

namespace libland::store {

std::optional<std::string> SpatialiteBackend::read_setting(const std::string& name) {
    detail::Statement q(db_, "SELECT value FROM meta WHERE name = ?");
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return q.text(0);
}

void SpatialiteBackend::write_setting(const std::string& name, const std::string& value) {
    detail::Statement q(db_, "INSERT INTO meta (name, value) VALUES (?1, ?2) "
                             "ON CONFLICT (name) DO UPDATE SET value = ?2");
    q.bind(1, name).bind(2, value).run();
}

}  // namespace libland::store
