// Creating and opening SpatiaLite land databases.
#include "store/spatialite_backend.hpp"

#include <libland/error.hpp>

#include <filesystem>

namespace libland::store {

std::unique_ptr<Backend> create_spatialite(const std::string& path, const std::string& crs,
                                           const Settings& settings) {
    detail::Database db(path, detail::Database::Mode::create_new);  // refuses an existing file
    try {
        return std::make_unique<SpatialiteBackend>(std::move(db), crs, settings);
    } catch (...) {
        // Never leave a half-made database behind.
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
        throw;
    }
}

std::unique_ptr<Backend> open_spatialite(const std::string& path, bool read_only) {
    using Mode = detail::Database::Mode;
    return std::make_unique<SpatialiteBackend>(detail::Database(path, read_only ? Mode::open_read_only : Mode::open_existing));
}

void SpatialiteBackend::limit_page_cache(std::size_t bytes) { db_.limit_cache(bytes); }

namespace {

class SqliteWriteLock final : public WriteLock {
public:
    explicit SqliteWriteLock(detail::Database& db) : tx_(db) {}
    void commit() override { tx_.commit(); }

private:
    detail::Transaction tx_;
};

}  // namespace

std::unique_ptr<WriteLock> SpatialiteBackend::lock_for_write() { return std::make_unique<SqliteWriteLock>(db_); }

}  // namespace libland::store
