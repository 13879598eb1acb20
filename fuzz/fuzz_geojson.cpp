// libFuzzer target: a GeoJSON survey read as `land validate` reads it (GDAL's GeoJSON driver, the
// key and use fields, the working CRS), then validated. Any libland::error is an expected refusal;
// a crash, a sanitizer report or a hang is a finding.
#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/validate.hpp>

#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t largest_validated = 4096;  // validation cost grows with the area drawn
    const std::string path = "/vsimem/fuzz.geojson";
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    if (file == nullptr) return 0;
    VSIFCloseL(file);
    try {
        libland::ReadOptions options;
        options.id_fields = {"maXa", "soTo", "soThua"};
        options.use_field = "loaiDat";
        options.crs = "EPSG:5897";
        const libland::Snapshot snapshot = libland::read_snapshot(path, options);
        if (size <= largest_validated) (void)libland::validate(snapshot, libland::ValidateOptions{});
    } catch (const libland::error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}
