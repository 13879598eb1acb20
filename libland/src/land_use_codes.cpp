// The land-use code list as data: the leaf codes of Circular 27/2018 in wide use, plus the codes
// that Circular 08/2024 introduces, with the old -> new mapping where the 2024 circular merges
// codes. Source: /design/domain.md. Groups other than LUA and HNK follow the 2018 circular's annex
// (LNP forestry, OCT residential, DSN public service facilities, CSK non-agricultural business,
// CCC public use) (unverified against the official text). Vietnamese names: the 2018-era names of
// /design/domain.md; those of DTS, DXH, DKH, DNG, DSK, SKT, SKS, SKX, DCK and of the 2024 codes
// HNK, DDD, CNT follow the circulars' appendices as far as known (unverified).
#include <libland/land_use.hpp>

#include <algorithm>
#include <array>

namespace libland {

namespace {

constexpr std::array codes{
    // agricultural (NNP)
    LandUse{"LUC", "LUA", "NNP", "specialised wet rice", "", "Đất chuyên trồng lúa nước"},
    LandUse{"LUK", "LUA", "NNP", "other wet rice", "", "Đất trồng lúa nước còn lại"},
    LandUse{"LUN", "LUA", "NNP", "upland rice", "", "Đất trồng lúa nương"},
    LandUse{"BHK", "HNK", "NNP", "annual crops on flat land", "HNK", "Đất bằng trồng cây hàng năm khác"},
    LandUse{"NHK", "HNK", "NNP", "annual crops on upland", "HNK", "Đất nương rẫy trồng cây hàng năm khác"},
    LandUse{"CLN", "", "NNP", "perennial crops", "", "Đất trồng cây lâu năm"},
    LandUse{"RSX", "LNP", "NNP", "production forest", "", "Đất rừng sản xuất"},
    LandUse{"RPH", "LNP", "NNP", "protection forest", "", "Đất rừng phòng hộ"},
    LandUse{"RDD", "LNP", "NNP", "special-use forest", "", "Đất rừng đặc dụng"},
    LandUse{"NTS", "", "NNP", "aquaculture", "", "Đất nuôi trồng thủy sản"},
    LandUse{"LMU", "", "NNP", "salt making", "", "Đất làm muối"},
    LandUse{"NKH", "", "NNP", "other agricultural land", "", "Đất nông nghiệp khác"},
    // non-agricultural (PNN): residential, offices, defence, security
    LandUse{"ONT", "OCT", "PNN", "rural residential", "", "Đất ở tại nông thôn"},
    LandUse{"ODT", "OCT", "PNN", "urban residential", "", "Đất ở tại đô thị"},
    LandUse{"TSC", "", "PNN", "offices of agencies", "", "Đất xây dựng trụ sở cơ quan"},
    LandUse{"CQP", "", "PNN", "defence", "", "Đất quốc phòng"},
    LandUse{"CAN", "", "PNN", "security", "", "Đất an ninh"},
    // public service facilities
    LandUse{"DTS", "DSN", "PNN", "offices of public service organisations", "", "Đất xây dựng trụ sở của tổ chức sự nghiệp"},
    LandUse{"DVH", "DSN", "PNN", "culture facilities", "", "Đất xây dựng cơ sở văn hóa"},
    LandUse{"DXH", "DSN", "PNN", "social facilities", "", "Đất xây dựng cơ sở dịch vụ xã hội"},
    LandUse{"DYT", "DSN", "PNN", "health facilities", "", "Đất xây dựng cơ sở y tế"},
    LandUse{"DGD", "DSN", "PNN", "education and training facilities", "", "Đất xây dựng cơ sở giáo dục và đào tạo"},
    LandUse{"DTT", "DSN", "PNN", "sport facilities", "", "Đất xây dựng cơ sở thể dục thể thao"},
    LandUse{"DKH", "DSN", "PNN", "science and technology facilities", "", "Đất xây dựng cơ sở khoa học và công nghệ"},
    LandUse{"DNG", "DSN", "PNN", "diplomatic facilities", "", "Đất xây dựng cơ sở ngoại giao"},
    LandUse{"DSK", "DSN", "PNN", "other public service facilities", "", "Đất xây dựng cơ sở sự nghiệp khác"},
    // business
    LandUse{"SKK", "CSK", "PNN", "industrial park", "", "Đất khu công nghiệp"},
    LandUse{"SKN", "CSK", "PNN", "industrial cluster", "", "Đất cụm công nghiệp"},
    LandUse{"SKT", "CSK", "PNN", "export processing zone", "", "Đất khu chế xuất"},
    LandUse{"TMD", "CSK", "PNN", "commerce and services", "", "Đất thương mại, dịch vụ"},
    LandUse{"SKC", "CSK", "PNN", "non-agricultural production", "", "Đất cơ sở sản xuất phi nông nghiệp"},
    LandUse{"SKS", "CSK", "PNN", "mining", "", "Đất sử dụng cho hoạt động khoáng sản"},
    LandUse{"SKX", "CSK", "PNN", "building materials and pottery", "", "Đất sản xuất vật liệu xây dựng, làm đồ gốm"},
    // public use
    LandUse{"DGT", "CCC", "PNN", "transport", "", "Đất giao thông"},
    LandUse{"DTL", "CCC", "PNN", "irrigation", "", "Đất thủy lợi"},
    LandUse{"DDT", "CCC", "PNN", "historic and cultural relics", "DDD", "Đất có di tích lịch sử - văn hóa"},
    LandUse{"DDL", "CCC", "PNN", "scenic sites", "DDD", "Đất danh lam thắng cảnh"},
    LandUse{"DSH", "CCC", "PNN", "community activities", "", "Đất sinh hoạt cộng đồng"},
    LandUse{"DKV", "CCC", "PNN", "public recreation", "", "Đất khu vui chơi, giải trí công cộng"},
    LandUse{"DNL", "CCC", "PNN", "energy", "", "Đất công trình năng lượng"},
    LandUse{"DBV", "CCC", "PNN", "post and telecommunications", "", "Đất công trình bưu chính, viễn thông"},
    LandUse{"DCH", "CCC", "PNN", "markets", "", "Đất chợ"},
    LandUse{"DRA", "CCC", "PNN", "waste disposal and treatment", "", "Đất bãi thải, xử lý chất thải"},
    LandUse{"DCK", "CCC", "PNN", "other public works", "", "Đất công trình công cộng khác"},
    // religion, cemeteries, water, other
    LandUse{"TON", "", "PNN", "religious establishments", "", "Đất cơ sở tôn giáo"},
    LandUse{"TIN", "", "PNN", "belief establishments", "", "Đất cơ sở tín ngưỡng"},
    LandUse{"NTD", "", "PNN", "cemeteries and funeral facilities", "", "Đất làm nghĩa trang, nghĩa địa, nhà tang lễ, nhà hỏa táng"},
    LandUse{"SON", "", "PNN", "rivers, canals and streams", "", "Đất sông, ngòi, kênh, rạch, suối"},
    LandUse{"MNC", "", "PNN", "special-use water surface", "", "Đất có mặt nước chuyên dùng"},
    LandUse{"PNK", "", "PNN", "other non-agricultural land", "", "Đất phi nông nghiệp khác"},
    // unused (CSD)
    LandUse{"BCS", "", "CSD", "unused flat land", "", "Đất bằng chưa sử dụng"},
    LandUse{"DCS", "", "CSD", "unused hilly land", "", "Đất đồi núi chưa sử dụng"},
    LandUse{"NCS", "", "CSD", "unused rocky mountain", "", "Núi đá không có rừng cây"},
    // new in Circular 08/2024 (unverified in detail)
    LandUse{"HNK", "", "NNP", "other annual crops", "", "Đất trồng cây hàng năm khác"},
    LandUse{"DDD", "CCC", "PNN", "historic relics and scenic sites", "", "Đất di tích lịch sử - văn hóa, danh lam thắng cảnh"},
    LandUse{"CNT", "", "NNP", "concentrated livestock farming", "", "Đất chăn nuôi tập trung"},
};

constexpr std::array groups{
    LandUseGroup{"NNP", "agricultural land", "Đất nông nghiệp"},
    LandUseGroup{"PNN", "non-agricultural land", "Đất phi nông nghiệp"},
    LandUseGroup{"CSD", "unused land", "Đất chưa sử dụng"},
};

}  // namespace

std::optional<LandUse> find_land_use(std::string_view code) noexcept {
    auto it = std::find_if(codes.begin(), codes.end(), [&](const LandUse& u) { return u.code == code; });
    if (it == codes.end()) {
        return std::nullopt;
    }
    return *it;
}

std::span<const LandUse> land_use_codes() noexcept { return codes; }

std::span<const LandUseGroup> land_use_groups() noexcept { return groups; }

}  // namespace libland
