#include "record_repr.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdio>

namespace libland::python {

namespace py = pybind11;

namespace {

// Python's repr of a value (quotes and escapes for text, brackets for lists and dicts).
template <typename T>
std::string r(const T& value) {
    return py::repr(py::cast(value)).template cast<std::string>();
}

std::string fixed(double value, int decimals) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string keys(const std::vector<ParcelVersion>& versions) {
    std::vector<std::string> out;
    out.reserve(versions.size());
    for (const auto& v : versions) out.push_back(v.key);
    return r(out);
}

}  // namespace

std::string repr_of(const CommitSummary& s) {
    return "CommitSummary(commit=" + std::to_string(s.commit) + ", events=" + r(s.events) +
           ", resurveyed=" + std::to_string(s.resurveyed) + ", new_keys=" + r(s.new_keys) +
           (s.backdated ? ", backdated=True" : "") + ")";
}

std::string repr_of(const ParcelVersion& v) {
    return "ParcelVersion(version=" + std::to_string(v.version) + ", uid=" + std::to_string(v.uid) +
           ", key=" + r(v.key) + ", use=" + r(v.use) + ", valid_from=" + r(v.valid_from) +
           ", valid_to=" + r(v.valid_to) + ", area_m2=" + fixed(v.area_m2, 2) + ")";
}

std::string repr_of(const ParcelEvent& e) {
    return "ParcelEvent(id=" + std::to_string(e.id) + ", type=" + r(e.type) + ", date=" + r(e.date) +
           ", document=" + r(e.document) + ", parents=" + keys(e.parents) + ", children=" +
           keys(e.children) + (e.backdated ? ", backdated=True" : "") + ")";
}

std::string repr_of(const ParcelHistory& h) {
    return "ParcelHistory(uid=" + std::to_string(h.uid) + ", versions=" + std::to_string(h.versions.size()) +
           ", events=" + std::to_string(h.events.size()) + ", ancestors=" + keys(h.ancestors) +
           ", descendants=" + keys(h.descendants) + ")";
}

std::string repr_of(const CommitRecord& c) {
    return "CommitRecord(id=" + std::to_string(c.id) + ", kind=" + r(c.kind) + ", date=" + r(c.date) +
           ", message=" + r(c.message) + ", document=" + r(c.document) + ", events=" + r(c.events) +
           ", resurveyed=" + std::to_string(c.resurveyed) + (c.backdated ? ", backdated=True" : "") + ")";
}

std::string repr_of(const LayerInfo& l) {
    return "LayerInfo(" + r(l.name) + ", source=" + r(l.source) + ", features=" + std::to_string(l.features) + ")";
}

std::string repr_of(const LayerFeature& f) {
    return "LayerFeature(id=" + std::to_string(f.id) + ", properties=" + f.properties_json + ")";
}

std::string repr_of(const DiffTimings& t) {
    return "DiffTimings(prepare=" + fixed(t.prepare, 3) + ", index=" + fixed(t.index, 3) +
           ", match=" + fixed(t.match, 3) + ", classify=" + fixed(t.classify, 3) + ")";
}

std::string repr_of(const TransitionMatrix& m) {
    return "TransitionMatrix(uses_before=" + r(m.uses_before) + ", uses_after=" + r(m.uses_after) + ")";
}

std::string repr_of(const Snapshot& s) {
    return "Snapshot(" + r(s.source) + ", layer=" + r(s.layer) + ", crs=" + r(s.crs) +
           ", parcels=" + std::to_string(s.parcels.size()) + ")";
}

}  // namespace libland::python
