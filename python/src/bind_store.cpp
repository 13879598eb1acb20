// The versioned land database: commits, officers' transactions, as-of, paged parcels, history,
// log, layers, close.
#include "bindings.hpp"
#include "convert.hpp"

#include <libland/error.hpp>
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
                       std::map<std::string, std::string> values = {}) {
    return CommitInfo{std::move(date), std::move(message), std::move(document), backdate, std::move(values)};
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
        .def_readonly("backdated", &CommitSummary::backdated);
    py::class_<ParcelVersion>(m, "ParcelVersion", "One version of a parcel, valid on [valid_from, valid_to).")
        .def_readonly("version", &ParcelVersion::version)
        .def_readonly("uid", &ParcelVersion::uid, "The parcel's identity, stable across renumbering.")
        .def_readonly("key", &ParcelVersion::key)
        .def_readonly("use", &ParcelVersion::use)
        .def_readonly("valid_from", &ParcelVersion::valid_from)
        .def_readonly("valid_to", &ParcelVersion::valid_to, "'' while current.")
        .def_readonly("commit", &ParcelVersion::commit)
        .def_readonly("recorded_at", &ParcelVersion::recorded_at, "UTC, ISO 8601.")
        .def_readonly("area_m2", &ParcelVersion::area_m2);
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
        .def_readonly("children", &ParcelEvent::children);
    py::class_<ParcelHistory>(m, "ParcelHistory", "A parcel's versions, events and lineage.")
        .def_readonly("uid", &ParcelHistory::uid)
        .def_readonly("versions", &ParcelHistory::versions, "Oldest first.")
        .def_readonly("events", &ParcelHistory::events, "Of the parcel and its lineage, by date.")
        .def_readonly("ancestors", &ParcelHistory::ancestors)
        .def_readonly("descendants", &ParcelHistory::descendants);
    py::class_<CommitRecord>(m, "CommitRecord", "One entry of the log.")
        .def_readonly("id", &CommitRecord::id)
        .def_readonly("kind", &CommitRecord::kind, "'survey' or 'transaction'.")
        .def_readonly("date", &CommitRecord::date)
        .def_readonly("recorded_at", &CommitRecord::recorded_at)
        .def_readonly("message", &CommitRecord::message)
        .def_readonly("document", &CommitRecord::document)
        .def_readonly("backdated", &CommitRecord::backdated)
        .def_readonly("events", &CommitRecord::events, "Change event type -> count (re-surveys excluded).")
        .def_readonly("resurveyed", &CommitRecord::resurveyed, "Parcels re-surveyed without change.");
    py::class_<LayerInfo>(m, "LayerInfo", "An extra published layer.")
        .def_readonly("name", &LayerInfo::name)
        .def_readonly("source", &LayerInfo::source)
        .def_readonly("features", &LayerInfo::features);
    py::class_<LayerFeature>(m, "LayerFeature", "A feature of a published layer.")
        .def_readonly("id", &LayerFeature::id)
        .def_readonly("properties_json", &LayerFeature::properties_json)
        .def_readonly("geometry_geojson", &LayerFeature::geometry_geojson, "In CRS84 lon/lat.");
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
            "open",
            [](const std::string& path) {
                py::gil_scoped_release release;
                return std::make_unique<SharedStore>(Store::open(path));
            },
            py::arg("path"), "Opens an existing land database.")
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
            std::string document, bool backdate, double tolerance, const std::string& scope) {
             const auto info = commit_info(std::move(date), std::move(message), std::move(document), backdate);
             const SurveyScope survey_scope_ = survey_scope(scope);
             return locked(s, [&](Store& st) { return st.commit(survey, info, tolerance, survey_scope_); });
         },
         py::arg("snapshot"), py::arg("date"), py::arg("message"), py::arg("document"),
         py::arg("backdate"), py::arg("tolerance"), py::arg("scope"), "Commits a survey (one atomic write).")
        .def(
            "split",
            [](SharedStore& s, const std::string& parcel, const std::string& line_wkt, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, std::move(values));
                return locked(s, [&](Store& st) { return st.split(parcel, line_wkt, info); });
            },
            py::arg("parcel"), py::arg("line_wkt"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), py::arg("values"), "Splits a parcel along a line.")
        .def(
            "split_pieces",
            [](SharedStore& s, const std::string& parcel, const py::list& pieces, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values) {
                std::vector<MultiPolygon> shapes;
                for (const auto& piece : pieces) shapes.push_back(from_coordinates(piece));
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, std::move(values));
                return locked(s, [&](Store& st) { return st.split(parcel, shapes, info); });
            },
            py::arg("parcel"), py::arg("pieces"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), py::arg("values"),
            "Splits a parcel into the given pieces (MultiPolygon coordinates each).")
        .def(
            "merge",
            [](SharedStore& s, const std::vector<std::string>& parcels, std::string date,
               std::string reason, std::string document, bool backdate, std::map<std::string, std::string> values) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, std::move(values));
                return locked(s, [&](Store& st) { return st.merge(parcels, info); });
            },
            py::arg("parcels"), py::arg("date"), py::arg("reason"), py::arg("document"),
            py::arg("backdate"), py::arg("values"), "Merges neighbouring parcels into one.")
        .def(
            "set_use",
            [](SharedStore& s, const std::string& parcel, const std::string& use, std::string date,
               std::string reason, std::string document, bool backdate) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate);
                return locked(s, [&](Store& st) { return st.set_use(parcel, use, info); });
            },
            py::arg("parcel"), py::arg("use"), py::arg("date"), py::arg("reason"),
            py::arg("document"), py::arg("backdate"), "Changes a parcel's land-use code.")
        .def(
            "retire",
            [](SharedStore& s, const std::string& parcel, std::string date, std::string reason,
               std::string document, bool backdate) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate);
                return locked(s, [&](Store& st) { return st.retire(parcel, info); });
            },
            py::arg("parcel"), py::arg("date"), py::arg("reason"), py::arg("document"),
            py::arg("backdate"), "Retires a parcel (its last version is closed).")
        .def(
            "adjust",
            [](SharedStore& s, const std::string& first, const std::string& second,
               const std::string& line_wkt, std::string date, std::string reason, std::string document,
               bool backdate, std::map<std::string, std::string> values) {
                const auto info = commit_info(std::move(date), std::move(reason), std::move(document), backdate, std::move(values));
                return locked(s, [&](Store& st) { return st.adjust(first, second, line_wkt, info); });
            },
            py::arg("first"), py::arg("second"), py::arg("line_wkt"), py::arg("date"),
            py::arg("reason"), py::arg("document"), py::arg("backdate"), py::arg("values"),
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
                                      std::move(result.changes));
            },
            py::arg("from_date"), py::arg("to_date"), py::arg("tolerance"),
            "Diffs the map as of from_date against the map as of to_date: (before, after, changes).")
        .def(
            "parcels",
            [](SharedStore& s, const std::string& date, const std::optional<BoxTuple>& box,
               std::optional<std::string> use, std::optional<std::string> sheet, std::int64_t limit,
               std::int64_t offset) {
                ParcelQuery query{date, to_box(box), std::move(use), std::move(sheet), {}, {}, limit, offset};
                ParcelPage page = locked(s, [&](Store& st) { return st.query_parcels(query); });
                return py::make_tuple(std::move(page.snapshot), std::move(page.versions), page.matched);
            },
            py::arg("date"), py::arg("bbox"), py::arg("use"), py::arg("sheet"), py::arg("limit"),
            py::arg("offset"),
            "A page of the parcels valid on the date, filtered by bbox, use and sheet: "
            "(snapshot, versions parallel to its parcels, parcels matched by all pages).");
}

void bind_layers_and_keys(py::class_<SharedStore>& c) {
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
                return locked(s, [&](Store& st) { return st.layer_features(name, to_box(lon_lat_box), limit, offset); });
            },
            py::arg("name"), py::arg("lon_lat_box"), py::arg("limit"), py::arg("offset"),
            "The layer's features whose bounds meet the box (CRS84), by id.")
        .def(
            "add_key",
            [](SharedStore& s, const std::string& name, const std::string& role) {
                const KeyRole parsed = parse_key_role(role);
                return locked(s, [&](Store& st) { return st.add_key(name, parsed); });
            },
            py::arg("name"), py::arg("role"), "Creates an API key ('officer' or 'reader'); returns it once.")
        .def(
            "check_key",
            [](SharedStore& s, const std::string& key) -> std::optional<std::string> {
                const auto role = locked(s, [&](Store& st) { return st.check_key(key); });
                if (!role) return std::nullopt;
                return std::string(to_string(*role));
            },
            py::arg("key"), "Returns the key's role, or None for an unknown key.");
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
