#include "args.hpp"

#include <cmath>
#include <cstdlib>

namespace land {


Args::Args(int argc, char** argv, std::set<std::string> flags) {
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            positionals_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        if (auto eq = name.find('='); eq != std::string::npos) {
            options_.emplace_back(name.substr(0, eq), name.substr(eq + 1));
        } else if (flags.count(name) != 0) {
            flags_set_.insert(name);
        } else if (i + 1 < argc) {
            options_.emplace_back(name, argv[++i]);
        } else {
            throw argument_error("option --" + name + " needs a value");
        }
    }
}

const std::string& Args::positional(std::size_t i, const char* what) const {
    if (i >= positionals_.size()) {
        throw argument_error(std::string("missing ") + what);
    }
    return positionals_[i];
}

std::optional<std::string> Args::option(const std::string& name) const {
    for (auto it = options_.rbegin(); it != options_.rend(); ++it) {
        if (it->first == name) {
            return it->second;
        }
    }
    return std::nullopt;
}

std::vector<std::string> Args::options(const std::string& name) const {
    std::vector<std::string> values;
    for (const auto& [option, value] : options_) {
        if (option == name) values.push_back(value);
    }
    return values;
}

std::string Args::option_or(const std::string& name, std::string fallback) const {
    auto v = option(name);
    return v ? *v : std::move(fallback);
}

std::string Args::required(const std::string& name) const {
    auto v = option(name);
    if (!v || v->empty()) {
        throw argument_error("option --" + name + " is required");
    }
    return *v;
}

double Args::number_or(const std::string& name, double fallback) const {
    auto v = option(name);
    if (!v) {
        return fallback;
    }
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || end == nullptr || *end != '\0') {
        throw argument_error("option --" + name + ": '" + *v + "' is not a number");
    }
    if (!std::isfinite(d)) {  // inf, nan: no measure of metres or counts
        throw argument_error("option --" + name + ": '" + *v + "' is not a finite number");
    }
    return d;
}

bool Args::flag(const std::string& name) const { return flags_set_.count(name) != 0; }

std::vector<std::string> Args::list(const std::string& text) {
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) parts.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return parts;
}

void Args::allow_only(const std::set<std::string>& known) const {
    for (const auto& [name, value] : options_) {
        if (known.count(name) == 0) throw argument_error("unknown option --" + name);
    }
    for (const auto& name : flags_set_) {
        if (known.count(name) == 0) throw argument_error("unknown option --" + name);
    }
}

}  // namespace land
