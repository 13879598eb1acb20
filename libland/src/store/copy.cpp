// land copy: a whole land database from one backend to the other (or the same), table by table
// (copy_tables.hpp), in one write on the target.
#include "store/backend.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <filesystem>

namespace libland {

namespace {

std::unique_ptr<store::Backend> open_source(const std::string& from) {
    if (const std::optional<std::string> conninfo = store::postgres_conninfo(from)) {
        return store::open_postgis(*conninfo, true);
    }
    return store::open_spatialite(from, true);
}

std::unique_ptr<store::Backend> create_target(const std::string& to, const std::string& crs,
                                              const store::Settings& settings) {
    if (const std::optional<std::string> conninfo = store::postgres_conninfo(to)) {
        return store::create_postgis(*conninfo, crs, settings);
    }
    return store::create_spatialite(to, crs, settings);
}

// Copies every table inside one write on the target; returns the rows per table.
std::vector<std::pair<std::string, std::int64_t>> copy_tables(store::Backend& source, store::Backend& target) {
    constexpr std::size_t batch_size = 2000;
    std::vector<std::pair<std::string, std::int64_t>> copied;
    const std::unique_ptr<store::WriteLock> lock = target.lock_for_write();
    for (const store::CopyTable& table : store::copy_tables()) {
        std::vector<store::Row> batch;
        std::int64_t rows = 0;
        source.read_rows(table, [&](const store::Row& row) {
            batch.push_back(row);
            ++rows;
            if (batch.size() == batch_size) {
                target.write_rows(table, batch);
                batch.clear();
            }
        });
        target.write_rows(table, batch);
        copied.emplace_back(table.name, rows);
    }
    target.finish_copy();
    lock->commit();
    return copied;
}

}  // namespace

std::vector<std::pair<std::string, std::int64_t>> Store::copy(const std::string& from, const std::string& to) {
    const std::unique_ptr<store::Backend> source = open_source(from);
    store::Settings settings = source->settings();
    settings.erase("crs");
    settings.erase("schema_version");
    std::unique_ptr<store::Backend> target = create_target(to, source->crs(), settings);
    try {
        return copy_tables(*source, *target);
    } catch (...) {
        // Never leave a half-copied database behind.
        const bool postgres = store::postgres_conninfo(to).has_value();
        if (postgres) {
            try {
                target->remove_all();
            } catch (const error&) {  // the first failure is the one to tell
            }
        }
        target.reset();
        if (!postgres) {
            std::error_code ec;
            for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(to + suffix, ec);
        }
        throw;
    }
}

}  // namespace libland
