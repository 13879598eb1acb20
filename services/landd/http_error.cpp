// Turning failures into JSON error answers.
#include "http_error.hpp"

#include "http.hpp"
#include "public_text.hpp"

#include <libland/error.hpp>

#include <cstdio>

namespace landd {

HttpError bad_parameter(const std::string& parameter, const std::string& description) {
    return HttpError(400, "InvalidParameterValue", parameter + ": " + description, parameter);
}

HttpError not_found(const std::string& description) { return HttpError(404, "NotFound", description); }

namespace {

// Answers a failure the client cannot fix with a generic text; the real one goes to the log.
HttpError server_failure(const char* what) {
    std::fprintf(stderr, "landd: request failed: %s\n", what);
    return HttpError(500, "ServerError", "the request could not be served (the service's log tells why)");
}

// Answers a refusal of the client's input: the library's reason, without the server's paths, or
// generic when it shows SQL.
HttpError refusal(int status, const char* code, const char* what) {
    std::string text = public_text(what);  // first: the database's own name ("land.sqlite") is no SQL
    if (shows_sql(text)) {
        std::fprintf(stderr, "landd: request refused: %s\n", what);
        return HttpError(status, code, "the request was refused by the database");
    }
    return HttpError(status, code, std::move(text));
}

}  // namespace

void reply_error(Response& res, const HttpError& error) {
    nlohmann::ordered_json body = {{"code", error.code()}, {"description", without_server_files(error.what())}};
    if (!error.parameter().empty()) body["parameter"] = error.parameter();
    body.update(error.details);
    res.status = error.status();
    res.set_content(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), "application/json");
}

void reply_current_exception(Response& res) noexcept {
    try {
        try {
            throw;
        } catch (const HttpError& e) {
            reply_error(res, e);
        } catch (const libland::usage_error& e) {
            reply_error(res, refusal(400, "InvalidRequest", e.what()));
        } catch (const libland::input_error& e) {
            reply_error(res, refusal(400, "InvalidInput", e.what()));
        } catch (const libland::access_error& e) {
            reply_error(res, refusal(403, "Forbidden", e.what()));
        } catch (const libland::geometry_error& e) {
            reply_error(res, refusal(422, "InvalidGeometry", e.what()));
        } catch (const nlohmann::ordered_json::exception& e) {
            reply_error(res, HttpError(400, "InvalidInput", "malformed JSON", "body"));
        } catch (const libland::error& e) {
            if (std::string_view(e.what()).find("busy") != std::string_view::npos) {
                reply_error(res, HttpError(503, "Busy", "the database is busy with another write; try again shortly"));
            } else {
                reply_error(res, server_failure(e.what()));
            }
        } catch (const std::exception& e) {
            reply_error(res, server_failure(e.what()));
        } catch (...) {
            reply_error(res, server_failure("unknown exception"));
        }
    } catch (...) {
        res.status = 500;  // the error body itself failed (memory exhausted)
    }
}

}  // namespace landd
