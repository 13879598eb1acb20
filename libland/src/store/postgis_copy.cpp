// Whole tables in and out of PostGIS, for land copy (see copy_tables.hpp).
#include "store/postgis_backend.hpp"

#include <libland/error.hpp>

namespace libland::store {

void PostgisBackend::read_rows(const CopyTable& table, const std::function<void(const Row&)>& row) {
    detail::PgReadScope read(db_);
    // A cursor: a table of millions of versions is read a batch at a time.
    db_.execute(("DECLARE land_copy NO SCROLL CURSOR FOR SELECT " + select_list(table, "ST_AsBinary") + " FROM " +
                 table.name + " " + copy_order(table))
                    .c_str());
    Row values(table.columns.size());
    for (;;) {
        const detail::PgResult batch = db_.query("FETCH 5000 FROM land_copy");
        if (batch.rows() == 0) break;
        for (int r = 0; r < batch.rows(); ++r) {
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const int at = static_cast<int>(i);
                if (batch.is_null(r, at)) {
                    values[i] = std::monostate{};
                    continue;
                }
                switch (table.columns[i].type) {
                    case 'i': values[i] = batch.integer(r, at); break;
                    case 'r': values[i] = batch.real(r, at); break;
                    case 'g': values[i] = Wkb{batch.bytes(r, at)}; break;
                    default: values[i] = batch.text(r, at); break;
                }
            }
            row(values);
        }
    }
    db_.execute("CLOSE land_copy");
}

void PostgisBackend::write_rows(const CopyTable& table, const std::vector<Row>& rows) {
    schema_read_ = {};  // the commits written change what schema_at() answers
    std::string columns, values;
    int n = 0;
    for (const CopyColumn& c : table.columns) {
        columns += (columns.empty() ? "" : ", ") + std::string(c.name);
        values += values.empty() ? "" : ", ";
        const std::string p = "$" + std::to_string(++n);
        values += c.type == 'g' ? "ST_GeomFromWKB(" + p + ", " + std::to_string(srid_) + ")" : p;
    }
    const std::string sql = "INSERT INTO " + std::string(table.name) + " (" + columns + ") VALUES (" + values + ")";
    for (const Row& row : rows) {
        detail::PgParams p;
        for (const Cell& cell : row) {
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) p.add_null();
                    else if constexpr (std::is_same_v<T, Wkb>) p.add_bytes(v.bytes);
                    else p.add(v);
                },
                cell);
        }
        db_.query(sql, p);
    }
}

void PostgisBackend::finish_copy() {
    // The identity columns continue after the highest copied id.
    for (const auto& [table, column] : {std::pair{"commits", "commit_id"}, {"parcels", "uid"},
                                        {"parcel_versions", "version_id"}, {"events", "event_id"},
                                        {"layers", "layer_id"}, {"layer_features", "feature_id"}}) {
        db_.execute(("SELECT setval(pg_get_serial_sequence('" + std::string(table) + "', '" + column + "'), " +
                     "coalesce((SELECT max(" + column + ") FROM " + table + "), 0) + 1, false)")
                        .c_str());
    }
}

void PostgisBackend::remove_all() {
    detail::PgTransaction tx(db_);
    db_.execute("DROP VIEW IF EXISTS current_parcels; DROP TABLE IF EXISTS local_land_uses, revoked_keys, "
                "commit_authors, commit_reverts, api_keys, layer_features, layers, lineage, event_parcels, events, "
                "parcel_versions, parcels, commit_sheets, commit_communes, commits, meta CASCADE");
    tx.commit();
}

}  // namespace libland::store
