// land history DB PARCEL: every version of a parcel (key or uid) with all its attributes (the
// holder too), the events that touched it (an attribute change with its old and new values) and
// its lineage (the parcels it came from and went into).
#include "commands.hpp"
#include "text_table.hpp"

#include <libland/error.hpp>
#include <libland/store.hpp>

#include <cstdio>
#include <iostream>

namespace land {

namespace {

std::string area_text(double m2) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", m2);
    return text;
}

void print_versions(const std::vector<libland::ParcelVersion>& versions) {
    TextTable table({"version", "uid", "key", "use", "area m2", "valid from", "valid to", "commit", "recorded (UTC)"});
    for (const auto& v : versions) {
        table.add({std::to_string(v.version), std::to_string(v.uid), v.key, v.use, area_text(v.area_m2),
                   v.valid_from, v.valid_to.empty() ? "(current)" : v.valid_to, std::to_string(v.commit),
                   v.recorded_at});
    }
    table.print(std::cout);
}

// Every attribute of each version, one line per version: "version 12: chuSuDung=..., ...".
void print_attributes(const std::vector<libland::ParcelVersion>& versions) {
    for (const auto& v : versions) {
        std::cout << "version " << v.version << ":";
        const char* separator = " ";
        for (const auto& [field, value] : v.attributes) {
            std::cout << separator << field << "=" << value;
            separator = ", ";
        }
        std::cout << "\n";
    }
}

// "field: before -> after; ..." of an attributes_changed event.
std::string attribute_changes(const libland::ParcelEvent& e) {
    std::string text;
    for (const auto& c : e.attribute_changes) text += (text.empty() ? "" : "; ") + c.field + ": " + c.before + " -> " + c.after;
    return text;
}

std::string keys(const std::vector<libland::ParcelVersion>& versions) {
    std::string text;
    for (const auto& v : versions) text += (text.empty() ? "" : "; ") + v.key;
    return text.empty() ? "-" : text;
}

}  // namespace

int history_command(const Args& args) {
    args.allow_only({});
    libland::Store store = libland::Store::open(args.positional(0, "DB"), libland::Store::Access::read_only);
    const std::string& parcel = args.positional(1, "PARCEL (key or uid)");
    const auto history = store.history(parcel);
    if (!history) throw libland::usage_error("no parcel '" + parcel + "' in " + store.path());
    std::cout << "parcel uid " << history->uid << "\n\nversions:\n";
    print_versions(history->versions);
    std::cout << "\nattributes:\n";
    print_attributes(history->versions);
    if (!history->ancestors.empty()) {
        std::cout << "\nancestors (came from):\n";
        print_versions(history->ancestors);
    }
    if (!history->descendants.empty()) {
        std::cout << "\ndescendants (went into):\n";
        print_versions(history->descendants);
    }
    std::cout << "\nevents:\n";
    TextTable events({"event", "date", "type", "from", "to", "document", "reason", "changed", "recorded (UTC)"});
    for (const auto& e : history->events) {
        events.add({std::to_string(e.id), e.date + (e.backdated ? " (back-dated)" : ""), e.type, keys(e.parents),
                    keys(e.children), e.document, e.reason, attribute_changes(e), e.recorded_at});
    }
    events.print(std::cout);
    return 0;
}

}  // namespace land
