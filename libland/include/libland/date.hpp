#pragma once
// Civil dates and RFC 3339 datetimes, read strictly: the one parser of dates in libland, the
// `land` tool, landd and the Python module. The land office's calendar is Vietnam's (UTC+7).
#include <optional>
#include <string>
#include <string_view>

namespace libland {

// Returns the text when it is a real calendar date "YYYY-MM-DD" (four-digit year, two-digit
// month and day, nothing before or after), nothing otherwise ("2024-+1-+1", "2024-02-30",
// "24-01-01", "2024-01-01 " are not dates).
[[nodiscard]] std::optional<std::string> parse_civil_date(std::string_view text);

// Returns the civil date in Vietnam of a date or datetime: "YYYY-MM-DD" as it is; an RFC 3339
// datetime "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)" ('T' also 't' or ' ', 'Z' also 'z')
// mapped from its offset to UTC+7 ("2024-03-01T20:00:00Z" is 2024-03-02); and the form
// "YYYY-MM-DDT" GDAL writes for a datetime without time, taken as that date. Nothing otherwise
// (a time without an offset, hour 24, a bad offset).
[[nodiscard]] std::optional<std::string> parse_vietnam_date(std::string_view text);

// Returns parse_civil_date(text); throws usage_error "'TEXT' is not a date (YYYY-MM-DD)".
[[nodiscard]] std::string civil_date(std::string_view text);

// Returns today's civil date in Vietnam (UTC+7), "YYYY-MM-DD".
[[nodiscard]] std::string today_in_vietnam();

// Throws usage_error unless `date` (a civil date) may date a change to the record: not after
// today's civil date in Vietnam, not before 1900-01-01. The message names the date.
void check_record_date(const std::string& date);

}  // namespace libland
