// The land-use code list as data: the leaf codes of Circular 27/2018 in wide use, plus the codes
// that Circular 08/2024 introduces, with the old -> new mapping where the 2024 circular merges
// codes. Source: /design/domain.md. Groups other than LUA and HNK follow the 2018 circular's annex
// (LNP forestry, OCT residential, DSN public service facilities, CSK non-agricultural business,
// CCC public use) (unverified against the official text).
#include <libland/land_use.hpp>

#include <algorithm>
#include <array>

namespace libland {

namespace {

constexpr std::array codes{
    // agricultural (NNP)
    LandUse{"LUC", "LUA", "NNP", "specialised wet rice", ""},
    LandUse{"LUK", "LUA", "NNP", "other wet rice", ""},
    LandUse{"LUN", "LUA", "NNP", "upland rice", ""},
    LandUse{"BHK", "HNK", "NNP", "annual crops on flat land", "HNK"},
    LandUse{"NHK", "HNK", "NNP", "annual crops on upland", "HNK"},
    LandUse{"CLN", "", "NNP", "perennial crops", ""},
    LandUse{"RSX", "LNP", "NNP", "production forest", ""},
    LandUse{"RPH", "LNP", "NNP", "protection forest", ""},
    LandUse{"RDD", "LNP", "NNP", "special-use forest", ""},
    LandUse{"NTS", "", "NNP", "aquaculture", ""},
    LandUse{"LMU", "", "NNP", "salt making", ""},
    LandUse{"NKH", "", "NNP", "other agricultural land", ""},
    // non-agricultural (PNN): residential, offices, defence, security
    LandUse{"ONT", "OCT", "PNN", "rural residential", ""},
    LandUse{"ODT", "OCT", "PNN", "urban residential", ""},
    LandUse{"TSC", "", "PNN", "offices of agencies", ""},
    LandUse{"CQP", "", "PNN", "defence", ""},
    LandUse{"CAN", "", "PNN", "security", ""},
    // public service facilities
    LandUse{"DTS", "DSN", "PNN", "offices of public service organisations", ""},
    LandUse{"DVH", "DSN", "PNN", "culture facilities", ""},
    LandUse{"DXH", "DSN", "PNN", "social facilities", ""},
    LandUse{"DYT", "DSN", "PNN", "health facilities", ""},
    LandUse{"DGD", "DSN", "PNN", "education and training facilities", ""},
    LandUse{"DTT", "DSN", "PNN", "sport facilities", ""},
    LandUse{"DKH", "DSN", "PNN", "science and technology facilities", ""},
    LandUse{"DNG", "DSN", "PNN", "diplomatic facilities", ""},
    LandUse{"DSK", "DSN", "PNN", "other public service facilities", ""},
    // business
    LandUse{"SKK", "CSK", "PNN", "industrial park", ""},
    LandUse{"SKN", "CSK", "PNN", "industrial cluster", ""},
    LandUse{"SKT", "CSK", "PNN", "export processing zone", ""},
    LandUse{"TMD", "CSK", "PNN", "commerce and services", ""},
    LandUse{"SKC", "CSK", "PNN", "non-agricultural production", ""},
    LandUse{"SKS", "CSK", "PNN", "mining", ""},
    LandUse{"SKX", "CSK", "PNN", "building materials and pottery", ""},
    // public use
    LandUse{"DGT", "CCC", "PNN", "transport", ""},
    LandUse{"DTL", "CCC", "PNN", "irrigation", ""},
    LandUse{"DDT", "CCC", "PNN", "historic and cultural relics", "DDD"},
    LandUse{"DDL", "CCC", "PNN", "scenic sites", "DDD"},
    LandUse{"DSH", "CCC", "PNN", "community activities", ""},
    LandUse{"DKV", "CCC", "PNN", "public recreation", ""},
    LandUse{"DNL", "CCC", "PNN", "energy", ""},
    LandUse{"DBV", "CCC", "PNN", "post and telecommunications", ""},
    LandUse{"DCH", "CCC", "PNN", "markets", ""},
    LandUse{"DRA", "CCC", "PNN", "waste disposal and treatment", ""},
    LandUse{"DCK", "CCC", "PNN", "other public works", ""},
    // religion, cemeteries, water, other
    LandUse{"TON", "", "PNN", "religious establishments", ""},
    LandUse{"TIN", "", "PNN", "belief establishments", ""},
    LandUse{"NTD", "", "PNN", "cemeteries and funeral facilities", ""},
    LandUse{"SON", "", "PNN", "rivers, canals and streams", ""},
    LandUse{"MNC", "", "PNN", "special-use water surface", ""},
    LandUse{"PNK", "", "PNN", "other non-agricultural land", ""},
    // unused (CSD)
    LandUse{"BCS", "", "CSD", "unused flat land", ""},
    LandUse{"DCS", "", "CSD", "unused hilly land", ""},
    LandUse{"NCS", "", "CSD", "unused rocky mountain", ""},
    // new in Circular 08/2024 (unverified in detail)
    LandUse{"HNK", "", "NNP", "other annual crops", ""},
    LandUse{"DDD", "CCC", "PNN", "historic relics and scenic sites", ""},
    LandUse{"CNT", "", "NNP", "concentrated livestock farming", ""},
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

}  // namespace libland
