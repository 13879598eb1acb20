#pragma once
// A PDF being written with cairo, and text set with pango: RAII around the cairo surface and
// context and the pango layouts. Private to the reports.
#include "detail/unicode.hpp"

#include <libland/report.hpp>

#include <cairo.h>

#include <memory>
#include <string>

namespace libland::report {

// Page sizes in PDF points (1/72 inch), portrait.
struct PageSize {
    double width = 0;
    double height = 0;
};
[[nodiscard]] PageSize page_size(Paper paper, bool landscape);

enum class Align { left, center, right };

struct TextStyle {
    double size = 9;        // points
    bool bold = false;
    double width = -1;      // wrap (and align) within this width; < 0: one line, no wrapping
    Align align = Align::left;
    bool ellipsize = false;  // with a width: one line, cut with "…" when too long
    double red = 0, green = 0, blue = 0;  // the text's colour
};

struct CairoDeleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
    void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};

// Owns the PDF surface and its drawing context. Text is drawn in the "Noto Sans" family (then
// fontconfig's fallbacks), normalised to NFC; cairo embeds the fonts' subsets.
class PdfDocument {
public:
    // Starts writing to `path` (the caller's temporary file) with the first page's size.
    PdfDocument(const std::string& path, PageSize first_page);
    ~PdfDocument() = default;
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;
    PdfDocument(PdfDocument&&) = delete;
    PdfDocument& operator=(PdfDocument&&) = delete;

    [[nodiscard]] cairo_t* cr() const noexcept { return cr_.get(); }
    [[nodiscard]] PageSize size() const noexcept { return size_; }
    // Ends the current page and starts one of the given size.
    void next_page(PageSize size);
    // Draws text with its top-left at (x, y) (top-centre / top-right when aligned); returns the
    // height it took.
    double text(double x, double y, const std::string& text, const TextStyle& style = {});
    // Returns the height the text takes (wrapped when style.width >= 0).
    [[nodiscard]] double text_height(const std::string& text, const TextStyle& style);
    // Returns the width the text takes on one line.
    [[nodiscard]] double text_width(const std::string& text, const TextStyle& style);
    // Sets the document's title (metadata).
    void set_title(const std::string& title);
    // Ends the last page and writes out the file. Throws input_error naming `target` on failure.
    void finish(const std::string& target);

private:
    std::unique_ptr<cairo_surface_t, CairoDeleter> surface_;
    std::unique_ptr<cairo_t, CairoDeleter> cr_;
    PageSize size_;
};

using detail::nfc;  // text in Unicode NFC (detail/unicode.hpp)

}  // namespace libland::report
