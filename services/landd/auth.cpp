// Who may do what: reading is public or needs a key (--read-key-required); writing needs an
// officer's key, sent as `Authorization: Bearer KEY`. A missing key answers 401, an unknown key or
// a reader's or registry key where an officer's is needed 403; the key itself is never logged or
// echoed. An accepted key's use is recorded once a day, by the handler's session (land keys list
// shows it), never by the early check when the headers arrive.
// With --read-db, a reader's or registry key is checked where the reads come from (the replica: a
// new or revoked key counts there once replicated), an officer's key where the writes go (--db: a
// revoked officer key never writes again, whatever the replica's lag), and key uses are recorded on
// --db only (a replica refuses writes and is never sent one).
#include "api_keys.hpp"
#include "http.hpp"
#include "http_error.hpp"
#include "page_layout.hpp"
#include "service.hpp"

#include <libland/error.hpp>

#include <optional>

namespace landd {

namespace {

// Returns the bearer token, nothing when the request carries none.
std::optional<std::string> bearer_token(const Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
    return header.substr(scheme.size());
}

// Records today's use of the request's key, once a day per key, when it is a known key. Never fails
// the request: a database busy with a long write gets it recorded on a later request.
void note_key_use(Service& service, Session& session, const Request& req) {
    const std::optional<std::string> token = bearer_token(req);
    if (!token || !service.key_uses.due(*token) || !api_keys::role(session.store, *token)) return;
    try {
        (void)api_keys::record_use(session.writer(), *token);
        service.key_uses.recorded(*token);  // known keys only: random tokens leave no trace
    } catch (const libland::error&) {
    }
}

}  // namespace

void check_access(const Request& req, libland::Store& store, Access needed) {
    if (needed == Access::public_read) return;
    const std::optional<std::string> token = bearer_token(req);
    if (!token) {
        throw HttpError(401, "Unauthorized", needed == Access::officer
                                                 ? "writing needs an officer's key: Authorization: Bearer KEY"
                                                 : "reading needs a key: Authorization: Bearer KEY");
    }
    const std::optional<libland::KeyRole> role = api_keys::role(store, *token);
    if (!role) throw HttpError(403, "Forbidden", "the key is not known");
    if (needed == Access::officer && *role != libland::KeyRole::officer) {
        throw HttpError(403, "Forbidden", std::string("writing needs an officer's key; this key is a ") +
                                              libland::to_string(*role) + "'s");
    }
}

namespace {

// Where a guarded handler waits for its turn: reads in the work queue's reads' lane (before a
// thread takes them), costly reads at the costly gate (with a cached answer first), writes nowhere
// (they may take seconds).
enum class Lane { read, costly, write };

void answer_failure(const Request& req, Response& res) {
    reply_current_exception(res);
    if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    if (res.status == 503) res.set_header("Retry-After", "2");
    if (wants_html(req)) {
        res.set_content(error_page(res.status, nlohmann::ordered_json::parse(res.body, nullptr, false)),
                        "text/html; charset=utf-8");
    }
}

GuardedHandler guarded(Service& service, RouteHandler handler, Access needed, Lane lane) {
    return GuardedHandler{needed, [&service, handler = std::move(handler), needed, lane](const Request& req,
                                                                                          Response& res) {
        try {
            if (lane == Lane::costly) {
                std::string key = database_state(service.options.reads_from()) + '\n' + req.target + '\n' +
                                  req.get_header_value("Accept") + '\n';
                {
                    SessionPool::Lease session = service.sessions.acquire();
                    check_access(req, session->store, needed);
                    // An officer may read private fields: never answer others from an officer's copy.
                    key += reads_private(req, *session) ? "private" : "public";
                }
                if (std::optional<Response> kept = service.costly.cached(key)) {
                    res = std::move(*kept);
                    return;
                }
                const CostlyWork::Pass pass(service.costly);
                SessionPool::Lease session = service.sessions.acquire();
                handler(req, res, *session);
                service.costly.keep(key, res);
                return;
            }
            SessionPool::Lease session = service.sessions.acquire();
            check_access(req, needed == Access::officer ? session->writer() : session->store, needed);
            note_key_use(service, *session, req);
            handler(req, res, *session);
        } catch (...) {
            answer_failure(req, res);
        }
    }, lane == Lane::read};
}

Access read_access(const Service& service) {
    return service.options.read_key_required ? Access::reader : Access::public_read;
}

}  // namespace

bool reads_private(const Request& req, Session& session) {
    const std::optional<std::string> token = bearer_token(req);
    if (!token) return false;
    const std::optional<libland::KeyRole> role = api_keys::role(session.store, *token);
    return role && libland::reads_private_fields(*role);
}

GuardedHandler for_readers(Service& service, RouteHandler handler) {
    return guarded(service, std::move(handler), read_access(service), Lane::read);
}

GuardedHandler for_costly_reads(Service& service, RouteHandler handler) {
    return guarded(service, std::move(handler), read_access(service), Lane::costly);
}

GuardedHandler for_officers(Service& service, RouteHandler handler) {
    return guarded(service, std::move(handler), Access::officer, Lane::write);
}

}  // namespace landd
