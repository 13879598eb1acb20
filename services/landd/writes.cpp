// Officers' writes, the same operations as the CLI: POST /surveys (a whole survey as a GeoPackage
// or GeoJSON body; query parameters date, id, use, layer, message, backdate, repair, dry_run,
// accept_unknown_codes, force, filename: the upload's original name) and
// POST /transactions/{split|merge|set-use|set-attr|retire|adjust|revert} (a JSON body, "dry_run":
// true for a preview; set-attr takes the new values in "set", revert the commit id in "commit").
// Each answers 201 with the CommitSummary (200 for a dry run, nothing recorded), or a JSON error
// with nothing written.
#include "api_keys.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "public_text.hpp"
#include "service.hpp"

#include <libland/read.hpp>
#include <libland/validate.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace landd {

namespace {

using json = nlohmann::ordered_json;

json summary_json(const libland::CommitSummary& s) {
    return {{"commit", s.commit},         {"events", s.events},   {"new_keys", s.new_keys},
            {"resurveyed", s.resurveyed}, {"backdated", s.backdated}, {"dry_run", s.dry_run},
            {"warnings", s.warnings}};
}

// The findings that refused a survey: what land validate prints for the same file.
json findings_json(const std::vector<libland::Finding>& findings) {
    json out = json::array();
    for (const libland::Finding& f : findings) {
        out.push_back({{"severity", libland::to_string(f.severity)},
                       {"code", libland::to_string(f.code)},
                       {"parcels", f.parcels},
                       {"message", f.message}});
    }
    return out;
}

// 201 with what was recorded; 200 for a dry run (nothing recorded, `commit` the id it would take).
void reply_summary(Response& res, const libland::CommitSummary& summary) {
    res.status = summary.dry_run ? 200 : 201;
    res.set_content(summary_json(summary).dump(), "application/json");
}

// The uploaded file (streamed to a temporary file by the server) under a name with the
// extension its content calls for, removed on destruction.
class Upload {
public:
    // Throws HttpError 400 when the body is neither a GeoPackage nor a GeoJSON document.
    explicit Upload(const Request& req) {
        if (!req.upload) throw HttpError(400, "InvalidInput", "the body must be a GeoPackage or a GeoJSON survey", "body");
        const std::string& received = req.upload->path();
        char head[64] = {};
        std::ifstream in(received, std::ios::binary);
        in.read(head, sizeof head - 1);
        const std::string start(head, static_cast<std::size_t>(in.gcount()));
        const char* suffix = nullptr;
        if (start.rfind("SQLite format 3", 0) == 0) suffix = ".gpkg";
        else if (const std::size_t first = start.find_first_not_of(" \t\r\n"); first != std::string::npos && start[first] == '{') suffix = ".geojson";
        if (suffix == nullptr) {
            throw HttpError(400, "InvalidInput", "the body must be a GeoPackage or a GeoJSON survey", "body");
        }
        path_ = received + suffix;
        if (std::rename(received.c_str(), path_.c_str()) != 0) {
            throw HttpError(500, "ServerError", "cannot store the upload in the temporary folder");
        }
    }
    ~Upload() { std::remove(path_.c_str()); }
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

std::string required_parameter(const Request& req, const char* name) {
    std::optional<std::string> value = text_parameter(req, name);
    if (!value) throw bad_parameter(name, "required");
    return *value;
}

bool true_parameter(const std::optional<std::string>& value) {
    return value && (*value == "true" || *value == "1" || *value == "yes");
}

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(',', start)) != std::string::npos; start = at + 1) out.push_back(text.substr(start, at - start));
    out.push_back(text.substr(start));
    return out;
}

// The name of the officer's key the request carries: the author of its write.
std::string author_of(const Request& req, libland::Store& store) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (header.compare(0, scheme.size(), scheme) != 0) return "";
    return api_keys::name(store, header.substr(scheme.size())).value_or("");
}

void post_survey(const Request& req, Response& res, Session& session) {
    libland::CommitInfo info;
    info.author = author_of(req, session.writer());
    info.date = date_value(required_parameter(req, "date"), "date");
    info.message = text_parameter(req, "message").value_or("");
    info.document = text_parameter(req, "doc").value_or("");
    info.backdate = true_parameter(text_parameter(req, "backdate"));
    info.dry_run = true_parameter(text_parameter(req, "dry_run"));
    info.accept_unknown_codes = true_parameter(text_parameter(req, "accept_unknown_codes"));
    info.force = true_parameter(text_parameter(req, "force"));
    libland::ReadOptions read;
    read.id_fields = comma_list(required_parameter(req, "id"));
    read.use_field = required_parameter(req, "use");
    read.layer = text_parameter(req, "layer").value_or("");
    read.crs = session.store.crs();
    read.encoding = text_parameter(req, "encoding").value_or("");
    const std::string scope = text_parameter(req, "scope").value_or("sheets");
    if (scope != "sheets" && scope != "communes") throw bad_parameter("scope", "sheets or communes");
    const Upload upload(req);
    // The upload's own name (never the temporary file's): `filename`, else "upload" with its type.
    info.source_name = text_parameter(req, "filename")
                           .value_or("upload" + std::filesystem::path(upload.path()).extension().string());
    libland::Snapshot survey = libland::read_snapshot(upload.path(), read);
    survey.source = "the uploaded survey";  // messages name no server path
    if (true_parameter(text_parameter(req, "repair"))) survey = libland::repaired(std::move(survey));
    try {
        reply_summary(res, session.writer().commit(survey, info, 0.05,
                                                   scope == "communes" ? libland::SurveyScope::communes
                                                                       : libland::SurveyScope::sheets));
    } catch (const libland::survey_refused& refused) {
        HttpError error(422, "SurveyRefused", public_text(refused.what()));
        error.details["findings"] = findings_json(refused.errors());
        throw error;
    }
}

