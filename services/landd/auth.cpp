// Who may do what: reading is public or needs a key (--read-key-required); writing needs an
// officer's key, sent as `Authorization: Bearer KEY`. A missing key answers 401, an unknown key or
// a reader's or registry key where an officer's is needed 403; the key itself is never logged or
// echoed. An accepted key's use is recorded once a day (land keys list shows it).
#include "http_error.hpp"
#include "service.hpp"

#include <httplib.h>

#include <libland/error.hpp>

#include <optional>

namespace landd {

namespace {

enum class Access { public_read, reader, officer };

// Returns the bearer token, nothing when the request carries none.
std::optional<std::string> bearer_token(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
    return header.substr(scheme.size());
}

// Returns the key's role, recording its use today unless recorded already (nothing for an unknown key).
std::optional<libland::KeyRole> accepted_role(Service& service, Session& session, const std::string& key) {
    std::optional<libland::KeyRole> role = session.store.check_key(key);
    if (role && service.key_uses.due(key)) {
        try {
            (void)session.writer().record_key_use(key);
            service.key_uses.recorded(key);
        } catch (const libland::error&) {
            // the database is busy with a long write: recorded on a later request
        }
    }
    return role;
}

void check_access(const httplib::Request& req, Service& service, Session& session, Access needed) {
    const std::optional<std::string> token = bearer_token(req);
    if (needed == Access::public_read) {
        if (token) (void)accepted_role(service, session, *token);  // a key sent for the private fields
        return;
    }
    if (!token) {
        throw HttpError(401, "Unauthorized", needed == Access::officer
                                                 ? "writing needs an officer's key: Authorization: Bearer KEY"
                                                 : "reading needs a key: Authorization: Bearer KEY");
    }
    const std::optional<libland::KeyRole> role = accepted_role(service, session, *token);
    if (!role) throw HttpError(403, "Forbidden", "the key is not known");
    if (needed == Access::officer && *role != libland::KeyRole::officer) {
        throw HttpError(403, "Forbidden", std::string("writing needs an officer's key; this key is a ") +
                                              libland::to_string(*role) + "'s");
    }
}

HttpHandler guarded(Service& service, RouteHandler handler, Access needed) {
    return [&service, handler = std::move(handler), needed](const httplib::Request& req, httplib::Response& res) {
        try {
            // Writes may take seconds: they do not hold up the reads' gate.
            std::optional<WorkGate::Pass> pass;
            if (needed != Access::officer) pass.emplace(service.reads);
            SessionPool::Lease session = service.sessions.acquire();
            check_access(req, service, *session, needed);
            handler(req, res, *session);
        } catch (...) {
            reply_current_exception(res);
            if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        }
    };
}

}  // namespace

bool reads_private(const httplib::Request& req, Session& session) {
    const std::optional<std::string> token = bearer_token(req);
    if (!token) return false;
    const std::optional<libland::KeyRole> role = session.store.check_key(*token);
    return role && libland::reads_private_fields(*role);
}

HttpHandler for_readers(Service& service, RouteHandler handler) {
    return guarded(service, std::move(handler),
                   service.options.read_key_required ? Access::reader : Access::public_read);
}

HttpHandler for_officers(Service& service, RouteHandler handler) {
    return guarded(service, std::move(handler), Access::officer);
}

}  // namespace landd
