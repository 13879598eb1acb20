// The versioned land database: commits, officers' transactions, as-of, paged parcels, history,
// log, layers, close.
#include "api_keys.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "record_repr.hpp"

#include <libland/crs.hpp>
#include <libland/error.hpp>
#include <libland/report.hpp>
#include <libland/store.hpp>

#include <pybind11/stl.h>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace libland::python {

namespace {

// A Store shared with Python: calls run with the GIL released, so the mutex keeps two Python
// threads from using one database connection at once. close() drops the connection (the
// database file is released); the path is kept for the message of later calls.
struct SharedStore {
    std::optional<Store> store;
    std::string path;
    std::mutex mutex;
    explicit SharedStore(Store s) : store(std::move(s)), path(store->path()) {}
};

// Calls f(store) with the GIL released and the store locked.
// Throws libland::error when the store has been closed.
template <typename F>
auto locked(SharedStore& s, F&& f) {
    py::gil_scoped_release release;
    const std::lock_guard lock(s.mutex);
    if (!s.store) throw error("the store is closed: " + s.path);
    return f(*s.store);
}

// Closes the connection once any running call is done; closing again does nothing.
void close(SharedStore& s) {
    py::gil_scoped_release release;
    const std::lock_guard lock(s.mutex);
    s.store.reset();
}

CommitInfo commit_info(std::string date, std::string message, std::string document, bool backdate,
                       std::map<std::string, std::string> values, bool dry_run, std::string by) {
    CommitInfo info;
    info.date = std::move(date);
    info.message = std::move(message);
    info.document = std::move(document);
    info.backdate = backdate;
    info.values = std::move(values);
    info.dry_run = dry_run;
    info.author = std::move(by);
    return info;
}

SurveyScope survey_scope(const std::string& name) {
    if (name == "sheets") return SurveyScope::sheets;
    if (name == "communes") return SurveyScope::communes;
    throw usage_error("scope is 'sheets' or 'communes', not '" + name + "'");
}

void bind_records(py::module_& m) {
    py::class_<CommitSummary>(m, "CommitSummary", "What one write did.")
        .def_readonly("commit", &CommitSummary::commit, "The commit's id.")
        .def_readonly("events", &CommitSummary::events, "Event type -> count (unchanged excluded).")
        .def_readonly("new_keys", &CommitSummary::new_keys, "Keys of the changed parcel versions it opened.")
        .def_readonly("resurveyed", &CommitSummary::resurveyed, "Parcels re-surveyed without change.")
        .def_readonly("backdated", &CommitSummary::backdated)
        .def_readonly("dry_run", &CommitSummary::dry_run, "True when nothing was recorded (a preview).")
        .def_readonly("warnings", &CommitSummary::warnings, "What was recorded although doubtful.")
        .def("__repr__", [](const CommitSummary& v) { return repr_of(v); });
    py::class_<LocalLandUse>(m, "LocalLandUse", "A land-use code a database adds to the national lists.")
        .def_readonly("code", &LocalLandUse::code)
        .def_readonly("name", &LocalLandUse::name)
        .def_readonly("added_at", &LocalLandUse::added_at, "UTC.");
    py::class_<KeyInfo>(m, "KeyInfo", "An API key as listed (never the key itself).")
        .def_readonly("name", &KeyInfo::name)
        .def_property_readonly("role", [](const KeyInfo& k) { return std::string(to_string(k.role)); })
        .def_readonly("created_at", &KeyInfo::created_at, "UTC.")
        .def_readonly("revoked_at", &KeyInfo::revoked_at, "UTC; empty while the key is valid.")
        .def_readonly("last_used", &KeyInfo::last_used, "UTC date of its last accepted use; empty when never.");
    py::class_<AttributeChange>(m, "AttributeChange", "One field an attribute change changed (values as text).")
        .def_readonly("field", &AttributeChange::field)
        .def_readonly("before", &AttributeChange::before, "'' for null.")
        .def_readonly("after", &AttributeChange::after, "'' for null.")
        .def("__repr__", [](const AttributeChange& c) {
            return "AttributeChange(" + c.field + ": '" + c.before + "' -> '" + c.after + "')";
        });
    py::class_<ParcelVersion>(m, "ParcelVersion", "One version of a parcel, valid on [valid_from, valid_to).")
        .def_readonly("version", &ParcelVersion::version)
        .def_readonly("uid", &ParcelVersion::uid, "The parcel's identity, stable across renumbering.")
        .def_readonly("key", &ParcelVersion::key)
        .def_readonly("use", &ParcelVersion::use)
        .def_readonly("valid_from", &ParcelVersion::valid_from)
        .def_readonly("valid_to", &ParcelVersion::valid_to, "'' while current.")
        .def_readonly("commit", &ParcelVersion::commit)
        .def_readonly("recorded_at", &ParcelVersion::recorded_at, "UTC, ISO 8601.")
        .def_readonly("area_m2", &ParcelVersion::area_m2)
        .def_property_readonly(
            "attributes",
            [](const ParcelVersion& v) {
                py::dict out;
                for (const auto& [field, value] : v.attributes) out[py::str(field)] = value;
                return out;
            },
            "Every attribute of the version as text (field -> value, '' for null), by field name.")
        .def("__repr__", [](const ParcelVersion& v) { return repr_of(v); });
    py::class_<ParcelEvent>(m, "ParcelEvent", "A recorded change: the versions it closed and opened.")
        .def_readonly("id", &ParcelEvent::id)
        .def_readonly("commit", &ParcelEvent::commit)
        .def_readonly("type", &ParcelEvent::type, "A change type ('split', 'merged', ...) or 'retired'.")
        .def_readonly("date", &ParcelEvent::date)
        .def_readonly("recorded_at", &ParcelEvent::recorded_at)
        .def_readonly("reason", &ParcelEvent::reason)
        .def_readonly("document", &ParcelEvent::document)
        .def_readonly("backdated", &ParcelEvent::backdated)
        .def_readonly("parents", &ParcelEvent::parents)
        .def_readonly("children", &ParcelEvent::children)
        .def_readonly("attribute_changes", &ParcelEvent::attribute_changes,
                      "attributes_changed: the fields changed, with old and new values.")
        .def("__repr__", [](const ParcelEvent& v) { return repr_of(v); });
    py::class_<ParcelHistory>(m, "ParcelHistory", "A parcel's versions, events and lineage.")
        .def_readonly("uid", &ParcelHistory::uid)
        .def_readonly("versions", &ParcelHistory::versions, "Oldest first.")
        .def_readonly("events", &ParcelHistory::events, "Of the parcel and its lineage, by date.")
        .def_readonly("ancestors", &ParcelHistory::ancestors)
        .def_readonly("descendants", &ParcelHistory::descendants)
        .def("__repr__", [](const ParcelHistory& v) { return repr_of(v); });
    py::class_<CommitRecord>(m, "CommitRecord", "One entry of the log.")
        .def_readonly("id", &CommitRecord::id)
        .def_readonly("kind", &CommitRecord::kind, "'survey', 'transaction' or 'revert'.")
        .def_readonly("reverts", &CommitRecord::reverts, "A revert: the commit it reverted (0 otherwise).")
        .def_readonly("date", &CommitRecord::date)
        .def_readonly("recorded_at", &CommitRecord::recorded_at)
        .def_readonly("message", &CommitRecord::message)
        .def_readonly("document", &CommitRecord::document)
        .def_readonly("backdated", &CommitRecord::backdated)
        .def_readonly("author", &CommitRecord::author)
        .def_readonly("source", &CommitRecord::source, "Survey: the file's name.")
        .def_readonly("source_sha256", &CommitRecord::source_sha256, "Survey: the SHA-256 of the file (hex).")
        .def_readonly("parcels", &CommitRecord::parcels, "Parcels touched.")
        .def_readonly("events", &CommitRecord::events, "Change event type -> count (re-surveys excluded).")
        .def_readonly("resurveyed", &CommitRecord::resurveyed, "Parcels re-surveyed without change.")
        .def("__repr__", [](const CommitRecord& v) { return repr_of(v); });
    py::class_<LayerInfo>(m, "LayerInfo", "An extra published layer.")
        .def_readonly("name", &LayerInfo::name)
        .def_readonly("source", &LayerInfo::source)
        .def_readonly("features", &LayerInfo::features)
        .def("__repr__", [](const LayerInfo& v) { return repr_of(v); });
    py::class_<LayerFeature>(m, "LayerFeature", "A feature of a published layer.")
        .def_readonly("id", &LayerFeature::id)
        .def_readonly("properties_json", &LayerFeature::properties_json)
        .def_property_readonly(
            "geometry",
            [](const LayerFeature& f) -> py::object {
                if (!f.geometry) return py::none();
                return to_geojson(*f.geometry, 9);
            },
            "A GeoJSON geometry dict (CRS84 lon/lat as layer_features gives it), or None.")
        .def("__repr__", [](const LayerFeature& v) { return repr_of(v); });
}

void bind_opening(py::class_<SharedStore>& c) {
    c.def_static(
         "create",
         [](const std::string& path, const std::string& crs, const std::string& area_field) {
             py::gil_scoped_release release;
             return std::make_unique<SharedStore>(Store::create(path, crs, area_field));
         },
         py::arg("path"), py::arg("crs"), py::arg("area_field"),
         "Creates a new database file with one projected working CRS and its registered-area field.")
        .def_static(
            "copy",
            [](const std::string& from, const std::string& to) {
                py::gil_scoped_release release;
                return Store::copy(from, to);
            },
            py::arg("from_db"), py::arg("to_db"),
            "Copies a whole land database into a new SpatiaLite file or an empty PostgreSQL database; "
            "returns (table, rows) pairs.")
        .def_static(
            "open",
            [](const std::string& path, bool read_only) {
                py::gil_scoped_release release;
                return std::make_unique<SharedStore>(
                    Store::open(path, read_only ? Store::Access::read_only : Store::Access::read_write));
            },
            py::arg("path"), py::arg("read_only") = false,
            "Opens an existing land database (read_only: the file is never written).")
        .def_property_readonly("crs", [](SharedStore& s) { return locked(s, [](Store& st) { return st.crs(); }); })
        .def_property_readonly("area_field",
                               [](SharedStore& s) { return locked(s, [](Store& st) { return st.area_field(); }); })
        .def_property_readonly("path", [](SharedStore& s) { return s.path; }, "The database file (also once closed).")
        .def_property_readonly(
            "closed",
            [](SharedStore& s) {
                py::gil_scoped_release release;
                const std::lock_guard lock(s.mutex);
                return !s.store.has_value();
            },
            "True once close() has run.")
        .def("close", &close, "Closes the database file; later calls raise Error. Closing twice is fine.");
}

void bind_writes(py::class_<SharedStore>& c) {
    c.def(
         "commit",
         [](SharedStore& s, const Snapshot& survey, std::string date, std::string message,
            std::string document, bool backdate, double tolerance, const std::string& scope, bool dry_run,
            bool accept_unknown_codes, bool force, std::string by) {
             auto info = commit_info(std::move(date), std::move(message), std::move(document), backdate, {}, dry_run,
                                     std::move(by));
             info.accept_unknown_codes = accept_unknown_codes;
             info.force = force;
             const SurveyScope survey_scope_ = survey_scope(scope);
             return locked(s, [&](Store& st) { return st.commit(survey, info, tolerance, survey_scope_); });
         },
         py::arg("snapshot"), py::arg("date"), py::arg("message"), py::arg("document"),
         py::arg("backdate"), py::arg("tolerance"), py::arg("scope"), py::arg("dry_run"),
         py::arg("accept_unknown_codes"), py::arg("force"), py::arg("by"), "Commits a survey (one atomic write).")
        .def(
            "split",
            [](SharedStore& s, const std::string& parcel, const std::string& line_wkt, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values,
               bool dry_run, std::string by) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate,
                                              std::move(values), dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.split(parcel, line_wkt, info); });
            },
            py::arg("parcel"), py::arg("line_wkt"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), py::arg("values"), py::arg("dry_run"), py::arg("by"),
            "Splits a parcel along a line.")
        .def(
            "split_pieces",
            [](SharedStore& s, const std::string& parcel, const py::list& pieces, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values,
               bool dry_run, std::string by) {
                std::vector<MultiPolygon> shapes;
                for (const auto& piece : pieces) shapes.push_back(from_coordinates(piece));
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate,
                                              std::move(values), dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.split(parcel, shapes, info); });
            },
            py::arg("parcel"), py::arg("pieces"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), py::arg("values"), py::arg("dry_run"), py::arg("by"),
            "Splits a parcel into the given pieces (MultiPolygon coordinates each).")
        .def(
            "merge",
            [](SharedStore& s, const std::vector<std::string>& parcels, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values,
               bool dry_run, std::string by) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate,
                                              std::move(values), dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.merge(parcels, info); });
            },
            py::arg("parcels"), py::arg("date"), py::arg("reason"), py::arg("document"),
            py::arg("backdate"), py::arg("values"), py::arg("dry_run"), py::arg("by"), "Merges neighbouring parcels into one.")
        .def(
            "set_use",
            [](SharedStore& s, const std::string& parcel, const std::string& use, std::string date,
               std::string reason, std::string document, bool backdate, bool dry_run, std::string by) {
                const auto info =
                    commit_info(std::move(date), std::move(reason), std::move(document), backdate, {}, dry_run,
                                std::move(by));
                return locked(s, [&](Store& st) { return st.set_use(parcel, use, info); });
            },
            py::arg("parcel"), py::arg("use"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), py::arg("dry_run"), py::arg("by"), "Changes a parcel's land-use code.")
        .def(
            "retire",
            [](SharedStore& s, const std::string& parcel, std::string date, std::string reason,
               std::string document, bool backdate, bool dry_run, std::string by) {
                const auto info =
                    commit_info(std::move(date), std::move(reason), std::move(document), backdate, {}, dry_run,
                                std::move(by));
                return locked(s, [&](Store& st) { return st.retire(parcel, info); });
            },
            py::arg("parcel"), py::arg("date"), py::arg("reason"), py::arg("document"),
            py::arg("backdate"), py::arg("dry_run"), py::arg("by"), "Retires a parcel (its last version is closed).")
        .def(
            "set_attr",
            [](SharedStore& s, const std::string& parcel, std::map<std::string, std::string> values, std::string date,
               std::string reason, std::string document, bool backdate, bool dry_run, std::string by) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, {},
                                              dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.set_attributes(parcel, values, info); });
            },
            py::arg("parcel"), py::arg("values"), py::arg("date"), py::arg("reason"), py::arg("document"),
            py::arg("backdate"), py::arg("dry_run"), py::arg("by"),
            "Changes a parcel's attributes (a new holder): a new version, same parcel.")
        .def(
            "revert",
            [](SharedStore& s, std::int64_t commit, std::string date, std::string reason, std::string document,
               bool backdate, bool dry_run, std::string by) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, {},
                                              dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.revert(commit, info); });
            },
            py::arg("commit"), py::arg("date"), py::arg("reason"), py::arg("document"), py::arg("backdate"),
            py::arg("dry_run"), py::arg("by"),
            "Records a new commit undoing a commit on the parcels it touched.")
        .def(
            "adjust",
            [](SharedStore& s, const std::string& first, const std::string& second,
               const std::string& line_wkt, std::string date, std::string reason, std::string document,
               bool backdate, std::map<std::string, std::string> values, bool dry_run, std::string by) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate,
                                              std::move(values), dry_run, std::move(by));
                return locked(s, [&](Store& st) { return st.adjust(first, second, line_wkt, info); });
            },
            py::arg("first"), py::arg("second"), py::arg("line_wkt"), py::arg("date"),
            py::arg("reason"), py::arg("document"), py::arg("backdate"), py::arg("values"), py::arg("dry_run"),
            py::arg("by"),
            "Moves the boundary between two neighbours onto the line.");
}

