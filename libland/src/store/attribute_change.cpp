// A change of a parcel's attributes (a sale, a gift, an inheritance: a new holder): a new version
// of the parcel with the officer's values, same uid and geometry, event attributes_changed.
#include "store/product_attributes.hpp"
#include "store/transaction_plan.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland {

namespace {

bool listed(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Refuses the fields an attribute change may not set: keys, the use, the registered area.
void check_settable(const store::Schema& schema, const std::string& area_setting,
                    const std::map<std::string, std::string>& values) {
    if (values.empty()) throw usage_error("name at least one FIELD=VALUE to change");
    const std::vector<std::size_t> areas = store::area_field_positions(schema, area_setting);
    for (const auto& [name, text] : values) {
        const bool known = std::any_of(schema.fields.begin(), schema.fields.end(),
                                       [&field = name](const Field& f) { return f.name == field; });
        if (!known) {
            std::string fields;
            for (const Field& f : schema.fields) fields += (fields.empty() ? "" : ", ") + f.name;
            throw usage_error("the database has no field " + name + " (fields: " + fields + "; nothing was written)");
        }
        if (name == schema.use_field) {
            throw usage_error(name + " is the land use; change it with set-use (nothing was written)");
        }
        if (listed(schema.id_fields, name)) {
            throw usage_error(name + " is part of the parcel's key; an attribute change cannot renumber a parcel "
                              "(nothing was written)");
        }
        for (const std::size_t at : areas) {
            if (schema.fields[at].name == name) {
                throw usage_error(name + " is the registered area; it follows the geometry (nothing was written)");
            }
        }
    }
}

}  // namespace

CommitSummary Store::set_attributes(const std::string& parcel, const std::map<std::string, std::string>& values,
                                    const CommitInfo& info) {
    store::check_date(info.date);
    if (const std::optional<store::Schema> schema = impl_->backend->schema_at(info.date)) {
        check_settable(*schema, impl_->backend->setting("area_field"), values);
    }
    CommitInfo with_values = info;
    with_values.values = values;
    store::TransactionPlan tx(*impl_->backend, with_values);  // reads each value as its field's type
    const store::Target target = tx.target(parcel);
    const Parcel changed = tx.with_values(target.parcel);
    if (changed.attributes == target.parcel.attributes) {
        throw usage_error("parcel " + target.parcel.key + " already has these values; nothing to change "
                          "(nothing was written)");
    }
    tx.add(store::new_version_event(ChangeType::attributes_changed, target, changed));
    return tx.commit();
}

}  // namespace libland
