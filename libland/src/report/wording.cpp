// Vietnamese and English words of the reports, as data.
#include "report/wording.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

namespace libland::report {

namespace {

using Words = std::map<std::string, std::pair<const char*, const char*>>;  // key -> (vi, en)

const Words& change_types() {
    static const Words words{
        {"added", {"thửa mới", "new parcel"}},
        {"removed", {"xóa thửa", "parcel removed"}},
        {"split", {"tách thửa", "split"}},
        {"merged", {"hợp thửa", "merge"}},
        {"boundary_adjusted", {"điều chỉnh ranh giới", "boundary adjusted"}},
        {"redistributed", {"dồn điền đổi thửa", "land consolidation"}},
        {"reshaped", {"đo đạc chỉnh lý", "re-survey correction"}},
        {"use_changed", {"chuyển mục đích sử dụng", "change of use"}},
        {"attributes_changed", {"thay đổi thông tin", "attributes changed"}},
        {"renumbered", {"đánh số lại", "renumbered"}},
        {"unchanged", {"không đổi", "unchanged"}},
        {"retired", {"thu hồi, xóa thửa", "retired"}},
    };
    return words;
}

const Words& labels() {
    static const Words words{
        {"report.title", {"BÁO CÁO BIẾN ĐỘNG ĐẤT ĐAI", "LAND CHANGE REPORT"}},
        {"province", {"Tỉnh", "Province"}},
        {"commune", {"Xã", "Commune"}},
        {"period", {"Kỳ báo cáo", "Period"}},
        {"source", {"Nguồn dữ liệu", "Source"}},
        {"report_date", {"Ngày lập báo cáo", "Date of the report"}},
        {"parcels_start", {"Số thửa đầu kỳ", "Parcels at the start"}},
        {"parcels_end", {"Số thửa cuối kỳ", "Parcels at the end"}},
        {"changes", {"Số biến động", "Changes"}},
        {"from_to", {"từ %s đến %s", "from %s to %s"}},
        {"page", {"Trang %d / %d", "Page %d of %d"}},
        {"map.title", {"BẢN ĐỒ BIẾN ĐỘNG", "CHANGE MAP"}},
        {"map.sheet", {"Tờ bản đồ số %s", "Map sheet %s"}},
        {"map.overview", {"Toàn khu vực", "Whole area"}},
        {"map.parcel", {"Thửa đất", "Parcel"}},
        {"map.boundary", {"Ranh giới khu vực", "Area boundary"}},
        {"table.title", {"BIẾN ĐỘNG DIỆN TÍCH THEO MỤC ĐÍCH SỬ DỤNG (ha)", "LAND-USE CHANGE MATRIX (ha)"}},
        {"table.use", {"Mục đích sử dụng", "Land use"}},
        {"table.code", {"Mã", "Code"}},
        {"table.start", {"Diện tích đầu kỳ", "Area at the start"}},
        {"table.end", {"Diện tích cuối kỳ", "Area at the end"}},
        {"table.decrease", {"Tổng giảm", "Total decrease"}},
        {"table.increase", {"Tổng tăng", "Total increase"}},
        {"table.total", {"Tổng diện tích", "Total area"}},
        {"table.note", {"Hàng: mục đích đầu kỳ; cột: mục đích cuối kỳ. Ô bằng 0,00 ha để trống.",
                        "Rows: use at the start; columns: use at the end. Cells of 0.00 ha are blank."}},
        {"list.title", {"DANH SÁCH BIẾN ĐỘNG", "LIST OF CHANGES"}},
        {"list.date", {"Ngày", "Date"}},
        {"list.type", {"Loại biến động", "Type"}},
        {"list.before", {"Thửa trước", "Parcels before"}},
        {"list.after", {"Thửa sau", "Parcels after"}},
        {"list.area", {"Diện tích (m²)", "Area (m²)"}},
        {"list.document", {"Văn bản", "Document"}},
        {"list.reason", {"Lý do", "Reason"}},
        {"list.fields", {"Thông tin thay đổi", "Fields changed"}},
        {"extract.title", {"TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH", "CADASTRAL MAP EXTRACT"}},
        {"extract.key", {"Thửa đất", "Parcel"}},
        {"extract.sheet", {"Tờ bản đồ số", "Map sheet"}},
        {"extract.area", {"Diện tích", "Area"}},
        {"extract.use", {"Mục đích sử dụng", "Land use"}},
        {"extract.as_of", {"Tại ngày", "As of"}},
        {"extract.vertices", {"Tọa độ đỉnh thửa (VN-2000)", "Vertex coordinates (VN-2000)"}},
        {"extract.vertex", {"Điểm", "Point"}},
        {"extract.edge", {"Cạnh (m)", "Edge (m)"}},
        {"extract.history", {"Lịch sử thửa đất", "History of the parcel"}},
        {"extract.event", {"Biến động", "Event"}},
        {"extract.attributes", {"Thông tin khác", "Other attributes"}},
        {"extract.scale", {"Tỷ lệ 1:%d", "Scale 1:%d"}},
    };
    return words;
}

std::string pick(const Words& words, const std::string& key, Language language) {
    const auto it = words.find(key);
    if (it == words.end()) return key;
    return language == Language::vi ? it->second.first : it->second.second;
}

}  // namespace

std::string change_type_name(const std::string& type, Language language) {
    return pick(change_types(), type, language);
}

std::string label(const std::string& key, Language language) { return pick(labels(), key, language); }

std::string fixed(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale + 0.0;  // + 0.0: never "-0"
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, rounded == 0 ? 0.0 : rounded);
    return text;
}

std::string hectares_text(double hectares, bool blank_zero) {
    const std::string text = fixed(hectares, 2);
    return blank_zero && text == "0.00" ? "" : text;
}

std::string today_in_vietnam() {
    using namespace std::chrono;
    const auto local = floor<days>(system_clock::now() + hours(7));
    const year_month_day ymd(local);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

}  // namespace libland::report
