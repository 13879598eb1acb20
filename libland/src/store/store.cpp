// The Store's construction and its read paths; writes are in survey_commit.cpp and
// transactions.cpp.
#include "store/store_impl.hpp"

#include <libland/crs.hpp>
#include <libland/date.hpp>
#include <libland/error.hpp>

#include <algorithm>
#include <cctype>

namespace libland {

namespace store {

void check_date(const std::string& date) { (void)civil_date(date); }

bool check_order(Backend& backend, const CommitInfo& info) { return check_order(backend.last_date(), info); }

bool check_order(const std::string& last, const CommitInfo& info) {
    check_record_date(info.date);
    if (last.empty() || info.date >= last) return false;
    if (!info.backdate) {
        throw usage_error("the date " + info.date + " is before the last recorded change (" + last +
                          "); use --backdate to record a back-dated change");
    }
    return true;
}

Target current_parcel(Backend& backend, const std::string& parcel, const std::string& date) {
    const std::optional<std::int64_t> uid = backend.find_uid(parcel);
    if (!uid) {
        throw usage_error("no parcel '" + parcel + "' in " + backend.path());
    }
    State state = backend.parcels_at({*uid}, date);
    if (state.versions.empty()) {
        const ParcelHistory h = backend.history(*uid);
        if (!h.versions.empty() && !h.versions.back().valid_to.empty() && h.versions.back().valid_to <= date) {
            throw usage_error("parcel " + parcel + " ended on " + h.versions.back().valid_to + ", before " + date);
        }
        throw usage_error("parcel " + parcel + " does not exist yet on " + date);
    }
    if (!state.valid_to.front().empty()) {
        throw usage_error("parcel " + parcel + " changed on " + state.valid_to.front() + ", after " + date +
                          "; a back-dated transaction cannot rewrite later history");
    }
    return Target{state.versions.front(), *uid, std::move(state.snapshot.parcels.front())};
}

}  // namespace store

Store Store::create(const std::string& path, const std::string& crs, const std::string& area_field) {
    const std::string working = normalise_crs(crs);
    if (working.rfind("EPSG:", 0) != 0) {
        throw usage_error(crs + ": the working CRS must have an EPSG code (e.g. EPSG:5897)");
    }
    if (is_geographic(working)) {
        throw usage_error(crs + ": a geographic CRS cannot measure areas; choose a projected one (e.g. EPSG:5897)");
    }
    store::Settings settings;
    if (!area_field.empty()) settings["area_field"] = area_field;
    if (const std::optional<std::string> conninfo = store::postgres_conninfo(path)) {
        return Store(std::make_unique<Impl>(store::create_postgis(*conninfo, working, settings), path));
    }
    return Store(std::make_unique<Impl>(store::create_spatialite(path, working, settings), path));
}

Store Store::open(const std::string& path, Access access) {
    const bool read_only = access == Access::read_only;
    if (const std::optional<std::string> conninfo = store::postgres_conninfo(path)) {
        return Store(std::make_unique<Impl>(store::open_postgis(*conninfo, read_only), path));
    }
    return Store(std::make_unique<Impl>(store::open_spatialite(path, read_only), path));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::crs() const noexcept { return impl_->backend->crs(); }
const std::string& Store::path() const noexcept { return impl_->backend->path(); }
const std::string& Store::area_field() const noexcept { return impl_->area_field; }

DiffOptions Store::diff_options(double tolerance) const {
    DiffOptions options;
    options.tolerance = tolerance;
    if (!impl_->area_field.empty()) {
        options.ignore_area_fields = false;
        if (impl_->area_field != "none") options.ignore_fields.push_back(impl_->area_field);
    }
    return options;
}

Snapshot Store::as_of(const std::string& date, const std::optional<Box>& box) {
    store::check_date(date);
    store::State state = impl_->backend->state_at(date, box);
    if (box) {
        std::erase_if(state.snapshot.parcels, [&](const Parcel& p) { return !bounds(p.geometry).intersects(*box); });
    }
    return std::move(state.snapshot);
}

std::optional<ParcelHistory> Store::history(const std::string& parcel) {
    const std::optional<std::int64_t> uid = impl_->backend->find_uid(parcel);
    if (!uid) return std::nullopt;
    return impl_->backend->history(*uid);
}

std::vector<CommitRecord> Store::log() { return impl_->backend->log(); }

std::vector<std::string> Store::commit_parcels(std::int64_t commit) { return impl_->backend->commit_parcels(commit); }

std::vector<ParcelEvent> Store::events(const std::string& from, const std::string& to) {
    store::check_date(from);
    store::check_date(to);
    return impl_->backend->events(from, to);
}

std::int64_t Store::load_layer(const std::string& file, const std::string& name, const std::string& source_layer) {
    const bool plain = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '_' || c == '-';
    });
    if (!plain) {
        throw usage_error("'" + name + "' cannot name a published layer (1 to 64 letters, digits, '_' or '-')");
    }
    return impl_->backend->load_layer(file, name, source_layer);
}

void Store::remove_layer(const std::string& name) { impl_->backend->remove_layer(name); }

std::vector<LayerInfo> Store::layers() { return impl_->backend->layers(); }

}  // namespace libland
