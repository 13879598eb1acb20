#pragma once
// Small hand-made surveys and fresh database paths for the store's test suites.
#include "pg_cluster.hpp"
#include "work_files.hpp"

#include <libland/geometry.hpp>
#include <libland/snapshot.hpp>
#include <libland/store.hpp>

#include <filesystem>
#include <string>

namespace libland::test {

// A corner of a former Ninh Binh commune in EPSG:5897 (VN-2000 / TM-3 105 deg).
constexpr double store_x0 = 590000, store_y0 = 2230000;

inline MultiPolygon square(double x, double y, double size) {
    const double x1 = store_x0 + x, y1 = store_y0 + y, x2 = x1 + size, y2 = y1 + size;
    return {Polygon{{Ring{{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {x1, y1}}}}};
}

// A survey of `columns` x `rows` adjoining 20 m squares on sheet 14362-7, numbered from the
// north-west corner row by row (1, 2, ...), every one rice land (LUC) of holder "Tran Thi B".
// Fields: maXa (string), soTo (integer), soThua (integer), loaiDat (string), chuSuDung (string).
inline Snapshot grid_survey(int columns, int rows) {
    Snapshot s;
    s.source = "grid.gpkg";
    s.layer = "parcels";
    s.crs = "EPSG:5897";
    s.fields = {{"maXa", FieldType::string}, {"soTo", FieldType::integer}, {"soThua", FieldType::integer},
                {"loaiDat", FieldType::string}, {"chuSuDung", FieldType::string}};
    s.id_fields = {"maXa", "soTo", "soThua"};
    s.use_field = "loaiDat";
    int number = 0;
    for (int r = rows - 1; r >= 0; --r) {
        for (int c = 0; c < columns; ++c) {
            ++number;
            Parcel p;
            p.key = "14362-7-" + std::to_string(number);
            p.use = "LUC";
            p.attributes = {Value{std::string("14362")}, Value{std::int64_t{7}}, Value{std::int64_t{number}},
                            Value{std::string("LUC")}, Value{std::string("Tran Thi B")}};
            p.geometry = square(20.0 * c, 20.0 * r, 20);
            p.source_type = "POLYGON";
            p.fid = number;
            s.parcels.push_back(std::move(p));
        }
    }
    return s;
}

// Returns the information of a commit dated `date`, with `message` and `document` ("" for none).
inline CommitInfo commit_info(const std::string& date, const std::string& message = "",
                              const std::string& document = "") {
    CommitInfo info;
    info.date = date;
    info.message = message;
    info.document = document;
    return info;
}

// Returns a new land database's location for the backend under test: a path in the suite's work
// folder (no file there, nor WAL leftovers), or with LIBLAND_TEST_BACKEND=postgis the URI of a new,
// empty database of the throwaway cluster.
inline std::string fresh_database(const std::string& suite, const std::string& name) {
    if (postgis_backend()) return ThrowawayCluster::get().fresh_database(database_name(suite, name));
    const std::string path = work_path(suite, name);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    return path;
}

}  // namespace libland::test
