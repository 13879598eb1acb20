#pragma once
// A layer's attribute fields and a feature's values as libland types. Private.
#include <libland/attribute.hpp>

#include "detail/gdal.hpp"
#include "io/encoding.hpp"

#include <vector>

namespace libland::io {

// Returns libland's type for an OGR field type: Integer/Integer64 -> integer, Real -> real,
// Date -> date, DateTime -> datetime, anything else -> string.
[[nodiscard]] FieldType field_type(OGRFieldType type) noexcept;

// Returns the OGR field type that writes a libland field type back.
[[nodiscard]] OGRFieldType ogr_field_type(FieldType type) noexcept;

// Returns every attribute field of the layer definition, names decoded to UTF-8.
[[nodiscard]] std::vector<Field> read_fields(OGRFeatureDefnH definition, const TextDecoder& decoder);

// Reads one feature's values, one per field, into `values` (resized). Strings are decoded and,
// when `mojibake` is not null, inspected for mis-decoding.
void read_values(OGRFeatureH feature, const std::vector<Field>& fields, const TextDecoder& decoder,
                 std::vector<Value>& values, MojibakeCounter* mojibake);

// Sets field `index` of the feature to `value` (null for std::monostate; dates as ISO text).
void write_value(OGRFeatureH feature, int index, const Value& value);

}  // namespace libland::io
