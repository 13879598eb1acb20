// Creating and opening PostgreSQL land databases, and telling a connection string from a path.
#include "store/postgis_backend.hpp"

#include <libland/error.hpp>

namespace libland::store {

std::optional<std::string> postgres_conninfo(const std::string& database) {
    const auto starts = [&](const char* prefix) { return database.rfind(prefix, 0) == 0; };
    if (starts("postgresql://") || starts("postgres://")) return database;
    if (starts("PG:")) return database.substr(3);
    return std::nullopt;
}

std::unique_ptr<Backend> create_postgis(const std::string& conninfo, const std::string& crs,
                                        const Settings& settings) {
    return std::make_unique<PostgisBackend>(detail::PgConnection(conninfo), crs, settings);
}

std::unique_ptr<Backend> open_postgis(const std::string& conninfo, bool read_only) {
    return std::make_unique<PostgisBackend>(detail::PgConnection(conninfo), read_only);
}

}  // namespace libland::store
