#include "detail/unicode.hpp"

#include <glib.h>

#include <memory>

namespace libland::detail {

namespace {

struct GFreeDeleter {
    void operator()(gchar* p) const noexcept { g_free(p); }
};

}  // namespace

std::string nfc(const std::string& text) {
    std::unique_ptr<gchar, GFreeDeleter> valid(g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size())));
    std::unique_ptr<gchar, GFreeDeleter> normal(g_utf8_normalize(valid.get(), -1, G_NORMALIZE_NFC));
    return normal ? std::string(normal.get()) : std::string(valid.get());
}

}  // namespace libland::detail
