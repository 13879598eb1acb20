#pragma once
// The attributes of the parcels a transaction makes (split pieces, a merge's result, adjusted
// neighbours): the officer's values (CommitInfo::values), and the registered area, which follows
// the new geometry. Private.
#include "store/backend.hpp"

#include <map>
#include <string>
#include <vector>

namespace libland::store {

// Returns the positions in schema.fields of the registered-area fields under the database's
// setting (Store::area_field(): a name, "none", or "" for the fields area_fields() finds).
[[nodiscard]] std::vector<std::size_t> area_field_positions(const Schema& schema, const std::string& setting);

class ProductAttributes {
public:
    // Reads the officer's values as their fields' types. Throws usage_error naming the field for
    // an unknown field, an id field or the area field, or a value its type cannot hold.
    ProductAttributes(const Schema& schema, const std::string& area_field_setting,
                      const std::map<std::string, std::string>& values);

    // Refuses (usage_error naming each field and the parents' values) parents whose attributes
    // differ, the use included, where the officer gave no value: nothing is dropped silently.
    // The id fields and the registered area are not compared.
    void check_parents_agree(const std::vector<const Parcel*>& parents) const;

    // Gives a product the officer's values and its registered area: its computed area, rounded
    // to 0.1 m2.
    void finish(Parcel& product) const;
    // Gives a parcel the officer's values only (its registered area kept).
    void apply_values(Parcel& parcel) const;

private:
    const Schema& schema_;
    std::vector<std::size_t> area_positions_;
    std::map<std::size_t, Value> values_;  // field position -> value
};

}  // namespace libland::store
