// The colour tables and the MapLibre layers of each collection.
#include "map_style.hpp"

#include "vector_tiles.hpp"

#include <libland/land_use.hpp>

#include <array>
#include <set>
#include <utility>

namespace landd {

namespace {

using json = nlohmann::ordered_json;
using Colour = std::pair<std::string_view, std::string_view>;

// Land uses: leaf codes and group codes, in the colours of the land-use status maps (rice yellow,
// annual crops cream, perennials orange, forest greens, water cyan, homes pink, public land
// salmon, traffic orange-brown, cemeteries grey).
constexpr std::array land_use_colours{
    Colour{"LUA", "#fffc8c"}, Colour{"LUC", "#fffc8c"}, Colour{"LUK", "#fffca8"}, Colour{"LUN", "#fffcc0"},
    Colour{"HNK", "#fff0b4"}, Colour{"BHK", "#fff0b4"}, Colour{"NHK", "#fff0c8"}, Colour{"COC", "#e6f5a0"},
    Colour{"CLN", "#ffd7aa"}, Colour{"LNQ", "#ffd7aa"}, Colour{"LNC", "#ffd7aa"}, Colour{"LNK", "#ffd7aa"},
    Colour{"RSX", "#b4ffb4"}, Colour{"RPH", "#beff1e"}, Colour{"RDD", "#6eff64"}, Colour{"NTS", "#aaffff"},
    Colour{"LMU", "#00ffff"}, Colour{"NKH", "#f5ffb4"}, Colour{"ONT", "#ffd0ff"}, Colour{"ODT", "#ffa0ff"},
    Colour{"TSC", "#ff9f9f"}, Colour{"CQP", "#ff6464"}, Colour{"CAN", "#ff6464"}, Colour{"DGD", "#ffa0aa"},
    Colour{"DVH", "#ffa0aa"}, Colour{"DYT", "#ffa0aa"}, Colour{"DTT", "#ffa0aa"}, Colour{"DSH", "#ffa0aa"},
    Colour{"SKC", "#faaaa0"}, Colour{"TMD", "#faaaa0"}, Colour{"DCH", "#faaaa0"}, Colour{"SKK", "#faaaa0"},
    Colour{"DGT", "#ffaa32"}, Colour{"DTL", "#aaffff"}, Colour{"DNL", "#ffaaa0"}, Colour{"TON", "#ffaaa0"},
    Colour{"TIN", "#ffaaa0"}, Colour{"NTD", "#d2d2d2"}, Colour{"SON", "#a0ffff"}, Colour{"MNC", "#b4ffff"},
    Colour{"BCS", "#f0f0e6"}, Colour{"DCS", "#f0f0e6"}, Colour{"NCS", "#e6e6d2"}, Colour{"MCS", "#e6e6d2"},
};
constexpr std::array category_colours{Colour{"NNP", "#e6f5b4"}, Colour{"PNN", "#ffc8c8"}, Colour{"CSD", "#eeeeee"}};
constexpr std::string_view unknown_use_colour = "#cccccc";

// Change events by type (the types of libland's change detection, and officers' retirements).
constexpr std::array change_colours{
    Colour{"added", "#2ca02c"},        Colour{"removed", "#d62728"},          Colour{"split", "#ff7f0e"},
    Colour{"merged", "#9467bd"},       Colour{"boundary_adjusted", "#8c564b"}, Colour{"redistributed", "#e377c2"},
    Colour{"reshaped", "#17becf"},     Colour{"use_changed", "#bcbd22"},       Colour{"attributes_changed", "#7f7f7f"},
    Colour{"renumbered", "#aec7e8"},   Colour{"retired", "#000000"},
};

// Tourism sites by kind.
constexpr std::array site_colours{Colour{"pagoda", "#b8860b"}, Colour{"temple", "#8b0000"}, Colour{"cave", "#4b0082"},
                                  Colour{"homestay", "#2e8b57"}, Colour{"wharf", "#1e6fd9"}};
constexpr std::string_view other_colour = "#555555";

std::string_view find(const auto& table, std::string_view key) {
    for (const Colour& c : table) {
        if (c.first == key) return c.second;
    }
    return {};
}

// A MapLibre `match` expression on the property over the table's colours.
json colour_match(const char* property, const auto& table, std::string_view fallback) {
    json expression = json::array({"match", json::array({"get", property})});
    for (const Colour& c : table) {
        expression.push_back(c.first);
        expression.push_back(c.second);
    }
    expression.push_back(fallback);
    return expression;
}

json legend(const auto& table) {
    json out = json::array();
    for (const Colour& c : table) out.push_back({{"label", c.first}, {"colour", c.second}});
    return out;
}

// The land uses' legend: each code of the table with its Vietnamese name.
json land_use_legend() {
    json out = json::array();
    for (const Colour& c : land_use_colours) {
        const std::optional<libland::LandUse> use = libland::find_land_use(c.first);
        out.push_back({{"label", c.first}, {"name", use ? std::string(use->name_vi) : ""}, {"colour", c.second}});
    }
    return out;
}

}  // namespace

std::string_view land_use_colour(std::string_view code) noexcept {
    if (const std::string_view own = find(land_use_colours, code); !own.empty()) return own;
    const std::optional<libland::LandUse> use = libland::find_land_use(code);
    if (!use) return unknown_use_colour;
    if (const std::string_view group = find(land_use_colours, use->group); !group.empty()) return group;
    if (const std::string_view category = find(category_colours, use->category); !category.empty()) return category;
    return unknown_use_colour;
}

json collection_style(const std::string& collection, CollectionKind kind, const std::string& tileset_url, bool points) {
    const ZoomRange zooms = zoom_range(kind);
    json layers = json::array();
    json metadata;
    const json source_layer = collection;
    switch (kind) {
        case CollectionKind::parcels: {
            // Every code of the national lists, so that codes outside the table still get their group's colour.
            json fill = json::array({"match", json::array({"get", "use"})});
            std::set<std::string_view> listed;  // a match's labels must be unique
            for (const libland::LandUse& use : libland::land_use_codes()) {
                if (!listed.insert(use.code).second) continue;
                fill.push_back(use.code);
                fill.push_back(land_use_colour(use.code));
            }
            fill.push_back(unknown_use_colour);
            layers.push_back({{"id", collection + "-fill"}, {"type", "fill"}, {"source", collection},
                              {"source-layer", source_layer}, {"paint", {{"fill-color", fill}, {"fill-opacity", 0.85}}}});
            layers.push_back({{"id", collection + "-outline"}, {"type", "line"}, {"source", collection},
                              {"source-layer", source_layer},
                              {"paint", {{"line-color", "#6b4f2a"}, {"line-width", json::array({"interpolate", json::array({"linear"}), json::array({"zoom"}), 14, 0.3, 18, 1.2})}}}});
            metadata = {{"landd:kind", "parcels"}, {"landd:legend", land_use_legend()}};
            break;
        }
        case CollectionKind::changes:
            layers.push_back({{"id", collection + "-fill"}, {"type", "fill"}, {"source", collection},
                              {"source-layer", source_layer},
                              {"paint", {{"fill-color", colour_match("change", change_colours, other_colour)}, {"fill-opacity", 0.55}}}});
            layers.push_back({{"id", collection + "-outline"}, {"type", "line"}, {"source", collection},
                              {"source-layer", source_layer},
                              {"paint", {{"line-color", colour_match("change", change_colours, other_colour)}, {"line-width", 2}}}});
            metadata = {{"landd:kind", "changes"}, {"landd:legend", legend(change_colours)}};
            break;
        case CollectionKind::layer:
            if (points) {
                layers.push_back({{"id", collection + "-points"}, {"type", "circle"}, {"source", collection},
                                  {"source-layer", source_layer},
                                  {"paint", {{"circle-color", colour_match("kind", site_colours, other_colour)},
                                             {"circle-radius", 7}, {"circle-stroke-color", "#ffffff"}, {"circle-stroke-width", 2}}}});
                metadata = {{"landd:kind", "sites"}, {"landd:legend", legend(site_colours)}};
            } else {
                layers.push_back({{"id", collection + "-fill"}, {"type", "fill"}, {"source", collection},
                                  {"source-layer", source_layer},
                                  {"paint", {{"fill-color", colour_match("planned_use", land_use_colours, other_colour)}, {"fill-opacity", 0.35}}}});
                layers.push_back({{"id", collection + "-outline"}, {"type", "line"}, {"source", collection},
                                  {"source-layer", source_layer},
                                  {"paint", {{"line-color", "#1f3a93"}, {"line-width", 1.5}, {"line-dasharray", json::array({3, 2})}}}});
                metadata = {{"landd:kind", "layer"}, {"landd:legend", json::array()}};
            }
            break;
    }
    return {{"version", 8},
            {"name", collection},
            {"metadata", std::move(metadata)},
            {"sources",
             {{collection,
               {{"type", "vector"},
                {"tiles", json::array({tileset_url + "/{z}/{y}/{x}"})},
                {"minzoom", zooms.min_zoom},
                {"maxzoom", zooms.max_zoom}}}}},
            {"layers", std::move(layers)}};
}

}  // namespace landd
