// Whole tables in and out of SpatiaLite, for land copy (see copy_tables.hpp).
#include "store/spatialite_backend.hpp"
#include "store/spatialite_optional_tables.hpp"

#include <libland/error.hpp>

namespace libland::store {

namespace {

bool has_table(detail::Database& db, const char* name) {
    detail::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, name);
    return q.step();
}

bool has_column(detail::Database& db, const char* table, const char* column) {
    detail::Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table).bind(2, column);
    return q.step();
}

}  // namespace

void SpatialiteBackend::read_rows(const CopyTable& table, const std::function<void(const Row&)>& row) {
    detail::ReadScope read(db_);
    if (table.optional && !has_table(db_, table.name)) return;
    std::string columns;
    for (const CopyColumn& c : table.columns) {
        if (!columns.empty()) columns += ", ";
        // revoked_keys made before keys recorded their last use has no such column
        if (c.type == 'g') columns += std::string("AsBinary(") + c.name + ")";
        else columns += has_column(db_, table.name, c.name) ? std::string(c.name) : std::string("NULL");
    }
    detail::Statement q(db_, ("SELECT " + columns + " FROM " + table.name + " " + copy_order(table)).c_str());
    Row values(table.columns.size());
    while (q.step()) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const int at = static_cast<int>(i);
            if (q.is_null(at)) {
                values[i] = std::monostate{};
                continue;
            }
            switch (table.columns[i].type) {
                case 'i': values[i] = q.integer(at); break;
                case 'r': values[i] = q.real(at); break;
                case 'g': values[i] = Wkb{std::string(q.blob(at))}; break;
                default: values[i] = q.text(at); break;
            }
        }
        row(values);
    }
}

void SpatialiteBackend::write_rows(const CopyTable& table, const std::vector<Row>& rows) {
    if (rows.empty()) return;
    if (std::string(table.name) == "commit_authors") db_.execute(commit_authors_sql);
    if (std::string(table.name) == "revoked_keys") db_.execute(revoked_keys_sql);
    if (std::string(table.name) == "local_land_uses") db_.execute(local_land_uses_sql);
    std::string columns, values;
    for (const CopyColumn& c : table.columns) {
        columns += (columns.empty() ? "" : ", ") + std::string(c.name);
        values += values.empty() ? "" : ", ";
        values += c.type == 'g' ? "GeomFromWKB(?, " + std::to_string(srid_) + ")" : std::string("?");
    }
    detail::Statement insert(db_, ("INSERT INTO " + std::string(table.name) + " (" + columns + ") VALUES (" + values + ")").c_str());
    for (const Row& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const int at = static_cast<int>(i) + 1;
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) insert.bind_null(at);
                    else if constexpr (std::is_same_v<T, Wkb>) insert.bind_blob(at, v.bytes);
                    else insert.bind(at, v);
                },
                row[i]);
        }
        insert.run();
    }
}

void SpatialiteBackend::finish_copy() {}  // INTEGER PRIMARY KEY continues after the highest id

void SpatialiteBackend::remove_all() {}

}  // namespace libland::store
