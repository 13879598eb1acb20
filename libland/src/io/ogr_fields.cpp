#include "io/ogr_fields.hpp"

#include "io/utf8.hpp"

#include <libland/error.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace libland::io {
namespace {

// The reader's rule for text that is not UTF-8: decoded by the encoding the user names (or a
// shapefile's .cpg), refused otherwise.
constexpr const char* encoding_advice =
    "; give the file's encoding with --encoding (CP1258, TCVN3, VNI or another iconv name), or a .cpg "
    "file beside a shapefile";

// Returns an ISO 8601 date or date-time from OGR's broken-down form. tz_flag: 0 unknown, 1 local,
// 100 UTC, else offset from UTC in quarter hours around 100.
std::string iso_datetime(OGRFeatureH feature, int index, bool with_time) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    OGR_F_GetFieldAsDateTimeEx(feature, index, &y, &mo, &d, &h, &mi, &s, &tz);
    char buf[48];
    if (!with_time) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        return buf;
    }
    const bool whole = s == std::floor(s);
    int n = whole ? std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi,
                                  static_cast<int>(s))
                  : std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%06.3f", y, mo, d, h,
                                  mi, static_cast<double>(s));
    std::string out(buf, static_cast<std::size_t>(n));
    if (tz == 100) {
        out += 'Z';
    } else if (tz > 1) {
        const int minutes = (tz - 100) * 15;
        n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+',
                          std::abs(minutes) / 60, std::abs(minutes) % 60);
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

}  // namespace

FieldType field_type(OGRFieldType type) noexcept {
    switch (type) {
        case OFTInteger:
        case OFTInteger64: return FieldType::integer;
        case OFTReal: return FieldType::real;
        case OFTDate: return FieldType::date;
        case OFTDateTime: return FieldType::datetime;
        default: return FieldType::string;
    }
}

OGRFieldType ogr_field_type(FieldType type) noexcept {
    switch (type) {
        case FieldType::integer: return OFTInteger64;
        case FieldType::real: return OFTReal;
        case FieldType::date: return OFTDate;
        case FieldType::datetime: return OFTDateTime;
        case FieldType::string: return OFTString;
    }
    return OFTString;
}

std::vector<Field> read_fields(OGRFeatureDefnH definition, const TextDecoder& decoder) {
    std::vector<Field> fields;
    const int n = OGR_FD_GetFieldCount(definition);
    fields.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        OGRFieldDefnH f = OGR_FD_GetFieldDefn(definition, i);
        std::string name = decoder.decode(OGR_Fld_GetNameRef(f));
        if (const std::size_t bad = first_invalid_utf8(name); bad != std::string::npos) {
            throw input_error("field " + std::to_string(i + 1) + " has a name that is not UTF-8 (" +
                              describe_invalid_utf8(name, bad) + ")" + encoding_advice);
        }
        fields.push_back(Field{std::move(name), field_type(OGR_Fld_GetType(f))});
    }
    return fields;
}

void read_values(OGRFeatureH feature, const std::vector<Field>& fields, const TextDecoder& decoder,
                 std::vector<Value>& values, MojibakeCounter* mojibake) {
    values.resize(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int index = static_cast<int>(i);
        if (!OGR_F_IsFieldSetAndNotNull(feature, index)) {
            values[i] = std::monostate{};
            continue;
        }
        switch (fields[i].type) {
            case FieldType::integer: values[i] = std::int64_t{OGR_F_GetFieldAsInteger64(feature, index)}; break;
            case FieldType::real: values[i] = OGR_F_GetFieldAsDouble(feature, index); break;
            case FieldType::date: values[i] = iso_datetime(feature, index, false); break;
            case FieldType::datetime: values[i] = iso_datetime(feature, index, true); break;
            case FieldType::string: {
                std::string text = decoder.decode(OGR_F_GetFieldAsString(feature, index));
                if (const std::size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
                    throw input_error("field " + fields[i].name + " holds text that is not UTF-8 (" +
                                      describe_invalid_utf8(text, bad) + ")" + encoding_advice);
                }
                if (mojibake != nullptr) mojibake->inspect(text);
                values[i] = std::move(text);
                break;
            }
        }
    }
}

void write_value(OGRFeatureH feature, int index, const Value& value) {
    if (std::holds_alternative<std::monostate>(value)) {
        OGR_F_SetFieldNull(feature, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        OGR_F_SetFieldInteger64(feature, index, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        OGR_F_SetFieldDouble(feature, index, *d);
    } else {
        OGR_F_SetFieldString(feature, index, std::get<std::string>(value).c_str());
    }
}

}  // namespace libland::io
