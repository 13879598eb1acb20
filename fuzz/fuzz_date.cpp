// libFuzzer target: the civil date check every write and time-travel read applies
// ("YYYY-MM-DD"); a date it accepts must be a real calendar date written in exactly ten
// characters, which the target asserts.
#include "store/store_impl.hpp"

#include <libland/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        libland::store::check_date(text);
    } catch (const libland::usage_error&) {
        return 0;
    }
    // Accepted: ten characters, digits but for the two dashes.
    if (text.size() != 10) std::abort();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) std::abort();
    }
    return 0;
}
