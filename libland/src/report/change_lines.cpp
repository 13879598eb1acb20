// change_lines(): the list of changes, from recorded or detected events.
#include "report/change_lines.hpp"

namespace libland::report {

namespace {

std::string keys(const std::vector<ParcelVersion>& versions) {
    std::string out;
    for (const ParcelVersion& v : versions) out += (out.empty() ? "" : ", ") + v.key;
    return out;
}

std::string keys(const Snapshot& snapshot, const std::vector<std::size_t>& indices) {
    std::string out;
    for (std::size_t i : indices) out += (out.empty() ? "" : ", ") + snapshot.parcels[i].key;
    return out;
}

// The fields whose values differ between a before and an after parcel of the same schema field.
std::string changed_fields(const Snapshot& before, const Snapshot& after, const Parcel& b, const Parcel& a) {
    std::string out;
    if (b.use != a.use) out = before.use_field.empty() ? "use" : before.use_field;
    for (std::size_t i = 0; i < before.fields.size() && i < b.attributes.size(); ++i) {
        const int j = after.field_index(before.fields[i].name);
        if (j < 0 || static_cast<std::size_t>(j) >= a.attributes.size()) continue;
        if (before.fields[i].name == before.use_field) continue;
        if (to_string(b.attributes[i]) != to_string(a.attributes[static_cast<std::size_t>(j)])) {
            out += (out.empty() ? "" : ", ") + before.fields[i].name;
        }
    }
    return out;
}

}  // namespace

std::vector<ChangeLine> change_lines(const Snapshot& before, const Snapshot& after, const ChangeSet& changes,
                                     const std::vector<ParcelEvent>& recorded) {
    std::vector<ChangeLine> out;
    if (!recorded.empty()) {
        for (const ParcelEvent& e : recorded) {
            double area = 0;
            for (const ParcelVersion& v : e.children.empty() ? e.parents : e.children) area += v.area_m2;
            out.push_back({e.date, e.type, keys(e.parents), keys(e.children), area, e.document, e.reason, ""});
        }
        return out;
    }
    for (const ChangeEvent& e : changes.events) {
        if (e.type == ChangeType::unchanged) continue;
        double area_m2 = 0;
        if (!e.after.empty()) {
            for (std::size_t i : e.after) area_m2 += area(after.parcels[i].geometry);
        } else {
            for (std::size_t i : e.before) area_m2 += area(before.parcels[i].geometry);
        }
        ChangeLine line{"", to_string(e.type), keys(before, e.before), keys(after, e.after), area_m2, "", "", ""};
        if (e.before.size() == 1 && e.after.size() == 1) {
            line.fields = changed_fields(before, after, before.parcels[e.before[0]], after.parcels[e.after[0]]);
        }
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace libland::report
