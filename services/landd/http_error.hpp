#pragma once
// Errors a request handler answers with: an HTTP status and a JSON body
// {"code": ..., "description": ..., "parameter": ...} that names the parameter at fault.
#include "http.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace landd {

class HttpError : public std::runtime_error {
public:
    HttpError(int status, std::string code, const std::string& description, std::string parameter = "")
        : std::runtime_error(description), status_(status), code_(std::move(code)), parameter_(std::move(parameter)) {}

    [[nodiscard]] int status() const noexcept { return status_; }
    [[nodiscard]] const std::string& code() const noexcept { return code_; }
    [[nodiscard]] const std::string& parameter() const noexcept { return parameter_; }
    // More members of the body (e.g. when and by what a parcel was retired).
    nlohmann::ordered_json details = nlohmann::ordered_json::object();

private:
    int status_;
    std::string code_;
    std::string parameter_;
};

// A query parameter with a malformed value: 400 InvalidParameterValue.
[[nodiscard]] HttpError bad_parameter(const std::string& parameter, const std::string& description);
// 404 NotFound.
[[nodiscard]] HttpError not_found(const std::string& description);

// Answers the error as JSON.
void reply_error(Response& res, const HttpError& error);

// Answers the exception in flight (inside a catch block): HttpError as itself, libland's
// usage_error/input_error 400, access_error 403, geometry_error 422, a busy database 503, anything else 500.
void reply_current_exception(Response& res) noexcept;

}  // namespace landd
