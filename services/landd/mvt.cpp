// The vector tile's protobuf messages (vector_tile.proto of the MVT 2.1 specification) through
// protozero's pbf_writer: Tile.layers = 3; Layer.name = 1, features = 2, keys = 3, values = 4,
// extent = 5, version = 15; Feature.id = 1, tags = 2, type = 3, geometry = 4; Value.string = 1,
// double = 3, sint = 6.
#include "mvt.hpp"

#include "tile_grid.hpp"

#include <protozero/pbf_writer.hpp>

#include <variant>

namespace landd {

namespace {

enum Command : std::uint32_t { move_to = 1, line_to = 2, close_path = 7 };

std::uint32_t command(Command id, std::size_t count) noexcept {
    return (static_cast<std::uint32_t>(count) << 3) | id;
}

std::uint32_t zigzag(std::int32_t n) noexcept {
    return (static_cast<std::uint32_t>(n) << 1) ^ static_cast<std::uint32_t>(n >> 31);
}

// The geometry's command integers: positions relative to the previous one, from (0, 0).
std::vector<std::uint32_t> commands(const TileGeometry& g) {
    std::vector<std::uint32_t> out;
    TilePoint cursor;
    const auto to = [&](const TilePoint& p) {
        out.push_back(zigzag(p.x - cursor.x));
        out.push_back(zigzag(p.y - cursor.y));
        cursor = p;
    };
    if (g.type == TileGeometryType::point) {
        out.push_back(command(move_to, g.parts.size()));
        for (const auto& part : g.parts) to(part.front());
        return out;
    }
    for (const auto& part : g.parts) {
        out.push_back(command(move_to, 1));
        to(part.front());
        out.push_back(command(line_to, part.size() - 1));
        for (std::size_t i = 1; i < part.size(); ++i) to(part[i]);
        if (g.type == TileGeometryType::polygon) out.push_back(command(close_path, 1));
    }
    return out;
}

std::string encoded_value(const libland::Value& value) {
    std::string out;
    protozero::pbf_writer v(out);
    if (const auto* s = std::get_if<std::string>(&value)) v.add_string(1, *s);
    else if (const auto* d = std::get_if<double>(&value)) v.add_double(3, *d);
    else if (const auto* i = std::get_if<std::int64_t>(&value)) v.add_sint64(6, *i);
    return out;
}

}  // namespace

std::uint32_t MvtLayer::key_index(std::string_view key) {
    const auto [it, added] = key_indexes_.try_emplace(std::string(key), static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.emplace_back(key);
    return it->second;
}

std::uint32_t MvtLayer::value_index(const libland::Value& value) {
    std::string encoded = encoded_value(value);
    const auto [it, added] = value_indexes_.try_emplace(encoded, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(std::move(encoded));
    return it->second;
}

void MvtLayer::add(std::uint64_t id, const TileGeometry& geometry, const std::vector<TileProperty>& properties) {
    if (geometry.empty()) return;
    std::vector<std::uint32_t> tags;
    tags.reserve(properties.size() * 2);
    for (const auto& [key, value] : properties) {
        if (value == nullptr || std::holds_alternative<std::monostate>(*value)) continue;
        tags.push_back(key_index(key));
        tags.push_back(value_index(*value));
    }
    const std::vector<std::uint32_t> geometry_commands = commands(geometry);
    protozero::pbf_writer layer(encoded_features_);
    protozero::pbf_writer feature(layer, 2);
    feature.add_uint64(1, id);
    if (!tags.empty()) feature.add_packed_uint32(2, tags.begin(), tags.end());
    feature.add_enum(3, static_cast<std::int32_t>(geometry.type));
    feature.add_packed_uint32(4, geometry_commands.begin(), geometry_commands.end());
    ++features_;
}

std::string MvtLayer::message() const {
    std::string out;
    protozero::pbf_writer layer(out);
    layer.add_uint32(15, 2);
    layer.add_string(1, name_);
    layer.add_uint32(5, tile_extent);
    out += encoded_features_;  // fields may come in any order: the features are field 2
    for (const std::string& key : keys_) layer.add_string(3, key);
    for (const std::string& value : values_) layer.add_message(4, value);
    return out;
}

std::string encode_tile(const std::vector<MvtLayer>& layers) {
    std::string out;
    protozero::pbf_writer tile(out);
    for (const MvtLayer& layer : layers) {
        if (!layer.empty()) tile.add_message(3, layer.message());
    }
    return out;
}

}  // namespace landd
