// The database's private fields, kept in its settings as JSON lists: `private_fields` (names),
// `public_fields` (names exempt from the patterns). The patterns are fixed: identity numbers
// (cccd, cmnd, soGiayTo) under whatever field name a survey gives them.
#include "store/attributes_json.hpp"
#include "store/store_impl.hpp"

#include <libland/error.hpp>

#include <algorithm>
#include <cctype>

namespace libland {

namespace {

const std::vector<std::string> default_private = {"chuSuDung", "diaChi"};
const std::vector<std::string> identity_patterns = {"cccd", "cmnd", "sogiayto"};

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

void add(std::vector<std::string>& list, const std::string& item) {
    if (!contains(list, item)) list.push_back(item);
}

void remove(std::vector<std::string>& list, const std::string& item) {
    list.erase(std::remove(list.begin(), list.end(), item), list.end());
}

}  // namespace

bool PrivateFields::is_private(const std::string& field) const {
    if (contains(names, field)) return true;
    if (contains(exempt, field)) return false;
    const std::string name = lower(field);
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& p) { return name.find(p) != std::string::npos; });
}

PrivateFields Store::private_fields() {
    store::Backend& backend = *impl_->backend;
    PrivateFields out;
    const std::optional<std::string> names = backend.read_setting("private_fields");
    out.names = names ? store::strings_from_json(*names) : default_private;
    if (const std::optional<std::string> exempt = backend.read_setting("public_fields")) {
        out.exempt = store::strings_from_json(*exempt);
    }
    out.patterns = identity_patterns;
    return out;
}

void Store::set_private(const std::vector<std::string>& fields, bool is_private) {
    for (const std::string& f : fields) {
        if (f.empty()) throw usage_error("a field name is empty");
    }
    store::Backend& backend = *impl_->backend;
    const std::unique_ptr<store::WriteLock> lock = backend.lock_for_write();
    PrivateFields current = private_fields();
    for (const std::string& f : fields) {
        if (is_private) {
            add(current.names, f);
            remove(current.exempt, f);
        } else {
            remove(current.names, f);
            add(current.exempt, f);
        }
    }
    backend.write_setting("private_fields", store::strings_to_json(current.names));
    backend.write_setting("public_fields", store::strings_to_json(current.exempt));
    lock->commit();
}

}  // namespace libland
