// Text encodings: the TCVN3 and VNI tables, iconv names, the mis-decoding note, and reading a
// shapefile's .dbf with a .cpg or with ReadOptions::encoding.
#define BOOST_TEST_MODULE encoding
#include <boost/test/unit_test.hpp>

#include <libland/error.hpp>
#include <libland/read.hpp>
#include <libland/write.hpp>

#include "io/encoding.hpp"
#include "io/vietnamese_encodings.hpp"
#include "work_files.hpp"

#include <cstdint>

using namespace libland;

namespace {

// Returns a dBASE III table with one character field `name` holding `values` (bytes as given):
// a shapefile's .dbf.
std::string dbf(const std::string& name, const std::vector<std::string>& values) {
    const std::uint8_t width = 40;
    const std::uint16_t header = 32 + 32 + 1, record = 1 + width;
    std::string out(32, '\0');
    out[0] = 0x03;
    out[1] = 124; out[2] = 1; out[3] = 1;
    const auto count = static_cast<std::uint32_t>(values.size());
    for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>((count >> (8 * i)) & 0xFF);
    out[8] = static_cast<char>(header & 0xFF); out[9] = static_cast<char>(header >> 8);
    out[10] = static_cast<char>(record & 0xFF); out[11] = static_cast<char>(record >> 8);
    std::string field(32, '\0');
    field.replace(0, name.size(), name);
    field[11] = 'C';
    field[16] = static_cast<char>(width);
    out += field;
    out += '\x0D';
    for (const std::string& v : values) out += ' ' + v + std::string(width - v.size(), ' ');
    out += '\x1A';
    return out;
}

// Returns a shapefile `name`.shp with one square parcel per value, whose .dbf holds the values'
// bytes as given in one field and which has no .cpg (as old Vietnamese shapefiles come).
std::string shapefile(const std::string& name, const std::vector<std::string>& values) {
    const std::string path = libland::test::work_path("encoding", name + ".shp");
    Snapshot s;
    s.crs = "EPSG:5897";
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double x = 590000 + 20.0 * static_cast<double>(i);
        Parcel p;
        p.geometry = {Polygon{{Ring{{x, 2240000}, {x + 10, 2240000}, {x + 10, 2240010}, {x, 2240000}}}}};
        s.parcels.push_back(p);
    }
    write_snapshot(s, path, name);
    libland::test::write_work_file("encoding", name + ".dbf", dbf("chuSuDung", values));
    std::filesystem::remove(libland::test::work_path("encoding", name + ".cpg"));
    return path;
}

std::string first_text(const std::string& path, const std::string& encoding, std::vector<std::string>* notes = nullptr) {
    ReadOptions o;
    o.encoding = encoding;
    const Snapshot s = read_snapshot(path, o);
    if (notes != nullptr) *notes = s.notes;
    return std::get<std::string>(s.parcels.at(0).attributes.at(0));
}

bool mentions(const std::vector<std::string>& notes, const std::string& text) {
    for (const std::string& n : notes) if (n.find(text) != std::string::npos) return true;
    return false;
}

const std::string kTcvn3Name = "Nguy\xD4n V\xA8n \xA7\xAD\xEAng";      // NguyÔn V¨n §­êng
const std::string kVniName = "Nguye\xE3n Va\xEAn \xD1\xF6\xF4\xF8ng";  // Nguyeãn Vaên Ñöôøng
const std::string kUnicodeName = "Nguyễn Văn Đường";

}  // namespace

BOOST_AUTO_TEST_SUITE(encoding)

