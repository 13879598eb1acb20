#pragma once
// A small command-line parser for `land`: positionals, `--name value` options and `--flag`s.
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace land {

class Args {
public:
    // Parses argv after the command name. `flags` are the options that take no value; every other
    // `--name` takes the next argument (or `--name=value`). Throws libland::usage_error.
    Args(int argc, char** argv, std::set<std::string> flags);

    // Returns the i-th positional argument; throws usage_error naming `what` when it is missing.
    [[nodiscard]] const std::string& positional(std::size_t i, const char* what) const;
    [[nodiscard]] const std::vector<std::string>& positionals() const noexcept { return positionals_; }

    [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
    [[nodiscard]] std::string option_or(const std::string& name, std::string fallback) const;
    // Throws usage_error when the option is absent.
    [[nodiscard]] std::string required(const std::string& name) const;
    // Parses a number; throws usage_error naming the option on a bad value.
    [[nodiscard]] double number_or(const std::string& name, double fallback) const;
    [[nodiscard]] bool flag(const std::string& name) const;

    // Splits "a,b,c" into its parts.
    [[nodiscard]] static std::vector<std::string> list(const std::string& text);

    // Throws usage_error for any option not in `known` (flags included), naming it.
    void allow_only(const std::set<std::string>& known) const;

private:
    std::vector<std::string> positionals_;
    std::vector<std::pair<std::string, std::string>> options_;
    std::set<std::string> flags_set_;
};

}  // namespace land