void bind_reads(py::class_<SharedStore>& c) {
    c.def(
         "as_of",
         [](SharedStore& s, const std::string& date, const std::optional<BoxTuple>& box) {
             return locked(s, [&](Store& st) { return st.as_of(date, to_box(box)); });
         },
         py::arg("date"), py::arg("bbox"), "Returns the map as it was on the date (a Snapshot).")
        .def(
            "history",
            [](SharedStore& s, const std::string& parcel) {
                return locked(s, [&](Store& st) { return st.history(parcel); });
            },
            py::arg("parcel"), "Returns a parcel's history (key or uid), or None when unknown.")
        .def(
            "log", [](SharedStore& s) { return locked(s, [](Store& st) { return st.log(); }); },
            "Every commit and transaction, oldest first.")
        .def(
            "events",
            [](SharedStore& s, const std::string& from, const std::string& to) {
                return locked(s, [&](Store& st) { return st.events(from, to); });
            },
            py::arg("from_date"), py::arg("to_date"), "The events recorded with a date in (from, to].")
        .def(
            "changes",
            [](SharedStore& s, const std::string& from, const std::string& to, double tolerance) {
                StoreChanges result = locked(s, [&](Store& st) { return st.changes(from, to, tolerance); });
                return py::make_tuple(std::move(result.before), std::move(result.after),
                                      std::move(result.changes), std::move(result.sources));
            },
            py::arg("from_date"), py::arg("to_date"), py::arg("tolerance"),
            "Diffs the map as of from_date against the map as of to_date: (before, after, changes, sources),\n"
            "sources parallel to the events: the commit that recorded each change.")
        .def(
            "parcels",
            [](SharedStore& s, const std::string& date, const std::optional<BoxTuple>& box,
               std::optional<std::string> use, std::optional<std::string> sheet, std::int64_t limit,
               std::int64_t offset, const std::string& filter) {
                ParcelQuery query;
                query.date = date;
                query.box = to_box(box);
                query.use = std::move(use);
                query.sheet = std::move(sheet);
                query.filter.cql2 = filter;
                query.limit = limit;
                query.offset = offset;
                ParcelPage page = locked(s, [&](Store& st) { return st.query_parcels(query); });
                return py::make_tuple(std::move(page.snapshot), std::move(page.versions), page.matched);
            },
            py::arg("date"), py::arg("bbox"), py::arg("use"), py::arg("sheet"), py::arg("limit"),
            py::arg("offset"), py::arg("filter") = "",
            "A page of the parcels valid on the date, filtered by bbox, use, sheet and a CQL2 filter: "
            "(snapshot, versions parallel to its parcels, parcels matched by all pages).")
        .def(
            "parcel_at",
            [](SharedStore& s, const std::string& parcel, const std::string& date) {
                ParcelPage page = locked(s, [&](Store& st) { return st.parcel_at(parcel, date); });
                return py::make_tuple(std::move(page.snapshot), std::move(page.versions));
            },
            py::arg("parcel"), py::arg("date"),
            "The version of a parcel (key on the date, uid, or another key of it) valid on the date: "
            "(snapshot of 0 or 1 parcel, its versions).")
        .def(
            "extract",
            [](SharedStore& s, const std::string& parcel, const std::string& date, const std::string& path,
               const std::string& language, const std::string& province, const std::vector<std::string>& hidden) {
                ExtractOptions options;
                options.language = parse_language(language);
                options.province = province;
                options.hidden_fields = hidden;
                locked(s, [&](Store& st) { write_parcel_extract(st, parcel, date, options, path); });
            },
            py::arg("parcel"), py::arg("date"), py::arg("path"), py::arg("language"), py::arg("province"),
            py::arg("hidden_fields"), "Writes the cadastral extract of the parcel on the date (one A4 PDF page).");
}