BOOST_AUTO_TEST_CASE(tcvn3_letters) {
    BOOST_TEST(io::decode_tcvn3(kTcvn3Name) == kUnicodeName);
    BOOST_TEST(io::decode_tcvn3("Vi\xD6t Nam") == "Việt Nam");
    BOOST_TEST(io::decode_tcvn3("\xAE\xCAt \xB5 H\xB5 N\xE9i") == "đất à Hà Nội");
    BOOST_TEST(io::decode_tcvn3("Ninh B\xD7nh, Nam \xA7\xDEnh") == "Ninh Bình, Nam Định");
    BOOST_TEST(io::decode_tcvn3("LUC-14362") == "LUC-14362");  // ASCII passes
}

BOOST_AUTO_TEST_CASE(vni_letters_are_composed_from_two_bytes) {
    BOOST_TEST(io::decode_vni(kVniName) == kUnicodeName);
    BOOST_TEST(io::decode_vni("Vie\xE4t Nam") == "Việt Nam");
    BOOST_TEST(io::decode_vni("VIE\xC4T NAM") == "VIỆT NAM");
    BOOST_TEST(io::decode_vni("\xF1" "a\xE1t Ha\xF8 No\xE4i") == "đất Hà Nội");
    BOOST_TEST(io::decode_vni("Ninh B\xECnh, Nam \xD1\xF2nh") == "Ninh Bình, Nam Định");
    BOOST_TEST(io::decode_vni("tho\xFB" "a thu\xE2n") == "thỏa thuân");
}

BOOST_AUTO_TEST_CASE(iconv_names_and_unknown_ones) {
    const io::TextDecoder cp1258("CP1258");
    // CP1258 writes ệ as ê followed by a combining dot below; the reader composes them.
    BOOST_TEST(cp1258.decode("Vi\xEA\xF2t") == "Việt");  // composed into one letter
    BOOST_CHECK_THROW(io::TextDecoder("NO-SUCH-ENCODING"), usage_error);
    BOOST_TEST(io::TextDecoder("").passthrough());
}

BOOST_AUTO_TEST_CASE(mojibake_is_noticed) {
    io::MojibakeCounter counter;
    counter.inspect(kUnicodeName);                         // proper Unicode
    counter.inspect("Dupont, rue de l'Église «A»");        // proper French
    counter.inspect("14362");
    BOOST_TEST(counter.suspicious() == 0u);
    counter.inspect("Nguy\xC3\x94n V\xC2\xA8n");           // TCVN3 read as Latin-1: NguyÔn V¨n
    counter.inspect("Vie\xC3\xA4t Nam");                   // VNI read as Latin-1: Vieät
    counter.inspect("Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t");    // UTF-8 read as CP1252: Viá»‡t
    counter.inspect("Vi\xD6t");                            // not UTF-8 at all
    BOOST_TEST(counter.suspicious() == 4u);
    BOOST_TEST(counter.inspected() == 7u);
}

BOOST_AUTO_TEST_CASE(shapefile_read_with_tcvn3_and_vni) {
    BOOST_TEST(first_text(shapefile("tcvn3", {kTcvn3Name}), "TCVN3") == kUnicodeName);
    BOOST_TEST(first_text(shapefile("vni", {kVniName}), "VNI") == kUnicodeName);
}

BOOST_AUTO_TEST_CASE(shapefile_without_encoding_is_refused_naming_the_field) {
    std::vector<std::string> notes;
    try {
        (void)first_text(shapefile("legacy", {kTcvn3Name, "14362"}), "", &notes);
        BOOST_FAIL("text that is not UTF-8 was read without an encoding");
    } catch (const libland::input_error& e) {
        BOOST_TEST(std::string(e.what()).find("field chuSuDung holds text that is not UTF-8") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find("--encoding") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(cpg_file_is_honoured) {
    const std::string path = shapefile("cp1258", {"Vi\xEA\xF2t"});
    libland::test::write_work_file("encoding", "cp1258.cpg", "1258");
    std::vector<std::string> notes;
    BOOST_TEST(first_text(path, "", &notes) == "Việt");  // last letter kept
    BOOST_TEST(!mentions(notes, "mis-decoded"));
}

BOOST_AUTO_TEST_SUITE_END()
