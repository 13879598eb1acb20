#include <libland/write.hpp>

#include "io/ogr_writer.hpp"

namespace libland {

void write_snapshot(const Snapshot& snapshot, const std::string& path, const std::string& layer_name,
                    const CsvOptions& csv) {
    io::LayerWriter out(path, layer_name, snapshot.fields, snapshot.crs, true, csv);
    for (const Parcel& parcel : snapshot.parcels) {
        out.add(parcel.geometry, parcel.attributes);
    }
    out.commit();
}

}  // namespace libland
