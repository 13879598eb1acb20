// PdfDocument: cairo's PDF surface and pango text, owned.
#include "report/pdf_document.hpp"

#include <libland/error.hpp>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace libland::report {

namespace {

struct GObjectDeleter {
    void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct FontDeleter {
    void operator()(PangoFontDescription* font) const noexcept { pango_font_description_free(font); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontDeleter>;

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const TextStyle& style) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    FontPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(), "Noto Sans");
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    const std::string normal = nfc(text);
    pango_layout_set_text(layout.get(), normal.c_str(), static_cast<int>(normal.size()));
    if (style.width >= 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(style.width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        if (style.ellipsize) pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(layout.get(), style.align == Align::center  ? PANGO_ALIGN_CENTER
                                                 : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                               : PANGO_ALIGN_LEFT);
    }
    return layout;
}

}  // namespace

PageSize page_size(Paper paper, bool landscape) {
    PageSize s = paper == Paper::a3 ? PageSize{841.890, 1190.551} : PageSize{595.276, 841.890};
    if (landscape) std::swap(s.width, s.height);
    return s;
}

PdfDocument::PdfDocument(const std::string& path, PageSize first_page)
    : surface_(cairo_pdf_surface_create(path.c_str(), first_page.width, first_page.height)),
      cr_(cairo_create(surface_.get())),
      size_(first_page) {
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) {
        throw input_error(path + ": cannot create the PDF (" +
                          cairo_status_to_string(cairo_surface_status(surface_.get())) + ")");
    }
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "libland");
}

void PdfDocument::next_page(PageSize size) {
    cairo_show_page(cr_.get());
    cairo_pdf_surface_set_size(surface_.get(), size.width, size.height);
    size_ = size;
}

double PdfDocument::text(double x, double y, const std::string& text, const TextStyle& style) {
    if (text.empty()) return 0;
    const LayoutPtr layout = make_layout(cr_.get(), text, style);
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    double left = x;
    if (style.width < 0 && style.align != Align::left) {
        const double w = static_cast<double>(width) / PANGO_SCALE;
        left = style.align == Align::center ? x - w / 2 : x - w;
    }
    cairo_save(cr_.get());
    cairo_set_source_rgb(cr_.get(), style.red, style.green, style.blue);
    cairo_move_to(cr_.get(), left, y);
    pango_cairo_show_layout(cr_.get(), layout.get());
    cairo_new_path(cr_.get());
    cairo_restore(cr_.get());
    return static_cast<double>(height) / PANGO_SCALE;
}

double PdfDocument::text_height(const std::string& text, const TextStyle& style) {
    if (text.empty()) return 0;
    const LayoutPtr layout = make_layout(cr_.get(), text, style);
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

double PdfDocument::text_width(const std::string& text, const TextStyle& style) {
    TextStyle one_line = style;
    one_line.width = -1;
    const LayoutPtr layout = make_layout(cr_.get(), text, one_line);
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(width) / PANGO_SCALE;
}

void PdfDocument::set_title(const std::string& title) {
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, nfc(title).c_str());
}

void PdfDocument::finish(const std::string& target) {
    cairo_surface_finish(surface_.get());
    const cairo_status_t status = cairo_surface_status(surface_.get());
    if (status != CAIRO_STATUS_SUCCESS) {
        throw input_error(target + ": cannot write the PDF (" + cairo_status_to_string(status) + ")");
    }
}

}  // namespace libland::report
