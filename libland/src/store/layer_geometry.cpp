#include "store/layer_geometry.hpp"

namespace libland::store {

std::optional<FeatureGeometry> layer_geometry(detail::GeosContext& ctx, std::string_view wkb) {
    if (wkb.empty()) return std::nullopt;
    const std::optional<detail::GeomPtr> g = detail::from_wkb(ctx, wkb);
    if (!g) {
        (void)ctx.take_error();
        return std::nullopt;
    }
    return detail::feature_geometry(ctx, g->get());
}

}  // namespace libland::store
