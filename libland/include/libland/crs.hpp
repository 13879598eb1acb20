#pragma once
// Coordinate reference systems and transformations (PROJ behind the curtain).
#include <libland/geometry.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace libland {

// Transforms points between two CRSs, always in (easting, northing) / (longitude, latitude)
// order whatever the CRS's axis order. Move-only; one per thread.
class Transformer {
public:
    // Throws usage_error when either CRS is unknown or no transformation exists.
    Transformer(const std::string& from, const std::string& to);
    ~Transformer();
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;
    Transformer(const Transformer&) = delete;
    Transformer& operator=(const Transformer&) = delete;

    [[nodiscard]] Point operator()(Point p) const;
    // Transforms in place. Throws geometry_error if a point cannot be transformed.
    void apply(std::vector<Point>& points) const;
    void apply(MultiPolygon& geometry) const;
    void apply(FeatureGeometry& geometry) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Returns true when the CRS is geographic (longitude/latitude). Throws usage_error if unknown.
[[nodiscard]] bool is_geographic(const std::string& crs);

// Returns "EPSG:N" when PROJ identifies the CRS with an EPSG code, else the input unchanged.
[[nodiscard]] std::string normalise_crs(const std::string& crs);

// Returns the CRS's area of use (as PROJ's database records it), widened by `margin_degrees` on
// every side, in the CRS's own coordinates (easting, northing); nothing when PROJ records none.
// Throws usage_error for an unknown CRS.
[[nodiscard]] std::optional<Box> area_of_use(const std::string& crs, double margin_degrees);

// Returns the WGS 84 / UTM zone ("EPSG:326NN" or "EPSG:327NN") containing a longitude/latitude.
[[nodiscard]] std::string utm_zone_for(Point lon_lat);

}  // namespace libland
