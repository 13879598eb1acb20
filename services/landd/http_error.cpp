// Turning failures into JSON error answers.
#include "http_error.hpp"

#include <libland/error.hpp>

#include <httplib.h>

namespace landd {

HttpError bad_parameter(const std::string& parameter, const std::string& description) {
    return HttpError(400, "InvalidParameterValue", parameter + ": " + description, parameter);
}

HttpError not_found(const std::string& description) { return HttpError(404, "NotFound", description); }

void reply_error(httplib::Response& res, const HttpError& error) {
    nlohmann::ordered_json body = {{"code", error.code()}, {"description", error.what()}};
    if (!error.parameter().empty()) body["parameter"] = error.parameter();
    body.update(error.details);
    res.status = error.status();
    res.set_content(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), "application/json");
}

void reply_current_exception(httplib::Response& res) noexcept {
    try {
        try {
            throw;
        } catch (const HttpError& e) {
            reply_error(res, e);
        } catch (const libland::usage_error& e) {
            reply_error(res, HttpError(400, "InvalidRequest", e.what()));
        } catch (const libland::input_error& e) {
            reply_error(res, HttpError(400, "InvalidInput", e.what()));
        } catch (const libland::access_error& e) {
            reply_error(res, HttpError(403, "Forbidden", e.what()));
        } catch (const libland::geometry_error& e) {
            reply_error(res, HttpError(422, "InvalidGeometry", e.what()));
        } catch (const nlohmann::ordered_json::exception& e) {
            reply_error(res, HttpError(400, "InvalidInput", std::string("malformed JSON: ") + e.what(), "body"));
        } catch (const libland::error& e) {
            const bool busy = std::string_view(e.what()).find("busy") != std::string_view::npos;
            reply_error(res, HttpError(busy ? 503 : 500, busy ? "Busy" : "ServerError", e.what()));
        } catch (const std::exception& e) {
            reply_error(res, HttpError(500, "ServerError", std::string("internal error: ") + e.what()));
        } catch (...) {
            reply_error(res, HttpError(500, "ServerError", "internal error"));
        }
    } catch (...) {
        res.status = 500;  // the error body itself failed (memory exhausted)
    }
}

}  // namespace landd
