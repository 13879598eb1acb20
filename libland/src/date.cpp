// The strict date parser (libland/date.hpp): fixed positions, digits only, real calendar days.
#include <libland/date.hpp>
#include <libland/error.hpp>

#include <chrono>

namespace libland {

namespace {

constexpr int vietnam_offset_minutes = 7 * 60;

// Returns the value of text[at, at + n) when all n characters are ASCII digits, else -1.
int digits(std::string_view text, std::size_t at, std::size_t n) {
    if (at + n > text.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// The date in text[0, 10), checked; nothing when it is not one.
std::optional<std::chrono::year_month_day> date_part(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                       std::chrono::day{static_cast<unsigned>(d)}};
}

std::string format(const std::chrono::year_month_day& ymd) {
    char out[11];
    const int y = static_cast<int>(ymd.year());
    const auto m = static_cast<unsigned>(ymd.month());
    const auto d = static_cast<unsigned>(ymd.day());
    out[0] = static_cast<char>('0' + y / 1000 % 10);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[4] = '-';
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    out[10] = '\0';
    return out;
}

// Parses "HH:MM:SS[.frac]" at `at`; returns minutes since midnight and moves `at` past it.
std::optional<int> time_of_day(std::string_view text, std::size_t& at) {
    const int h = digits(text, at, 2), m = digits(text, at + 3, 2), s = digits(text, at + 6, 2);
    if (h < 0 || m < 0 || s < 0 || text[at + 2] != ':' || text[at + 5] != ':') return std::nullopt;
    if (h > 23 || m > 59 || s > 60) return std::nullopt;  // 60: a leap second
    at += 8;
    if (at < text.size() && text[at] == '.') {
        const std::size_t first = ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == first) return std::nullopt;
    }
    return h * 60 + m;
}

// Parses "Z" or "+HH:MM" / "-HH:MM" filling the rest of the text; returns the offset in minutes.
std::optional<int> offset(std::string_view text, std::size_t at) {
    if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) return 0;
    if (at + 6 != text.size() || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':') return std::nullopt;
    const int h = digits(text, at + 1, 2), m = digits(text, at + 4, 2);
    if (h < 0 || m < 0 || h > 23 || m > 59) return std::nullopt;
    return (text[at] == '-' ? -1 : 1) * (h * 60 + m);
}

}  // namespace

std::optional<std::string> parse_civil_date(std::string_view text) {
    if (text.size() != 10 || !date_part(text)) return std::nullopt;
    return std::string(text);
}

std::optional<std::string> parse_vietnam_date(std::string_view text) {
    const std::optional<std::chrono::year_month_day> date = date_part(text);
    if (!date) return std::nullopt;
    if (text.size() == 10) return std::string(text.substr(0, 10));
    const char separator = text[10];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    if (text.size() == 11) {
        if (separator == ' ') return std::nullopt;
        return std::string(text.substr(0, 10));  // GDAL's datetime without a time
    }
    std::size_t at = 11;
    const std::optional<int> minutes = time_of_day(text, at);
    if (!minutes) return std::nullopt;
    const std::optional<int> zone = offset(text, at);
    if (!zone) return std::nullopt;
    const int in_vietnam = *minutes - *zone + vietnam_offset_minutes;
    int shift = 0;
    if (in_vietnam < 0) shift = -1;
    if (in_vietnam >= 24 * 60) shift = 1;
    const std::chrono::year_month_day local{std::chrono::sys_days{*date} + std::chrono::days{shift}};
    const int year = static_cast<int>(local.year());
    if (year < 0 || year > 9999) return std::nullopt;
    return format(local);
}

std::string civil_date(std::string_view text) {
    std::optional<std::string> date = parse_civil_date(text);
    if (!date) throw usage_error("'" + std::string(text) + "' is not a date (YYYY-MM-DD)");
    return std::move(*date);
}

std::string today_in_vietnam() {
    const auto now = std::chrono::system_clock::now() + std::chrono::minutes{vietnam_offset_minutes};
    return format(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)});
}

void check_record_date(const std::string& date) {
    (void)civil_date(date);
    if (date < "1900-01-01") {
        throw usage_error("the date " + date + " is before 1900-01-01; a change to the land record cannot be that old");
    }
    const std::string today = today_in_vietnam();
    if (date > today) {
        throw usage_error("the date " + date + " is after today (" + today +
                          " in Vietnam); a change cannot be recorded in advance");
    }
}

}  // namespace libland
