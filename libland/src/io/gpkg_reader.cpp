#include "io/gpkg_reader.hpp"

#include "detail/wkb.hpp"

#include <libland/error.hpp>

#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <string_view>

namespace libland::io {
namespace {

struct DatabaseCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* st) const noexcept { sqlite3_finalize(st); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Returns an SQL identifier in double quotes (identifiers cannot be bound).
std::string quoted(const char* identifier) {
    std::string out = "\"";
    for (const char* c = identifier; *c != '\0'; ++c) out += *c == '"' ? std::string("\"\"") : std::string(1, *c);
    return out + "\"";
}

// Returns the WKB geometry type code as written, 0 when unreadable.
std::uint32_t wkb_type(std::string_view wkb) {
    if (wkb.size() < 5) return 0;
    std::uint32_t type = 0;
    std::memcpy(&type, wkb.data() + 1, sizeof type);
    return wkb[0] == 0 ? __builtin_bswap32(type) : type;  // 0: big-endian
}

// Returns a datetime as the OGR path writes it: "...:SS.000Z" loses its zero fraction.
std::string datetime_text(std::string text) {
    if (const auto dot = text.find(".000"); dot != std::string::npos && dot + 4 >= text.size() - 1) {
        text.erase(dot, 4);
    }
    return text;
}

Value column_value(sqlite3_stmt* st, int column, FieldType type) {
    if (sqlite3_column_type(st, column) == SQLITE_NULL) return std::monostate{};
    switch (type) {
        case FieldType::integer: return std::int64_t{sqlite3_column_int64(st, column)};
        case FieldType::real: return sqlite3_column_double(st, column);
        default: break;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    std::string value(text, static_cast<std::size_t>(sqlite3_column_bytes(st, column)));
    return type == FieldType::datetime ? datetime_text(std::move(value)) : Value(std::move(value));
}

// Sets the parcel's geometry from a GeoPackage blob: 2D polygons parsed here, the rest by OGR.
void set_geometry(Parcel& parcel, std::string_view blob, FeatureReader& reader) {
    const std::string_view wkb = gpkg_wkb(blob);
    const std::uint32_t type = wkb_type(wkb);
    if (type == 3 || type == 6) {
        try {
            parcel.geometry = detail::from_wkb(wkb);
            parcel.source_type = type == 3 ? "POLYGON" : "MULTIPOLYGON";
            std::erase_if(parcel.geometry, [](const Polygon& p) { return p.rings.empty(); });
            return;
        } catch (const geometry_error&) {
            parcel.geometry.clear();  // OGR will say what it is
        }
    }
    OGRGeometryH g = nullptr;
    if (!wkb.empty() && OGR_G_CreateFromWkbEx(wkb.data(), nullptr, &g, wkb.size()) == OGRERR_NONE) {
        const detail::OgrGeometryPtr owned(g);
        reader.set_geometry(parcel, owned.get());
    }
}

// Returns the statement reading fid, geometry and every field, or null when SQLite cannot.
StatementPtr prepare(sqlite3* db, OGRLayerH layer, const std::vector<Field>& fields) {
    std::string sql = "SELECT " + quoted(OGR_L_GetFIDColumn(layer)) + ", " + quoted(OGR_L_GetGeometryColumn(layer));
    for (const Field& f : fields) sql += ", " + quoted(f.name.c_str());
    sql += " FROM " + quoted(OGR_L_GetName(layer));
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return nullptr;
    }
    return StatementPtr(st);
}

}  // namespace

std::string_view gpkg_wkb(std::string_view blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') return {};
    static constexpr std::size_t envelope_bytes[] = {0, 32, 48, 48, 64};
    const unsigned indicator = (static_cast<unsigned char>(blob[3]) >> 1) & 0x07;
    if (indicator > 4) return {};
    const std::size_t header = 8 + envelope_bytes[indicator];
    return blob.size() > header ? blob.substr(header) : std::string_view{};
}

bool read_gpkg_directly(GDALDatasetH dataset, OGRLayerH layer, const std::string& path,
                        const std::vector<Field>& fields, FeatureReader& reader) {
    if (std::string_view(GDALGetDriverShortName(GDALGetDatasetDriver(dataset))) != "GPKG" ||
        path.rfind("/vsi", 0) == 0 || *OGR_L_GetFIDColumn(layer) == '\0' || *OGR_L_GetGeometryColumn(layer) == '\0') {
        return false;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    const std::unique_ptr<sqlite3, DatabaseCloser> db(raw);
    if (rc != SQLITE_OK) return false;
    const StatementPtr st = prepare(db.get(), layer, fields);
    if (!st) return false;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(st.get())) == SQLITE_ROW) {
        Parcel parcel;
        parcel.fid = sqlite3_column_int64(st.get(), 0);
        if (sqlite3_column_type(st.get(), 1) == SQLITE_BLOB) {
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(st.get(), 1));
            set_geometry(parcel, {bytes, static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 1))}, reader);
        }
        parcel.attributes.reserve(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            parcel.attributes.push_back(column_value(st.get(), static_cast<int>(i) + 2, fields[i].type));
        }
        reader.add(std::move(parcel));
    }
    if (step != SQLITE_DONE) {
        throw input_error(path + " layer " + OGR_L_GetName(layer) + ": " + sqlite3_errmsg(db.get()));
    }
    return true;
}

}  // namespace libland::io