void bind_layers_and_keys(py::class_<SharedStore>& c) {
    c.def(
         "add_land_use",
         [](SharedStore& s, const std::string& code, const std::string& name) {
             locked(s, [&](Store& st) { st.add_land_use(code, name); });
         },
         py::arg("code"), py::arg("name"), "Adds a local land-use code to the database's code list.")
        .def(
            "commit_parcels",
            [](SharedStore& s, std::int64_t commit) {
                return locked(s, [&](Store& st) { return st.commit_parcels(commit); });
            },
            py::arg("commit"), "The keys of the parcel versions the commit closed or opened.")
        .def("keys", [](SharedStore& s) { return locked(s, [](Store& st) { return st.keys(); }); },
             "The API keys: valid ones by name, then revoked ones.")
        .def(
            "revoke_key",
            [](SharedStore& s, const std::string& name) { locked(s, [&](Store& st) { st.revoke_key(name); }); },
            py::arg("name"), "Revokes the API key named so.")
        .def(
            "remove_layer",
            [](SharedStore& s, const std::string& name) { locked(s, [&](Store& st) { st.remove_layer(name); }); },
            py::arg("name"), "Removes a published layer.")
        .def("local_land_uses", [](SharedStore& s) { return locked(s, [](Store& st) { return st.local_land_uses(); }); },
             "The database's local land-use codes.")
        .def(
            "knows_land_use",
            [](SharedStore& s, const std::string& code) {
                return locked(s, [&](Store& st) { return st.knows_land_use(code); });
            },
            py::arg("code"), "Whether the code is in the database's list (national or local).");
    c.def(
         "load_layer",
         [](SharedStore& s, const std::string& file, const std::string& name, const std::string& source_layer) {
             return locked(s, [&](Store& st) { return st.load_layer(file, name, source_layer); });
         },
         py::arg("file"), py::arg("name"), py::arg("source_layer"),
         "Loads a GDAL layer as published layer `name`; returns the feature count.")
        .def("layers", [](SharedStore& s) { return locked(s, [](Store& st) { return st.layers(); }); },
             "The published layers.")
        .def(
            "layer_features",
            [](SharedStore& s, const std::string& name, const std::optional<BoxTuple>& lon_lat_box,
               std::int64_t limit, std::int64_t offset) {
                return locked(s, [&](Store& st) {
                    std::vector<LayerFeature> features = st.layer_features(name, to_box(lon_lat_box), limit, offset);
                    const Transformer to_lon_lat(st.crs(), "OGC:CRS84");  // the library's one reprojection path
                    for (LayerFeature& f : features) {
                        try {
                            if (f.geometry) to_lon_lat.apply(*f.geometry);
                        } catch (const geometry_error&) {
                            f.geometry.reset();  // outside the CRS's area: no place in lon/lat
                        }
                    }
                    return features;
                });
            },
            py::arg("name"), py::arg("lon_lat_box"), py::arg("limit"), py::arg("offset"),
            "The layer's features whose bounds meet the box (CRS84), by id.")
        .def(
            "add_key",
            [](SharedStore& s, const std::string& name, const std::string& role) {
                const KeyRole parsed = parse_key_role(role);
                return locked(s, [&](Store& st) { return api_keys::add(st, name, parsed); });
            },
            py::arg("name"), py::arg("role"), "Creates an API key ('officer' or 'reader'); returns it once.")
        .def(
            "check_key",
            [](SharedStore& s, const std::string& key) -> std::optional<std::string> {
                const auto role = locked(s, [&](Store& st) { return api_keys::role(st, key); });
                if (!role) return std::nullopt;
                return std::string(to_string(*role));
            },
            py::arg("key"), "Returns the key's role, or None for an unknown key.")
        .def(
            "private_fields",
            [](SharedStore& s) {
                const PrivateFields f = locked(s, [](Store& st) { return st.private_fields(); });
                return py::make_tuple(f.names, f.patterns, f.exempt);
            },
            "The private fields: (names, name patterns, names exempt from the patterns).")
        .def(
            "set_private",
            [](SharedStore& s, const std::vector<std::string>& fields, bool is_private) {
                locked(s, [&](Store& st) { st.set_private(fields, is_private); });
            },
            py::arg("fields"), py::arg("is_private"), "Makes the fields private (True) or public (False).");
}

}  // namespace

void bind_store(py::module_& m) {
    bind_records(m);
    py::class_<SharedStore> store(m, "Store", "A versioned land database (one SpatiaLite file).");
    bind_opening(store);
    bind_writes(store);
    bind_reads(store);
    bind_layers_and_keys(store);
}

}  // namespace libland::python
