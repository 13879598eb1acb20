#pragma once
// Mapbox Vector Tile 2.1 encoding (the protobuf messages written with protozero): layers of
// features, each with an id, its tile geometry as command integers, and its properties as tags
// into the layer's shared key and value tables.
#include "tile_geometry.hpp"

#include <libland/attribute.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace landd {

// A feature's property: a null value is left out of the tile.
using TileProperty = std::pair<std::string_view, const libland::Value*>;

class MvtLayer {
public:
    explicit MvtLayer(std::string name) : name_(std::move(name)) {}

    // Adds the feature; an empty geometry adds nothing.
    void add(std::uint64_t id, const TileGeometry& geometry, const std::vector<TileProperty>& properties);

    [[nodiscard]] bool empty() const noexcept { return features_ == 0; }
    [[nodiscard]] std::size_t features() const noexcept { return features_; }

    // Returns the encoded Layer message (version 2, extent tile_extent).
    [[nodiscard]] std::string message() const;

private:
    [[nodiscard]] std::uint32_t key_index(std::string_view key);
    [[nodiscard]] std::uint32_t value_index(const libland::Value& value);

    std::string name_;
    std::string encoded_features_;  // Feature messages (field 2), in order
    std::size_t features_ = 0;
    std::vector<std::string> keys_;
    std::unordered_map<std::string, std::uint32_t> key_indexes_;
    std::vector<std::string> values_;  // encoded Value messages
    std::unordered_map<std::string, std::uint32_t> value_indexes_;
};

// Returns the Tile message holding the layers that have features: empty (zero bytes, a valid
// tile) when none has.
[[nodiscard]] std::string encode_tile(const std::vector<MvtLayer>& layers);

}  // namespace landd
