// The database's land-use code list: the national codes (libland/land_use.hpp) plus its local
// codes, and the refusal of codes outside it.
#include "store/store_impl.hpp"

#include <libland/error.hpp>
#include <libland/land_use.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace libland {

namespace store {

namespace {

class CodeList {
public:
    explicit CodeList(Backend& backend) {
        for (const LocalLandUse& u : backend.local_land_uses()) local_.insert(u.code);
    }
    [[nodiscard]] bool knows(const std::string& code) const {
        return find_land_use(code).has_value() || local_.count(code) != 0;
    }
    // Returns " (codes are case-sensitive: did you mean 'ONT'?)" when the code differs from a known
    // one only by case, else "".
    [[nodiscard]] std::string hint(const std::string& code) const {
        const auto upper = [](std::string s) {
            for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return s;
        };
        const std::string wanted = upper(code);
        std::vector<std::string> all(local_.begin(), local_.end());
        for (const LandUse& u : land_use_codes()) all.emplace_back(u.code);
        for (const std::string& known : all) {
            if (upper(known) == wanted) return " (codes are case-sensitive: did you mean '" + known + "'?)";
        }
        return "";
    }

private:
    std::set<std::string> local_;
};

constexpr const char* where_to_look =
    "`land codes list` shows the national codes of 2018 and 2024 and the database's local codes; "
    "`land codes add` adds a local one";

}  // namespace

void check_use_code(Backend& backend, const std::string& code) {
    if (find_land_use(code)) return;  // a national code: the database's local list is not needed
    const CodeList list(backend);
    if (list.knows(code)) return;
    throw usage_error("the land-use code '" + code + "' is not in the database's code list" + list.hint(code) + "; " +
                      where_to_look);
}

std::vector<std::string> check_survey_codes(Backend& backend, const Snapshot& survey, const CommitInfo& info) {
    const CodeList list(backend);
    std::map<std::string, std::vector<std::string>> unknown;  // code -> parcels
    for (const Parcel& p : survey.parcels) {
        if (!p.use.empty() && !list.knows(p.use)) unknown[p.use].push_back(p.key);
    }
    std::vector<std::string> findings;
    for (const auto& [code, parcels] : unknown) {
        std::string text = "'" + code + "'" + list.hint(code) + ": " + std::to_string(parcels.size()) +
                           (parcels.size() == 1 ? " parcel (" : " parcels (e.g. ");
        for (std::size_t i = 0; i < std::min<std::size_t>(3, parcels.size()); ++i) {
            text += (i == 0 ? "" : ", ") + parcels[i];
        }
        findings.push_back(text + ")");
    }
    if (findings.empty()) return {};
    if (!info.accept_unknown_codes) {
        std::string all;
        for (const std::string& f : findings) all += (all.empty() ? "" : "; ") + f;
        throw usage_error(survey_name(survey, info) + ": land-use codes not in the database's code list: " + all +
                          ". Correct them, add local codes (`land codes add`), or commit with "
                          "--accept-unknown-codes to record them as they are");
    }
    for (std::string& f : findings) f = "land-use code " + f + " is not in the code list; recorded as given";
    return findings;
}

}  // namespace store

namespace {

bool is_code_text(const std::string& code) {
    return !code.empty() && code.size() <= 16 && std::all_of(code.begin(), code.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '_' || c == '-';
    });
}

}  // namespace

void Store::add_land_use(const std::string& code, const std::string& name) {
    if (!is_code_text(code)) {
        throw usage_error("'" + code + "' cannot be a land-use code (1 to 16 letters, digits, '_' or '-')");
    }
    if (find_land_use(code)) throw usage_error("the land-use code '" + code + "' is a national code already");
    impl_->backend->add_land_use(LocalLandUse{code, name, ""});
}

std::vector<LocalLandUse> Store::local_land_uses() { return impl_->backend->local_land_uses(); }

bool Store::knows_land_use(const std::string& code) {
    if (find_land_use(code)) return true;
    const std::vector<LocalLandUse> local = local_land_uses();
    return std::any_of(local.begin(), local.end(), [&](const LocalLandUse& u) { return u.code == code; });
}

}  // namespace libland