// Members of a transaction's JSON body; a missing or mistyped member answers 400 naming it.
class Body {
public:
    Body(const std::string& text, std::string author)
        : json_(json::parse(text, nullptr, false)), author_(std::move(author)) {
        if (!json_.is_object()) throw HttpError(400, "InvalidInput", "the body must be a JSON object", "body");
    }
    [[nodiscard]] std::string text(const char* name) const {
        const auto it = json_.find(name);
        if (it == json_.end() || !(it->is_string() || it->is_number_integer())) throw bad_parameter(name, "required (a string)");
        return it->is_string() ? it->get<std::string>() : std::to_string(it->get<std::int64_t>());
    }
    [[nodiscard]] std::vector<std::string> list(const char* name, std::size_t at_least) const {
        const auto it = json_.find(name);
        std::vector<std::string> out;
        if (it != json_.end() && it->is_array()) {
            for (const auto& item : *it) {
                if (item.is_string()) out.push_back(item.get<std::string>());
                else if (item.is_number_integer()) out.push_back(std::to_string(item.get<std::int64_t>()));
            }
        }
        if (out.size() < at_least || (it != json_.end() && out.size() != it->size())) {
            throw bad_parameter(name, "required (a list of at least " + std::to_string(at_least) + " parcels)");
        }
        return out;
    }
    [[nodiscard]] libland::CommitInfo info() const {
        libland::CommitInfo info;
        info.date = date_value(text("date"), "date");
        info.document = text("document");
        info.message = json_.value("reason", "");
        info.backdate = flag("backdate");
        info.dry_run = flag("dry_run");
        info.author = author_;
        if (const auto set = json_.find("set"); set != json_.end()) {
            if (!set->is_object()) throw bad_parameter("set", "an object of field names and values");
            for (const auto& [field, value] : set->items()) {
                if (value.is_string()) {
                    info.values[field] = value.get<std::string>();
                } else if (value.is_number() || value.is_null()) {
                    info.values[field] = value.is_null() ? std::string() : value.dump();
                } else {
                    throw bad_parameter("set", "field " + field + " needs a string or a number");
                }
            }
        }
        return info;
    }

private:
    // A boolean member, false when absent; anything but true/false answers 400 naming it.
    [[nodiscard]] bool flag(const char* name) const {
        const auto it = json_.find(name);
        if (it == json_.end()) return false;
        if (!it->is_boolean()) throw bad_parameter(name, "must be true or false");
        return it->get<bool>();
    }

    json json_;
    std::string author_;
};

libland::CommitSummary run_transaction(const std::string& operation, const Body& body, libland::Store& store) {
    if (operation == "split") return store.split(body.text("parcel"), body.text("line"), body.info());
    if (operation == "merge") return store.merge(body.list("parcels", 2), body.info());
    if (operation == "set-use") return store.set_use(body.text("parcel"), body.text("use"), body.info());
    if (operation == "set-attr") {
        const libland::CommitInfo info = body.info();
        if (info.values.empty()) throw bad_parameter("set", "required (an object of field names and new values)");
        return store.set_attributes(body.text("parcel"), info.values, info);
    }
    if (operation == "retire") return store.retire(body.text("parcel"), body.info());
    if (operation == "revert") {
        const std::string commit = body.text("commit");
        if (commit.empty() || commit.size() > 18 || commit.find_first_not_of("0123456789") != std::string::npos) {
            throw bad_parameter("commit", "a commit id (the number the log gives)");
        }
        return store.revert(std::stoll(commit), body.info());
    }
    if (operation == "adjust") {
        const std::vector<std::string> pair = body.list("parcels", 2);
        if (pair.size() != 2) throw bad_parameter("parcels", "an adjustment moves the boundary between two parcels");
        return store.adjust(pair[0], pair[1], body.text("line"), body.info());
    }
    throw not_found("no transaction '" + operation + "' (split, merge, set-use, set-attr, retire, adjust, revert)");
}

}  // namespace

void add_write_routes(Router& server, Service& service) {
    server.Post("/surveys", for_officers(service, post_survey), BodyKind::upload);
    server.Post("/transactions/([^/]+)", for_officers(service, [](const Request& req, Response& res,
                                                                   Session& session) {
        const Body body(req.body, author_of(req, session.writer()));
        reply_summary(res, run_transaction(req.matches[1], body, session.writer()));
    }));
}

}  // namespace landd
