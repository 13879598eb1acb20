#include "detail/wkb.hpp"

#include <libland/error.hpp>

#include <bit>
#include <cstdint>
#include <cstring>

namespace libland::detail {

namespace {

constexpr std::uint32_t wkb_polygon = 3;
constexpr std::uint32_t wkb_multipolygon = 6;

void put_u32(std::string& out, std::uint32_t v) {
    char bytes[4];
    std::memcpy(bytes, &v, 4);
    out.append(bytes, 4);
}

void put_f64(std::string& out, double v) {
    char bytes[8];
    std::memcpy(bytes, &v, 8);
    out.append(bytes, 8);
}

void put_polygon(std::string& out, const Polygon& polygon) {
    out.push_back(1);
    put_u32(out, wkb_polygon);
    put_u32(out, static_cast<std::uint32_t>(polygon.rings.size()));
    for (const Ring& ring : polygon.rings) {
        put_u32(out, static_cast<std::uint32_t>(ring.size()));
        for (const Point& p : ring) {
            put_f64(out, p.x);
            put_f64(out, p.y);
        }
    }
}

// Reads WKB sequentially, honouring each geometry's byte-order flag.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    void byte_order() { swap_ = (take(1)[0] == 0) == (std::endian::native == std::endian::little); }

    std::uint32_t u32() {
        std::uint32_t v;
        std::memcpy(&v, take(4), 4);
        return swap_ ? __builtin_bswap32(v) : v;
    }

    double f64() {
        std::uint64_t v;
        std::memcpy(&v, take(8), 8);
        if (swap_) v = __builtin_bswap64(v);
        return std::bit_cast<double>(v);
    }

    [[nodiscard]] std::size_t remaining() const noexcept { return bytes_.size() - at_; }

private:
    const char* take(std::size_t n) {
        if (n > remaining()) {
            throw geometry_error("truncated WKB geometry");
        }
        const char* p = bytes_.data() + at_;
        at_ += n;
        return p;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    bool swap_ = false;
};

Polygon read_polygon_body(Reader& in) {
    Polygon polygon;
    const std::uint32_t rings = in.u32();
    if (rings > in.remaining() / 4) throw geometry_error("corrupt WKB polygon");
    polygon.rings.resize(rings);
    for (Ring& ring : polygon.rings) {
        const std::uint32_t points = in.u32();
        if (points > in.remaining() / 16) throw geometry_error("corrupt WKB ring");
        ring.resize(points);
        for (Point& p : ring) {
            p.x = in.f64();
            p.y = in.f64();
        }
    }
    return polygon;
}

}  // namespace

std::string to_wkb(const MultiPolygon& geometry) {
    std::string out;
    out.reserve(9 + vertex_count(geometry) * 16 + geometry.size() * 13);
    out.push_back(1);
    put_u32(out, wkb_multipolygon);
    put_u32(out, static_cast<std::uint32_t>(geometry.size()));
    for (const Polygon& polygon : geometry) {
        put_polygon(out, polygon);
    }
    return out;
}

MultiPolygon from_wkb(std::string_view wkb) {
    Reader in(wkb);
    in.byte_order();
    const std::uint32_t type = in.u32();
    MultiPolygon out;
    if (type == wkb_polygon) {
        out.push_back(read_polygon_body(in));
        return out;
    }
    if (type != wkb_multipolygon) {
        throw geometry_error("WKB geometry type " + std::to_string(type) + " is not a polygon");
    }
    const std::uint32_t parts = in.u32();
    for (std::uint32_t i = 0; i < parts; ++i) {
        in.byte_order();
        if (in.u32() != wkb_polygon) {
            throw geometry_error("WKB multipolygon holds a part that is not a polygon");
        }
        out.push_back(read_polygon_body(in));
    }
    return out;
}

}  // namespace libland::detail
