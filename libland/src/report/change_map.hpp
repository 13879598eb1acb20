#pragma once
// The change map pages of the change report: every parcel thin and grey, changed parcels filled by
// change type with a legend, the area's boundary, grid coordinates, scale bar and north arrow.
// A small area is one page; a large one (more than sheet_pages_above parcels) is an overview and
// one page per map sheet with changes; a very large overview (more than raster_above parcels) is
// drawn as a 200 dpi image so the file stays small.
#include "report/map_frame.hpp"
#include "report/pdf_document.hpp"

#include <libland/change.hpp>
#include <libland/snapshot.hpp>

#include <string>
#include <vector>

namespace libland::report {

class ChangeMap {
public:
    static constexpr std::size_t sheet_pages_above = 6000;
    static constexpr std::size_t raster_above = 150000;

    ChangeMap(const Snapshot& before, const Snapshot& after, const ChangeSet& changes, Language language,
              Paper paper);

    [[nodiscard]] std::size_t pages() const noexcept { return 1 + sheets_.size(); }
    // The size of map page i (portrait or landscape, whichever fits the area better).
    [[nodiscard]] PageSize page(std::size_t i) const;
    // Draws map page i (0: the overview) on the current page; returns its map frame.
    MapFrame draw(PdfDocument& doc, std::size_t i) const;

private:
    struct Shape {
        const MultiPolygon* geometry;
        Box bounds;
        ChangeType type;  // unchanged: drawn grey only
    };
    struct Sheet {
        std::string name;
        Box bounds;
    };
    void draw_parcels(cairo_t* cr, const MapFrame& frame, bool all) const;
    void draw_legend(PdfDocument& doc, double x, double y, double width) const;

    Language language_;
    Paper paper_;
    std::vector<Shape> shapes_;    // every parcel: the after map, then the removed ones
    std::vector<std::size_t> counts_;  // events per ChangeType
    Box extent_;
    std::vector<Sheet> sheets_;    // sheets with changes, when the area is large
    MultiPolygon outline_;         // the area's boundary (empty when it cannot be computed)
};

// Returns the outer boundary of the parcels (their coverage union, gaps narrower than 24 m closed,
// holes dropped); empty when GEOS cannot
// compute it (the map is drawn without it).
[[nodiscard]] MultiPolygon area_outline(const Snapshot& snapshot);

}  // namespace libland::report
