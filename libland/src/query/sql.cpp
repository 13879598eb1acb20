// Compiling filters (CQL2 tree, property equality, free text, sort keys) into SQL fragments with
// bound parameters, and the SQL function land_fold that the free-text search runs in the database.
#include "query/sql.hpp"

#include "detail/geos.hpp"
#include "detail/geos_ops.hpp"
#include "detail/validity.hpp"
#include "query/ast.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

namespace libland::query {

namespace {

bool is_numeric(FieldType type) { return type == FieldType::integer || type == FieldType::real; }

std::string number_text(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

std::optional<double> parse_number(const std::string& text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// A literal geometry moved from CRS84 into the working CRS.
struct Shape {
    std::string wkb;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

Shape to_working_crs(const std::string& wkt, int srid) {
    detail::GeosContext ctx;
    auto parsed = detail::from_wkt(ctx, wkt);
    if (!parsed) {
        throw usage_error("filter: the geometry " + wkt + " is malformed");
    }
    const detail::GeomPtr geometry = std::move(*parsed);
    if (GEOSGeomTypeId_r(ctx.handle(), geometry.get()) == GEOS_POLYGON && detail::invalidity(ctx, geometry.get())) {
        throw usage_error("filter: the polygon " + wkt + " is not valid (its rings cross or are not closed)");
    }
    // A new Transformer costs about half a millisecond (a clone of the process's chosen one, in a
    // context of its own): each thread keeps its own across requests.
    thread_local std::map<int, Transformer> transformers;
    auto found = transformers.find(srid);
    if (found == transformers.end()) {
        found = transformers.emplace(srid, Transformer("OGC:CRS84", "EPSG:" + std::to_string(srid))).first;
    }
    const Transformer& to_working = found->second;
    detail::GeomPtr working(nullptr, detail::GeomDeleter{ctx.handle()});
    try {
        working = detail::transformed(ctx, geometry.get(), to_working);
    } catch (const geometry_error&) {
        throw usage_error("filter: the geometry " + wkt + " cannot be moved into the database's CRS (longitude latitude expected)");
    }
    const Box box = detail::box_of(ctx, working.get());
    return {detail::to_wkb(ctx, working.get()), box.min_x, box.min_y, box.max_x, box.max_y};
}

// Escapes LIKE's wildcards (with '\') so that the text matches itself.
std::string like_literal(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// Returns a CQL2 LIKE pattern (% any run, _ one character, \ escapes) as a GLOB pattern, which is
// case-sensitive as CQL2's LIKE is.
std::string glob_pattern(const std::string& like) {
    std::string out;
    for (std::size_t i = 0; i < like.size(); ++i) {
        const char c = like[i];
        if (c == '\\' && i + 1 < like.size()) {
            const char next = like[++i];
            if (next == '*' || next == '?' || next == '[') out += std::string("[") + next + "]";
            else out += next;
        } else if (c == '%') {
            out += '*';
        } else if (c == '_') {
            out += '?';
        } else if (c == '*' || c == '?' || c == '[') {
            out += std::string("[") + c + "]";
        } else {
            out += c;
        }
    }
    return out;
}

class Compiler {
public:
    Compiler(const FeatureFilter& filter, const Target& target, int first) : filter_(filter), target_(target) {
        sql_.first = first;
    }

    Sql run() {
        if (!filter_.cql2.empty()) {
            const NodePtr tree = parse_cql2(filter_.cql2);
            sql_.where += " AND (" + boolean(*tree) + ")";
        }
        for (const auto& [name, value] : filter_.equals) {
            const Queryable& q = queryable(name);
            sql_.where += " AND " + column(q) + " = " + typed_value(q, value);
        }
        if (!filter_.text.empty()) free_text();
        if (const std::optional<Box>& b = filter_.box) sql_.where += " AND " + box_filter(b->min_x, b->min_y, b->max_x, b->max_y);
        sql_.where_parameters = sql_.parameters.size();
        for (const SortKey& key : filter_.sort) {
            // SQLite sorts NULL first; PostgreSQL is told to do the same.
            const char* nulls = !postgis() ? "" : key.descending ? " NULLS LAST" : " NULLS FIRST";
            sql_.order += column(queryable(key.property)) + (key.descending ? " DESC" : "") + nulls + ", ";
        }
        return std::move(sql_);
    }

private:
    [[nodiscard]] bool postgis() const noexcept { return target_.dialect == Dialect::postgis; }

    std::string bound(Parameter value) {
        sql_.parameters.push_back(std::move(value));
        return (postgis() ? "$" : "?") + std::to_string(sql_.first + static_cast<int>(sql_.parameters.size()) - 1);
    }

    // The text folded (letter case, accents) in SQL: land_fold() in SpatiaLite, translate() with
    // fold_map's texts bound in PostgreSQL.
    std::string folded(const std::string& expression, bool letter_case, bool accents) {
        if (!postgis()) {
            return "land_fold(" + expression + ", " + (letter_case ? "1" : "0") + ", " + (accents ? "1" : "0") + ")";
        }
        const FoldMap& map = fold_map(letter_case, accents);
        return "translate(" + expression + ", " + bound(map.from) + ", " + bound(map.to) + ")";
    }

    const Queryable& queryable(const std::string& name) {
        if (std::find(filter_.hidden.begin(), filter_.hidden.end(), name) != filter_.hidden.end()) {
            throw access_error("the property '" + name + "' is private: filtering, sorting or searching on it "
                               "needs a key allowed to read it");
        }
        const auto found = std::find_if(target_.queryables.begin(), target_.queryables.end(),
                                        [&](const Queryable& q) { return q.name == name; });
        if (found == target_.queryables.end()) {
            std::string known;
            for (const Queryable& q : target_.queryables) {
                if (std::find(filter_.hidden.begin(), filter_.hidden.end(), q.name) == filter_.hidden.end()) {
                    known += (known.empty() ? "" : ", ") + q.name;
                }
            }
            throw usage_error("unknown property '" + name + "' (queryables: " + known + ")");
        }
        return *found;
    }

    std::string column(const Queryable& q) {
        const Column c = target_.column(q);
        return c.path ? c.sql + bound(*c.path) + c.close : c.sql;
    }

    // The value given as text, bound as the property's type.
    std::string typed_value(const Queryable& q, const std::string& text) {
        if (!is_numeric(q.type)) return bound(text);
        const std::optional<double> n = parse_number(text);
        if (!n) throw usage_error("the property '" + q.name + "' is a number; '" + text + "' is not");
        if (q.type == FieldType::integer && std::trunc(*n) == *n && std::abs(*n) < 9e15) {
            return bound(static_cast<std::int64_t>(*n));
        }
        return bound(*n);
    }

    // A scalar operand; `type` is set to the property's type when it is (or folds) a property.
    std::string scalar(const Node& node, std::optional<FieldType>& type, const std::optional<FieldType>& other) {
        switch (node.kind) {
            case Node::Kind::property: {
                const Queryable& q = queryable(node.text);
                type = q.type;
                return column(q);
            }
            case Node::Kind::text:
                if (other && is_numeric(*other)) {
                    const std::optional<double> n = parse_number(node.text);
                    if (!n) throw usage_error("filter: '" + node.text + "' is compared with a number");
                    return bound(*n);
                }
                return bound(node.text);
            case Node::Kind::number:
                if (other && !is_numeric(*other)) return bound(number_text(node.number));
                return bound(node.number);
            case Node::Kind::boolean: return bound(static_cast<std::int64_t>(node.number));
            case Node::Kind::fold: {
                const std::string inner = scalar(*node.children[0], type, other);
                return folded(inner, node.op == "casei", node.op != "casei");
            }
            default: throw usage_error("filter: a value was expected where a condition is");
        }
    }

    // Both operands, the property side compiled first so that the literal takes its type.
    std::pair<std::string, std::string> operands(const Node& left, const Node& right) {
        std::optional<FieldType> left_type, right_type;
        const bool right_first = left.kind != Node::Kind::property && left.kind != Node::Kind::fold;
        if (right_first) {
            std::string r = scalar(right, right_type, std::nullopt);
            std::string l = scalar(left, left_type, right_type);
            return {std::move(l), std::move(r)};
        }
        std::string l = scalar(left, left_type, std::nullopt);
        std::string r = scalar(right, right_type, left_type);
        return {std::move(l), std::move(r)};
    }

    std::string boolean(const Node& node) {
        switch (node.kind) {
            case Node::Kind::all_of:
            case Node::Kind::any_of: {
                std::string out;
                for (const NodePtr& child : node.children) {
                    if (!out.empty()) out += node.kind == Node::Kind::all_of ? " AND " : " OR ";
                    out += "(" + boolean(*child) + ")";
                }
                return out;
            }
            case Node::Kind::negation: return "NOT (" + boolean(*node.children[0]) + ")";
            case Node::Kind::comparison: {
                auto [l, r] = operands(*node.children[0], *node.children[1]);
                return l + " " + node.op + " " + r;
            }
            case Node::Kind::like: {
                const Node& pattern = *node.children[1];
                if (pattern.kind != Node::Kind::text &&
                    !(pattern.kind == Node::Kind::fold && pattern.children[0]->kind == Node::Kind::text)) {
                    throw usage_error("filter: LIKE takes a quoted pattern");
                }
                std::optional<FieldType> type;
                const std::string subject = scalar(*node.children[0], type, std::nullopt);
                // CQL2's LIKE pattern is PostgreSQL's (case-sensitive, '\\' escapes); SQLite's
                // case-sensitive match is GLOB.
                std::string text = pattern.text;
                if (pattern.kind == Node::Kind::fold) {
                    const bool casei = pattern.op == "casei";
                    text = fold_text(pattern.children[0]->text, casei, !casei);
                }
                if (postgis()) return subject + " LIKE " + bound(text);
                return subject + " GLOB " + bound(glob_pattern(text));
            }
            case Node::Kind::in_list: {
                std::optional<FieldType> type;
                std::string out = scalar(*node.children[0], type, std::nullopt) + " IN (";
                for (std::size_t i = 1; i < node.children.size(); ++i) {
                    std::optional<FieldType> ignored;
                    out += (i > 1 ? ", " : "") + scalar(*node.children[i], ignored, type);
                }
                return out + ")";
            }
            case Node::Kind::between: {
                std::optional<FieldType> type, ignored;
                std::string subject = scalar(*node.children[0], type, std::nullopt);
                std::string low = scalar(*node.children[1], ignored, type);
                std::string high = scalar(*node.children[2], ignored, type);
                return subject + " BETWEEN " + low + " AND " + high;
            }
            case Node::Kind::is_null: {
                std::optional<FieldType> type;
                return scalar(*node.children[0], type, std::nullopt) + " IS NULL";
            }
            case Node::Kind::intersects: return intersects(node);
            case Node::Kind::within_distance: return within_distance(node);
            default: throw usage_error("filter: a condition was expected where a value is");
        }
    }

    void check_geometry_property(const Node& property) const {
        if (property.text != "geometry" && property.text != "geom") {
            throw usage_error("filter: the spatial property is 'geometry', not '" + property.text + "'");
        }
    }

    // The R-tree prefilter: rows whose bounds meet the box.
    std::string box_filter(double min_x, double min_y, double max_x, double max_y) {
        const std::string x0 = bound(min_x), y0 = bound(min_y), x1 = bound(max_x), y1 = bound(max_y);
        if (postgis()) {
            return target_.geometry_column + " && ST_MakeEnvelope(" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ", " +
                   bound(static_cast<std::int64_t>(target_.srid)) + ")";
        }
        return target_.id_column + " IN (SELECT pkid FROM " + target_.rtree + " WHERE xmin <= " + x1 +
               " AND xmax >= " + x0 + " AND ymin <= " + y1 + " AND ymax >= " + y0 + ")";
    }

    std::string intersects(const Node& node) {
        check_geometry_property(*node.children[0]);
        Shape shape = to_working_crs(node.children[1]->text, target_.srid);
        std::string out = box_filter(shape.min_x, shape.min_y, shape.max_x, shape.max_y);
        if (postgis()) {
            return out + " AND ST_Intersects(" + target_.geometry_column + ", ST_GeomFromWKB(" +
                   bound(Blob{std::move(shape.wkb)}) + ", " + bound(static_cast<std::int64_t>(target_.srid)) + "))";
        }
        return out + " AND ST_Intersects(" + target_.geometry_column + ", GeomFromWKB(" + bound(Blob{std::move(shape.wkb)}) +
               ", " + bound(static_cast<std::int64_t>(target_.srid)) + ")) = 1";
    }

    std::string within_distance(const Node& node) {
        check_geometry_property(*node.children[0]);
        const Shape point = to_working_crs(node.children[1]->text, target_.srid);
        const double d = node.number;
        std::string out = box_filter(point.min_x - d, point.min_y - d, point.max_x + d, point.max_y + d);
        if (postgis()) {
            return out + " AND ST_Distance(" + target_.geometry_column + ", ST_SetSRID(ST_MakePoint(" +
                   bound(point.min_x) + ", " + bound(point.min_y) + "), " +
                   bound(static_cast<std::int64_t>(target_.srid)) + ")) <= " + bound(d);
        }
        return out + " AND ST_Distance(" + target_.geometry_column + ", MakePoint(" + bound(point.min_x) + ", " +
               bound(point.min_y) + ", " + bound(static_cast<std::int64_t>(target_.srid)) + ")) <= " + bound(d);
    }

    void free_text() {
        std::string haystack;
        for (const Queryable& q : target_.queryables) {
            if (q.type != FieldType::string) continue;
            if (std::find(filter_.hidden.begin(), filter_.hidden.end(), q.name) != filter_.hidden.end()) continue;
            haystack += (haystack.empty() ? "" : " || ' ' || ") + ("coalesce(" + column(q) + ", '')");
        }
        if (haystack.empty()) {
            sql_.where += " AND 1 = 0";
            return;
        }
        const std::string words = fold_text(filter_.text);
        std::size_t at = 0;
        while (at < words.size()) {
            const std::size_t start = words.find_first_not_of(" \t\n\r,", at);
            if (start == std::string::npos) break;
            const std::size_t end = std::min(words.find_first_of(" \t\n\r,", start), words.size());
            const std::string word = words.substr(start, end - start);
            sql_.where += " AND " + folded(haystack, true, true) + " LIKE " + bound("%" + like_literal(word) + "%") +
                          " ESCAPE '\\'";
            at = end;
        }
    }

    const FeatureFilter& filter_;
    const Target& target_;
    Sql sql_;
};

void fold_function(sqlite3_context* context, int argc, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    const bool letter_case = argc < 2 || sqlite3_value_int(argv[1]) != 0;
    const bool accents = argc < 3 || sqlite3_value_int(argv[2]) != 0;
    const std::string folded = fold_text(std::string_view(text, static_cast<std::size_t>(size)), letter_case, accents);
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// Appends the code point as UTF-8.
void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

FoldMap make_fold_map(bool letter_case, bool accents) {
    // fold_text changes single code points of these ranges (Latin letters, Vietnamese letters,
    // combining marks); every other character stays as it is.
    FoldMap map;
    std::string removed;
    for (const auto& [first, last] : {std::pair<std::uint32_t, std::uint32_t>{0x41, 0x5A}, {0xC0, 0x24F}, {0x300, 0x36F},
                                     {0x1E00, 0x1EFF}}) {
        for (std::uint32_t code = first; code <= last; ++code) {
            std::string one;
            append_utf8(one, code);
            const std::string out = fold_text(one, letter_case, accents);
            if (out == one) continue;
            if (out.empty()) {
                removed += one;
            } else {
                map.from += one;
                map.to += out;
            }
        }
    }
    map.from += removed;
    return map;
}

}  // namespace

const FoldMap& fold_map(bool letter_case, bool accents) {
    static const FoldMap maps[4] = {make_fold_map(false, false), make_fold_map(false, true), make_fold_map(true, false),
                                    make_fold_map(true, true)};
    return maps[(letter_case ? 2 : 0) + (accents ? 1 : 0)];
}

void Sql::bind(detail::Statement& statement) const {
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const int index = first + static_cast<int>(i);
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Blob>) statement.bind_blob(index, v.bytes);
                else statement.bind(index, v);
            },
            parameters[i]);
    }
}

Sql compile(const FeatureFilter& filter, const Target& target, int first_parameter) {
    return Compiler(filter, target, first_parameter).run();
}

void register_functions(detail::Database& db) {
    for (int args : {1, 3}) {
        const int rc = sqlite3_create_function_v2(db.handle(), "land_fold", args,
                                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                                  fold_function, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) db.fail(rc, "registering land_fold");
    }
}

}  // namespace libland::query
