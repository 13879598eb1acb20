#pragma once
// Cadastral keys and parcel numbering: a key is the id fields' values joined by '-', its last
// part the parcel number within its sheet ("14362-12-345": sheet "14362-12", number 345). Private.
#include "store/backend.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace libland::store {

struct KeyParts {
    std::string sheet_key;              // the key without its last part ("" for one-part keys)
    std::optional<std::int64_t> number; // the last part when it is a whole number
};

[[nodiscard]] KeyParts split_key(const std::string& key);

// Gives the parcel the number on its sheet: sets the last id field (typed as the schema says) and
// recomposes the key. With no id fields the key is the number itself.
void renumber(Parcel& parcel, const Schema& schema, std::int64_t number);

// Sets the land-use code, in Parcel::use and in the use field's attribute.
void set_use_code(Parcel& parcel, const Schema& schema, const std::string& use);

}  // namespace libland::store
