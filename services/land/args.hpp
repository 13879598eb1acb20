#pragma once
// A small command-line parser for `land`: positionals, `--name value` options and `--flag`s.
#include <libland/error.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace land {

// A command line that does not parse (a missing argument, an unknown option, a bad number): the
// tool answers with the message and the command's usage. Errors the library raises about what was
// asked (a parcel not current on the date, ...) carry no usage line.
class argument_error : public libland::usage_error {
public:
    using libland::usage_error::usage_error;
};

class Args {
public:
    // Parses argv after the command name. `flags` are the options that take no value; every other
    // `--name` takes the next argument (or `--name=value`). Throws argument_error.
    Args(int argc, char** argv, std::set<std::string> flags);

    // Returns the i-th positional argument; throws argument_error naming `what` when it is missing.
    [[nodiscard]] const std::string& positional(std::size_t i, const char* what) const;
    [[nodiscard]] const std::vector<std::string>& positionals() const noexcept { return positionals_; }

    // Returns the option's last value, or nothing when absent.
    [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
    // Returns every value of a repeatable option, in order.
    [[nodiscard]] std::vector<std::string> options(const std::string& name) const;
    [[nodiscard]] std::string option_or(const std::string& name, std::string fallback) const;
    // Throws argument_error when the option is absent.
    [[nodiscard]] std::string required(const std::string& name) const;
    // Parses a number; throws argument_error naming the option on a bad value.
    [[nodiscard]] double number_or(const std::string& name, double fallback) const;
    [[nodiscard]] bool flag(const std::string& name) const;

    // Splits "a,b,c" into its parts.
    [[nodiscard]] static std::vector<std::string> list(const std::string& text);

    // Throws argument_error for any option not in `known` (flags included), naming it.
    void allow_only(const std::set<std::string>& known) const;

private:
    std::vector<std::string> positionals_;
    std::vector<std::pair<std::string, std::string>> options_;
    std::set<std::string> flags_set_;
};

}  // namespace land
