#pragma once
// For landd's suites: a land database built from the sample maps by the real `land` program
// (init, both surveys committed, the tourism and planning layers loaded, an officer's and a
// reader's key), and the real `landd` serving it on a loopback port, stopped at the end.
#include "sample_maps.hpp"
#include "store_fixtures.hpp"
#include "store_process.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <thread>

namespace libland::test {

struct SampleDatabase {
    std::string path;
    std::string officer_key;
    std::string reader_key;
};

inline void must_run_land(const std::vector<std::string>& args, const std::string& scratch, std::string* out = nullptr) {
    const Outcome o = run_land(args, scratch);
    if (o.code != 0) throw std::runtime_error("land " + args.front() + " failed: " + o.err);
    if (out != nullptr) *out = o.out.substr(0, o.out.find_first_of("\r\n"));
}

// Builds the sample database in the suite's work folder with `land` commands.
inline SampleDatabase build_sample_database(const std::string& suite) {
    SampleDatabase db;
    db.path = fresh_database(suite, "sample.db");
    const std::string scratch = work_folder(suite);
    const std::vector<std::string> id_use{"--id", "maXa,soTo,soThua", "--use", "loaiDat"};
    must_run_land({"init", db.path, "--crs", "EPSG:5897"}, scratch);
    for (const auto& [survey, date] : {std::pair{survey_2019, "2019-06-30"}, {survey_2024, "2024-06-30"}}) {
        std::vector<std::string> args{"commit", db.path, survey, "--date", date};
        args.insert(args.end(), id_use.begin(), id_use.end());
        must_run_land(args, scratch);
    }
    for (const char* layer : {"tourism_sites", "tourism_areas"}) {
        must_run_land({"layer", "load", db.path, sample_maps + "/tourism.gpkg", "--name", layer, "--layer", layer}, scratch);
    }
    must_run_land({"layer", "load", db.path, sample_maps + "/planning_zones.gpkg", "--name", "planning_zones"}, scratch);
    must_run_land({"keys", "add", db.path, "--name", "officer", "--role", "officer"}, scratch, &db.officer_key);
    must_run_land({"keys", "add", db.path, "--name", "reader", "--role", "reader"}, scratch, &db.reader_key);
    return db;
}

// The real landd on 127.0.0.1 and a port it picks itself (it prints the address it serves).
class LanddServer {
public:
    LanddServer(const std::string& db, const std::vector<std::string>& options, const std::string& log_file)
        : log_file_(log_file) {
        std::vector<std::string> args{"--db", db, "--listen", "127.0.0.1:0", "--threads", "8"};
        args.insert(args.end(), options.begin(), options.end());
        pid_ = spawn_program(LANDD_EXECUTABLE, args, "", log_file);
        port_ = wait_for_port();
    }
    ~LanddServer() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            wait_for(pid_);
        }
    }
    LanddServer(const LanddServer&) = delete;
    LanddServer& operator=(const LanddServer&) = delete;

    [[nodiscard]] int port() const noexcept { return port_; }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60);
        return c;
    }
    // Returns the access log so far.
    [[nodiscard]] std::string log() const { return slurp(log_file_); }
    // Stops the server; returns its exit code.
    int stop() {
        kill(pid_, SIGTERM);
        const int code = wait_for(pid_);
        pid_ = -1;
        return code;
    }

private:
    int wait_for_port() {
        const std::string marker = "http://127.0.0.1:";
        for (int i = 0; i < 200; ++i) {
            const std::string text = slurp(log_file_);
            const std::size_t at = text.find(marker);
            if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
                return std::stoi(text.substr(at + marker.size()));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw std::runtime_error("landd did not start: " + slurp(log_file_));
    }

    std::string log_file_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// The sample database and the landd serving it, for one suite.
struct Served {
    SampleDatabase db;
    std::unique_ptr<LanddServer> server;
};

// Builds the sample database for `suite` and starts landd on it with `options`, its log in the
// suite's work folder.
inline Served serve_sample_database(const std::string& suite, const std::vector<std::string>& options) {
    Served out;
    out.db = build_sample_database(suite);
    out.server = std::make_unique<LanddServer>(out.db.path, options, work_path(suite, "landd.log"));
    return out;
}

// Runs landd to completion (for refused command lines). `scratch` is a folder for its output.
inline Outcome run_landd(const std::vector<std::string>& args, const std::string& scratch) {
    const std::string err = scratch + "/landd.err";
    Outcome o;
    o.code = wait_for(spawn_program(LANDD_EXECUTABLE, args, "", err));
    o.err = slurp(err);
    return o;
}

// Returns the JSON body of a response (throws when it is not JSON).
inline nlohmann::json body_of(const httplib::Result& r) {
    if (!r) throw std::runtime_error("no answer from landd");
    return nlohmann::json::parse(r->body);
}

}  // namespace libland::test
