#pragma once
// The words of the reports in Vietnamese and English: change types, labels, number formats.
#include <libland/report.hpp>

#include <string>

namespace libland::report {

// Returns the change type's name, e.g. "split" -> "tách thửa" / "split". TYPE is a ChangeType name
// or "retired"; an unknown type is returned as is.
[[nodiscard]] std::string change_type_name(const std::string& type, Language language);

// Returns the label `key` (e.g. "cover.title") in the language; the key itself when unknown.
[[nodiscard]] std::string label(const std::string& key, Language language);

// Formats hectares with 2 decimals ("12.34", never "-0.00"); "" when it rounds to 0.00 and
// blank_zero.
[[nodiscard]] std::string hectares_text(double hectares, bool blank_zero);
// Formats a number with `decimals` decimals and no thousands separator.
[[nodiscard]] std::string fixed(double value, int decimals);

// Returns today's civil date in Vietnam (UTC+7) as "YYYY-MM-DD".
[[nodiscard]] std::string today_in_vietnam();

}  // namespace libland::report
