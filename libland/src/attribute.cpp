#include <libland/attribute.hpp>
#include <libland/snapshot.hpp>

#include <cmath>
#include <cstdio>

namespace libland {

std::string to_string(const Value& value) {
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const {
            if (std::isfinite(v) && v == std::trunc(v) && std::abs(v) < 1e15) {
                return std::to_string(static_cast<std::int64_t>(v));
            }
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.15g", v);
            return buf;
        }
        std::string operator()(const std::string& v) const { return v; }
    };
    return std::visit(Visitor{}, value);
}

const char* to_string(FieldType type) noexcept {
    switch (type) {
        case FieldType::integer: return "integer";
        case FieldType::real: return "real";
        case FieldType::string: return "string";
        case FieldType::date: return "date";
        case FieldType::datetime: return "datetime";
    }
    return "string";
}

int Snapshot::field_index(const std::string& name) const noexcept {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace libland
